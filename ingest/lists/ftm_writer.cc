// FollowTheMoney entities into the graph: parties (Company, Organization,
// LegalEntity, Person, Vessel, Airplane, PublicBody) become resolved
// entities, Sanction entities `listed_on` edges, Ownership `owns` edges and
// UnknownLink "affiliated with" `affiliated_with` edges. The mapping is the
// inverse of the export's (docs/export.md).
#include <charconv>
#include <map>

#include "ingest/lists/writer.h"
#include "ingest/util/country_codes.h"
#include "ingest/util/dates.h"
#include "ingest/util/fields.h"
#include "ingest/util/fr_citation.h"

#include "resolve/resolve.h"

namespace ecg::ingest {
namespace {

// The entity type of a party schema, or "" for schemas that are not parties.
std::string PartyType(std::string_view schema) {
  if (schema == "Company") {
    return "company";
  }
  if (schema == "Person") {
    return "person";
  }
  if (schema == "Vessel") {
    return "vessel";
  }
  if (schema == "Airplane") {
    return "aircraft";
  }
  if (schema == "Organization" || schema == "PublicBody") {
    return "organization";
  }
  if (schema == "LegalEntity") {
    return "unknown";
  }
  return "";
}

std::vector<std::string> Values(const FtmEntity& e, std::initializer_list<std::string_view> props) {
  std::vector<std::string> out;
  for (const auto& [p, v] : e.props) {
    for (std::string_view want : props) {
      if (p == want) {
        out.push_back(v);
      }
    }
  }
  return out;
}

std::string First(const FtmEntity& e, std::string_view prop) {
  for (const auto& [p, v] : e.props) {
    if (p == prop) {
      return v;
    }
  }
  return "";
}

// FtM dates may be partial ("2020", "2020-03"); the graph's valid times are
// days, so a partial date starts at its first day.
std::optional<Date> FtmDate(const std::string& text) {
  if (text.size() >= 10) {
    return util::ParseIsoDate(text.substr(0, 10));
  }
  if (text.size() == 7) {
    return util::ParseIsoDate(text + "-01");
  }
  if (text.size() == 4) {
    return util::ParseIsoDate(text + "-01-01");
  }
  return std::nullopt;
}

// The [startDate, endDate) of a relation entity; *error says why not.
Interval IntervalOf(const FtmEntity& e, std::string* error) {
  Interval iv = Interval::Always();
  const std::string from = First(e, "startDate");
  const std::string to = First(e, "endDate");
  if (!from.empty()) {
    auto d = FtmDate(from);
    if (!d) {
      *error = "startDate '" + from + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)";
      return iv;
    }
    iv.from = *d;
  }
  if (!to.empty()) {
    auto d = FtmDate(to);
    if (!d) {
      *error = "endDate '" + to + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)";
      return iv;
    }
    iv.to = *d;
  }
  if (!iv.valid()) {
    *error = "endDate is not after startDate";
  }
  return iv;
}

class FtmWriter {
 public:
  explicit FtmWriter(SourceContext* ctx)
      : ctx_(ctx), resolver_(ctx->batch(), &ctx->view(), &ctx->normalizer()) {}

  Status Write(const std::vector<FtmEntity>& entities) {
    for (const FtmEntity& e : entities) {
      if (e.schema == "Sanction") {
        sanctions_[First(e, "entity")].push_back(&e);
      }
    }
    for (const FtmEntity& e : entities) {
      if (!PartyType(e.schema).empty()) {
        ECG_RETURN_IF_ERROR(WriteParty(e));
      }
    }
    for (const FtmEntity& e : entities) {
      if (e.schema == "Sanction") {
        ECG_RETURN_IF_ERROR(WriteSanction(e));
      } else if (e.schema == "Ownership") {
        ECG_RETURN_IF_ERROR(WriteOwnership(e));
      } else if (e.schema == "UnknownLink") {
        ECG_RETURN_IF_ERROR(WriteLink(e));
      } else if (PartyType(e.schema).empty()) {
        ++ctx_->report()->counts.records_read;
        ctx_->Quarantine(
            e.line, e.offset,
            "FtM schema '" + e.schema + "' of entity '" + e.id +
                "' is not imported (parties, Sanction, Ownership and UnknownLink are)");
      }
    }
    return Status::OK();
  }

