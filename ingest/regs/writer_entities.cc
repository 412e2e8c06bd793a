// RegWriter: Entity List amendments found in a regulatory text, as adds /
// revises / removes edges from the rule to entities resolved by name and
// country.
#include <string>
#include <utility>

#include "ingest/regs/writer.h"
#include "ingest/util/country_codes.h"
#include "schema/catalog.h"

#include "resolve/resolve.h"

namespace ecg::ingest {
namespace {

// An enum-to-enum switch, as writer_rules.cc's EdgeOf(RuleRelation): the shape
// is the switch's, the mapping each one's own.
EdgeType EdgeOf(ListChangeKind kind) {
  switch (kind) {
    case ListChangeKind::kAdd:
      return EdgeType::kAdds;
    case ListChangeKind::kRevise:
      return EdgeType::kRevises;
    case ListChangeKind::kRemove:
      break;
  }
  return EdgeType::kRemoves;
}

// The ISO code of an Entity List table heading ("CHINA, PEOPLE'S REPUBLIC
// OF"), "" when unknown.
std::string IsoOfHeading(const std::string& heading) {
  std::string iso = util::CountryToIso(heading);
  if (iso.empty()) {
    iso = EarCountryIso(heading);
  }
  if (iso.empty()) {
    // "CHINA, PEOPLE'S REPUBLIC OF" -> "CHINA"
    size_t comma = heading.find(',');
    if (comma != std::string::npos) {
      iso = util::CountryToIso(heading.substr(0, comma));
    }
  }
  return iso;
}

}  // namespace

Result<VertexId> RegWriter::ResolveEntity(const std::vector<std::string>& names,
                                          const std::string& iso, const std::string& key,
                                          bool as_record) {
  ECG_ASSIGN_OR_RETURN(VertexId id, batch_->Find(VertexKind::kEntity, key));
  if (id.valid()) {
    return id;
  }
  for (const std::string& name : names) {
    if (view_ == nullptr) {
      break;
    }
    if (name.empty()) {
      continue;
    }
    VertexId match;
    Status inner;
    const std::string name_key =
        as_record ? resolve::CanonicalNameKey(*normalizer_, name) : std::string();
    const bool weak = as_record && !resolve::WeakNameReason(*normalizer_, name).empty();
    ECG_RETURN_IF_ERROR(view_->FindByName(
        name, VertexKind::kEntity, [&](VertexId candidate, std::string_view indexed) {
          if (as_record) {
            if (resolve::CanonicalNameKey(*normalizer_, indexed) != name_key) {
              return true;
            }
            if (weak) {
              Result<Value> primary = view_->GetValue(candidate, prop::kName);
              if (!primary.ok()) {
                inner = primary.status();
                return false;
              }
              if (primary->type() != PropertyType::kString ||
                  resolve::CanonicalNameKey(*normalizer_, primary->as_string()) != name_key) {
                return true;
              }
            }
          }
          Result<Value> country = view_->GetValue(candidate, prop::kCountry);
          if (!country.ok()) {
            inner = country.status();
            return false;
          }
          bool agrees = iso.empty() || country->is_null() ||
                        (country->type() == PropertyType::kString && country->as_string() == iso);
          if (agrees) {
            match = candidate;
            return false;
          }
          return true;
        }));
    ECG_RETURN_IF_ERROR(inner);
    if (match.valid()) {
      // The key makes the next resolution stable, whatever the index holds then.
      ECG_RETURN_IF_ERROR(batch_->AddKey(match, key));
      ++counts_.entities_merged;
      return match;
    }
  }
  return Vertex(VertexKind::kEntity, key);
}

Status RegWriter::WriteListChange(VertexId rule, const FrDocument& doc,
                                  const EntityListChange& change, Interval valid) {
  if (change.name.empty()) {
    warnings_.push_back("rule " + doc.document_number + ": an Entity List change without a name");
    return Status::OK();
  }
  std::string iso = IsoOfHeading(change.country);
  std::string key = resolve::EntityKey(*normalizer_, change.name, iso);
  if (key.empty()) {
    warnings_.push_back("rule " + doc.document_number + ": Entity List name without letters '" +
                        change.name + "'");
    return Status::OK();
  }
  ECG_ASSIGN_OR_RETURN(VertexId entity, ResolveEntity({change.name}, iso, key, true));
  // Names and addresses hold from the change on; the entity existed before,
  // but this document is the evidence.
  ECG_RETURN_IF_ERROR(NameOrAlias(entity, change.name, valid));
  for (const std::string& alias : change.aliases) {
    ECG_RETURN_IF_ERROR(SetIfPresent(entity, prop::kAlias, alias, valid));
  }
  for (const std::string& address : change.addresses) {
    ECG_RETURN_IF_ERROR(SetIfPresent(entity, prop::kAddress, address, valid));
  }
  if (!iso.empty()) {
    std::vector<store::PropertyStatement> countries;
    ECG_RETURN_IF_ERROR(batch_->GetProperties(entity, prop::kCountry, &countries));
    // Another source's country stands; ours is written when there is none
    // (or re-asserted when it agrees).
    bool agrees = countries.empty();
    for (const auto& st : countries) {
      agrees = agrees || st.value == Value(iso);
    }
    if (agrees) {
      ECG_RETURN_IF_ERROR(Set(entity, prop::kCountry, Value(iso), valid));
    }
    ECG_ASSIGN_OR_RETURN(VertexId country, Country(iso));
    ECG_RETURN_IF_ERROR(Edge(EdgeType::kLocatedIn, entity, country, {}, valid));
  } else if (!change.country.empty()) {
    warnings_.push_back("rule " + doc.document_number + ": no ISO code for Entity List heading '" +
                        change.country + "'");
  }
  std::string citation = doc.citation;
  if (citation.empty() && change.citation.find('[') == std::string::npos) {
    citation = change.citation;
  }
  PropertyList props;
  if (!citation.empty()) {
    props.emplace_back(prop::kCitation, Value(citation));
  }
  if (!change.license_requirement.empty()) {
    props.emplace_back(prop::kLicenseRequirement, Value(change.license_requirement));
  }
  if (!change.license_policy.empty()) {
    props.emplace_back(prop::kLicensePolicy, Value(change.license_policy));
  }
  props.emplace_back(prop::kListName, Value(change.list_name));
  return Edge(EdgeOf(change.kind), rule, entity, props, valid);
}

}  // namespace ecg::ingest