 private:
  Result<store::WriteOutcome> Prop(VertexId id, PropertyId prop, const Value& v) {
    return ctx_->SetProperty(id, prop, v);
  }

  Status WriteParty(const FtmEntity& e) {
    ++ctx_->report()->counts.records_read;
    const text::TextNormalizer& norm = ctx_->normalizer();
    std::vector<std::string> names = Values(e, {"name"});
    std::vector<std::string> aliases;
    for (const auto& a : Values(e, {"alias", "previousName", "weakAlias"})) {
      aliases.push_back(norm.Clean(a));
    }
    if (names.empty() && !aliases.empty()) {
      names.push_back(aliases.front());
    }
    if (names.empty()) {
      ctx_->Quarantine(e.line, e.offset, "FtM entity '" + e.id + "' has no name");
      return Status::OK();
    }
    const std::string name = norm.Clean(names.front());
    for (size_t i = 1; i < names.size(); ++i) {
      aliases.push_back(norm.Clean(names[i]));
    }
    std::vector<std::string> countries;
    for (const auto& c : Values(e, {"country", "jurisdiction", "mainCountry", "nationality"})) {
      std::string iso = util::CountryToIso(c);
      if (!iso.empty() && std::find(countries.begin(), countries.end(), iso) == countries.end()) {
        countries.push_back(std::move(iso));
      }
    }
    const std::string country = countries.empty() ? "" : countries.front();
    const std::vector<std::string> others(
        countries.empty() ? countries.begin() : countries.begin() + 1, countries.end());
    if (resolve::EntityKey(norm, name, country).empty()) {
      ctx_->Quarantine(e.line, e.offset, "name without letters or digits: '" + name + "'");
      return Status::OK();
    }
    // The record ids of the entity's listings are its strong keys, as they
    // are for the list records they came from; its entities are distinct
    // parties (one id per party in an FtM dataset) unless those agree.
    std::vector<std::string> record_keys;
    for (const FtmEntity* s : sanctions_[e.id]) {
      if (std::string rid = First(*s, "recordId"); !rid.empty()) {
        record_keys.push_back("rec:" + rid);
      }
    }
    const std::string type = PartyType(e.schema);
    resolve::RecordInput input;
    const std::string strong = record_keys.empty() ? "" : record_keys.front();
    input.strong_key = strong;
    input.scope = record_keys.empty() ? "" : "ftm";
    input.name = name;
    input.aliases = &aliases;
    input.country = country;
    input.other_countries = &others;
    input.type = type == "unknown" ? "" : type;
    ECG_ASSIGN_OR_RETURN(resolve::Resolution res, resolver_.Resolve(input));
    const VertexId id = res.id;
    ids_[e.id] = id;
    bool changed = false;
    auto set = [&](PropertyId p, const Value& v) -> Status {
      ECG_ASSIGN_OR_RETURN(store::WriteOutcome o, Prop(id, p, v));
      changed |= o != store::WriteOutcome::kUnchanged;
      return Status::OK();
    };
    if (res.owner) {
      ECG_RETURN_IF_ERROR(set(prop::kName, Value(name)));
      if (!country.empty()) {
        ECG_RETURN_IF_ERROR(set(prop::kCountry, Value(country)));
      }
      if (type != "unknown") {
        ECG_RETURN_IF_ERROR(set(prop::kType, Value(type)));
      }
      for (const auto& lf : Values(e, {"legalForm"})) {
        ECG_RETURN_IF_ERROR(set(prop::kLegalForm, Value(lf)));
      }
    } else {
      ECG_RETURN_IF_ERROR(set(prop::kAlias, Value(name)));
    }
    for (const auto& a : aliases) {
      ECG_RETURN_IF_ERROR(set(prop::kAlias, Value(a)));
    }
    for (const auto& a : Values(e, {"address"})) {
      ECG_RETURN_IF_ERROR(set(prop::kAddress, Value(norm.Clean(a))));
    }
    for (const auto& i : Values(e, {"idNumber", "registrationNumber", "taxNumber", "leiCode",
                                    "innCode", "ogrnCode", "imoNumber", "swiftBic"})) {
      ECG_RETURN_IF_ERROR(set(prop::kIdentifier, Value(i)));
    }
    for (const auto& n : Values(e, {"notes"})) {
      ECG_RETURN_IF_ERROR(set(prop::kRemarks, Value(n)));
    }
    for (const auto& u : Values(e, {"sourceUrl"})) {
      ECG_RETURN_IF_ERROR(set(prop::kUrl, Value(u)));
    }
    for (const std::string& code : countries) {
      ECG_ASSIGN_OR_RETURN(store::WriteOutcome o, LocateIn(id, code, ctx_));
      changed |= o != store::WriteOutcome::kUnchanged;
    }
    for (size_t i = 1; i < record_keys.size(); ++i) {
      ECG_ASSIGN_OR_RETURN(VertexId holder,
                           ctx_->batch()->Find(VertexKind::kEntity, record_keys[i]));
      if (!holder.valid()) {
        ECG_RETURN_IF_ERROR(ctx_->batch()->AddKey(id, record_keys[i]));
      }
    }
    if (res.created || res.merged) {
      ECG_RETURN_IF_ERROR(Prop(id, prop::kResolution,
                               Value("FtM entity " + e.id + " '" + name + "': " + res.reason))
                              .status());
    }
    CountParty(res.created, res.merged, changed, ctx_);
    return Status::OK();
  }

  // The entity an FtM id names in this file, or invalid with the quarantine
  // reason in *error.
  VertexId Party(const FtmEntity& e, std::string_view prop, std::string* error) {
    const std::string ref = First(e, prop);
    auto it = ids_.find(ref);
    if (it == ids_.end()) {
      *error = ref.empty() ? "no " + std::string(prop)
                           : std::string(prop) + " '" + ref + "' is not a party of this file";
      return VertexId();
    }
    return it->second;
  }

  Result<VertexId> ListVertex(const std::string& code, const std::string& name) {
    return FindOrAddList(code, name, /*alias_names=*/false, ctx_, &lists_);
  }

  Status WriteSanction(const FtmEntity& e) {
    ++ctx_->report()->counts.records_read;
    std::string error;
    const VertexId entity = Party(e, "entity", &error);
    const Interval iv = IntervalOf(e, &error);
    std::string code = First(e, "programId");
    const std::string program = First(e, "program");
    if (code.empty()) {
      code = program;
    }
    if (error.empty() && code.empty()) {
      error = "no programId or program (the list)";
    }
    if (!error.empty()) {
      ctx_->Quarantine(e.line, e.offset, "Sanction '" + e.id + "': " + error);
      return Status::OK();
    }
    ECG_ASSIGN_OR_RETURN(VertexId list, ListVertex(code, program));
    PropertyList props;
    if (std::string cit = First(e, "authorityId"); !cit.empty()) {
      props.emplace_back(prop::kCitation, Value(cit));
    }
    if (std::string req = First(e, "provisions"); !req.empty()) {
      props.emplace_back(prop::kLicenseRequirement, Value(req));
    }
    if (auto d = FtmDate(First(e, "listingDate"))) {
      props.emplace_back(prop::kStartDate, Value(*d));
    }
    if (std::string why = First(e, "reason"); !why.empty()) {
      props.emplace_back(prop::kNote, Value(why));
    }
    // How precise the start is, as the list writer says it: FtM states a
    // date only to the year ("2019") or month ("2019-05") when that is all
    // that is known.
    if (const std::string from = First(e, "startDate"); !from.empty()) {
      const bool day = from.size() >= 10;
      props.emplace_back(prop::kDatePrecision, Value(day                ? "day"
                                                     : from.size() == 4 ? "year"
                                                                        : "range"));
      props.emplace_back(prop::kDatedBy,
                         Value(day ? std::string("the FtM startDate")
                                   : "the FtM startDate " + from + " (day not stated)"));
    }
    std::sort(props.begin(), props.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    ECG_RETURN_IF_ERROR(
        ctx_->PutEdge(EdgeType::kListedOn, entity, list, props, iv, First(e, "recordId")).status());
    return WriteRuleEdges(First(e, "authorityId"), code, iv, entity);
  }

  // The Federal Register rules an authorityId cites ("84 FR 22963; 85 FR
  // 51603"), as the list writer writes a record's citations: a rule vertex
  // per citation, the first `adds` the entity (from the listing's start),
  // the later ones `revise` it (undated: FtM has no date per citation).
  // Anything else in authorityId stays the listing's citation only.
  Status WriteRuleEdges(std::string_view authority_id, const std::string& code,
                        const Interval& listing, VertexId entity) {
    const std::vector<util::FrCitation> cits = util::ParseFrCitations(authority_id);
    for (size_t i = 0; i < cits.size(); ++i) {
      const std::string cit = cits[i].ToString();
      bool created = false;
      ECG_ASSIGN_OR_RETURN(VertexId rule, ctx_->batch()->Vertex(VertexKind::kRule, cit, &created));
      if (created) {
        ECG_RETURN_IF_ERROR(ctx_->SetProperty(rule, prop::kCitation, Value(cit)).status());
      }
      const Interval iv = i == 0 && listing.from != Date::Min() ? Interval::Since(listing.from)
                                                                : Interval::Always();
      PropertyList props = {{prop::kCitation, Value(cit)}, {prop::kListName, Value(code)}};
      ECG_RETURN_IF_ERROR(ctx_->PutEdge(i == 0 ? EdgeType::kAdds : EdgeType::kRevises, rule, entity,
                                        props, iv, code)
                              .status());
    }
    return Status::OK();
  }

  Status WriteOwnership(const FtmEntity& e) {
    ++ctx_->report()->counts.records_read;
    std::string error;
    const VertexId owner = Party(e, "owner", &error);
    const VertexId asset = error.empty() ? Party(e, "asset", &error) : VertexId();
    const Interval iv = IntervalOf(e, &error);
    PropertyList props;
    if (std::string pct = First(e, "percentage"); !pct.empty() && error.empty()) {
      if (!pct.empty() && pct.back() == '%') {
        pct = util::CleanText(pct.substr(0, pct.size() - 1));
      }
      double v = 0;
      auto r = std::from_chars(pct.data(), pct.data() + pct.size(), v);
      if (r.ec != std::errc() || r.ptr != pct.data() + pct.size() || v <= 0 || v > 100) {
        error = "percentage '" + First(e, "percentage") + "' is not a number in (0, 100]";
      } else {
        props.emplace_back(prop::kPct, Value(v));
      }
    }
    if (error.empty() && owner == asset) {
      error = "owner and asset are the same entity";
    }
    if (!error.empty()) {
      ctx_->Quarantine(e.line, e.offset, "Ownership '" + e.id + "': " + error);
      return Status::OK();
    }
    if (std::string note = First(e, "summary"); !note.empty()) {
      props.emplace_back(prop::kNote, Value(note));
    }
    std::sort(props.begin(), props.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    return ctx_->PutEdge(EdgeType::kOwns, owner, asset, props, iv).status();
  }

  Status WriteLink(const FtmEntity& e) {
    ++ctx_->report()->counts.records_read;
    std::string error;
    const VertexId subject = Party(e, "subject", &error);
    const VertexId object = error.empty() ? Party(e, "object", &error) : VertexId();
    const Interval iv = IntervalOf(e, &error);
    if (error.empty() && First(e, "role") != "affiliated with") {
      error = "role '" + First(e, "role") + "' is not imported (only \"affiliated with\" is)";
    }
    if (!error.empty()) {
      ctx_->Quarantine(e.line, e.offset, "UnknownLink '" + e.id + "': " + error);
      return Status::OK();
    }
    return ctx_->PutEdge(EdgeType::kAffiliatedWith, subject, object, {}, iv).status();
  }

  SourceContext* ctx_;
  resolve::EntityResolver resolver_;
  std::map<std::string, std::vector<const FtmEntity*>> sanctions_;  // by FtM entity id
  std::map<std::string, VertexId> ids_;                             // FtM id -> entity
  std::map<std::string, VertexId> lists_;                           // list code -> list
};

}  // namespace

Status WriteFtm(const std::vector<FtmEntity>& entities, SourceContext* ctx) {
  FtmWriter writer(ctx);
  return writer.Write(entities);
}

}  // namespace ecg::ingest
