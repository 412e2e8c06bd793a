// RegWriter: Federal Register documents as rule vertices, their ECCN and
// rule-to-rule edges.
#include <string>
#include <utility>

#include "ingest/regs/writer.h"
#include "schema/catalog.h"

namespace ecg::ingest {
namespace {

// [day, open) or always when the day is unknown.
Interval SinceOrAlways(std::optional<Date> day) {
  return day ? Interval::Since(*day) : Interval::Always();
}

std::string CountryCounts(const ListCounts& counts) {
  std::string out;
  for (const CountryCount& c : counts.per_country) {
    if (!out.empty()) {
      out += "; ";
    }
    out += c.country + " (" + std::to_string(c.count) + ")";
  }
  return out;
}

EdgeType EdgeOf(RuleRelation relation) {
  switch (relation) {
    case RuleRelation::kCorrects:
      return EdgeType::kCorrects;
    case RuleRelation::kRescinds:
      return EdgeType::kRescinds;
    case RuleRelation::kSuspends:
      return EdgeType::kSuspends;
    case RuleRelation::kRevises:
    case RuleRelation::kSupersedes:
      break;
  }
  return EdgeType::kSupersedes;
}

}  // namespace

Status RegWriter::WriteFrDocument(const FrDocument& doc) {
  ECG_ASSIGN_OR_RETURN(VertexId rule, ResolveRule(doc));
  // A document's facts hold from its publication (or an earlier effective
  // date); the changes it makes take effect on its effective date.
  std::optional<Date> first = doc.publication_date;
  if (doc.effective_date && (!first || *doc.effective_date < *first)) {
    first = doc.effective_date;
  }
  Interval props_valid = SinceOrAlways(first);
  Interval effect_valid =
      SinceOrAlways(doc.effective_date ? doc.effective_date : doc.publication_date);
  ECG_RETURN_IF_ERROR(WriteRuleProps(rule, doc, props_valid));
  for (const EccnRef& ref : doc.eccns) {
    ECG_ASSIGN_OR_RETURN(VertexId eccn, Eccn(ref.code));
    ECG_RETURN_IF_ERROR(Edge(EdgeType::kAmends, rule, eccn,
                             {{prop::kRole, Value(std::string(EccnRoleName(ref.role)))}},
                             effect_valid));
  }
  ECG_RETURN_IF_ERROR(WriteRuleRefs(rule, doc, effect_valid));
  for (const EntityListChange& change : doc.changes) {
    ECG_RETURN_IF_ERROR(WriteListChange(rule, doc, change, effect_valid));
  }
  ++counts_.records;
  return Status::OK();
}

Result<VertexId> RegWriter::ResolveRule(const FrDocument& doc) {
  const std::string& number = doc.document_number;
  const std::string& cite = doc.citation;
  std::string title_key;
  if (!doc.title.empty()) {
    std::string folded = Fold(doc.title);
    if (!folded.empty()) {
      title_key = std::string(kTitleKeyPrefix) + folded;
    }
  }
  VertexId by_number;
  VertexId by_cite;
  if (!number.empty()) {
    ECG_ASSIGN_OR_RETURN(by_number, batch_->Find(VertexKind::kRule, number));
  }
  if (!cite.empty()) {
    ECG_ASSIGN_OR_RETURN(by_cite, batch_->Find(VertexKind::kRule, cite));
  }
  VertexId id = by_number.valid() ? by_number : by_cite;
  if (!id.valid() && !title_key.empty()) {
    // A placeholder a reference created by title (it has no document number).
    ECG_ASSIGN_OR_RETURN(VertexId by_title, batch_->Find(VertexKind::kRule, title_key));
    if (by_title.valid()) {
      std::vector<store::PropertyStatement> numbers;
      ECG_RETURN_IF_ERROR(batch_->GetProperties(by_title, prop::kDocumentNumber, &numbers));
      if (numbers.empty()) {
        id = by_title;
      }
    }
  }
  if (!id.valid()) {
    std::string key = !number.empty() ? number : !cite.empty() ? cite : title_key;
    if (key.empty()) {
      return Status::InvalidArgument("Federal Register document without number, citation or title");
    }
    ECG_ASSIGN_OR_RETURN(id, Vertex(VertexKind::kRule, key));
  }
  const std::string* keys[] = {&number, &cite, &title_key};
  for (const std::string* key : keys) {
    if (key->empty()) {
      continue;
    }
    ECG_ASSIGN_OR_RETURN(VertexId owner, batch_->Find(VertexKind::kRule, *key));
    if (!owner.valid()) {
      ECG_RETURN_IF_ERROR(batch_->AddKey(id, *key));
    } else if (owner != id && key != &title_key) {
      // Two vertices already hold the document's keys (e.g. a citation
      // mis-assigned by a list): keep them apart and say so.
      warnings_.push_back("rule " + number + ": key '" + *key + "' belongs to another rule vertex");
    }
  }
  return id;
}

Status RegWriter::WriteRuleProps(VertexId rule, const FrDocument& doc, Interval valid) {
  ECG_RETURN_IF_ERROR(SetIfPresent(rule, prop::kDocumentNumber, doc.document_number, valid));
  ECG_RETURN_IF_ERROR(SetIfPresent(rule, prop::kTitle, doc.title, valid));
  ECG_RETURN_IF_ERROR(SetIfPresent(rule, prop::kName, doc.title, valid));
  ECG_RETURN_IF_ERROR(SetIfPresent(rule, prop::kSubtype, doc.type, valid));
  if (doc.publication_date) {
    ECG_RETURN_IF_ERROR(Set(rule, prop::kPublicationDate, Value(*doc.publication_date), valid));
  }
  if (doc.effective_date) {
    ECG_RETURN_IF_ERROR(Set(rule, prop::kEffectiveDate, Value(*doc.effective_date), valid));
  }
  ECG_RETURN_IF_ERROR(SetIfPresent(rule, prop::kAction, doc.action, valid));
  ECG_RETURN_IF_ERROR(SetIfPresent(rule, prop::kAgency, doc.agency, valid));
  ECG_RETURN_IF_ERROR(SetIfPresent(rule, prop::kAbstract, doc.abstract, valid));
  ECG_RETURN_IF_ERROR(SetIfPresent(rule, prop::kRin, doc.rin, valid));
  ECG_RETURN_IF_ERROR(SetIfPresent(rule, prop::kCitation, doc.citation, valid));
  ECG_RETURN_IF_ERROR(SetIfPresent(rule, prop::kUrl, doc.url, valid));
  for (const std::string& part : doc.cfr_parts) {
    ECG_RETURN_IF_ERROR(SetIfPresent(rule, prop::kCfrPart, part, valid));
  }
  const ListCounts& c = doc.counts;
  const std::pair<PropertyId, const std::optional<int>*> counts[] = {
      {prop::kEntitiesAdded, &c.entities_added},
      {prop::kEntriesAdded, &c.entries_added},
      {prop::kEntitiesRevised, &c.entities_revised},
      {prop::kEntitiesRemoved, &c.entities_removed}};
  for (const auto& [id, value] : counts) {
    if (value->has_value()) {
      ECG_RETURN_IF_ERROR(Set(rule, id, Value(static_cast<int64_t>(**value)), valid));
    }
  }
  return SetIfPresent(rule, prop::kCountryCounts, CountryCounts(c), valid);
}

Result<VertexId> RegWriter::ResolveRef(const RuleRef& ref, VertexId self) {
  Interval always = Interval::Always();
  // A target named by its document number or citation is the rule of that key,
  // created with the key as its property when the graph has no such rule yet.
  auto keyed = [&](const std::string& key, PropertyId p) -> Result<VertexId> {
    bool created = false;
    ECG_ASSIGN_OR_RETURN(VertexId id, Vertex(VertexKind::kRule, key, &created));
    if (created) {
      ECG_RETURN_IF_ERROR(Set(id, p, Value(key), always));
    }
    return id;
  };
  if (!ref.document_number.empty()) {
    return keyed(ref.document_number, prop::kDocumentNumber);
  }
  if (!ref.citation.empty()) {
    return keyed(ref.citation, prop::kCitation);
  }
  std::string folded = ref.title.empty() ? std::string() : Fold(ref.title);
  if (folded.empty() && ref.target_date) {
    ECG_ASSIGN_OR_RETURN(VertexId by_date, RulePublishedOn(*ref.target_date, self));
    if (by_date.valid()) {
      return by_date;
    }
  }
  if (folded.empty()) {
    warnings_.push_back(std::string("a ") + std::string(RuleRelationName(ref.relation)) +
                        " reference names no document, citation, title or single rule of its "
                        "date known so far: skipped");
    return VertexId();
  }
  std::string key = std::string(kTitleKeyPrefix) + folded;
  ECG_ASSIGN_OR_RETURN(VertexId found, batch_->Find(VertexKind::kRule, key));
  if (found.valid() && found != self && ref.target_date) {
    std::vector<store::PropertyStatement> pubs;
    ECG_RETURN_IF_ERROR(batch_->GetProperties(found, prop::kPublicationDate, &pubs));
    for (const auto& st : pubs) {
      if (st.value.type() == PropertyType::kDate && st.value.as_date() != *ref.target_date) {
        warnings_.push_back("reference to \"" + ref.title + "\" of " + ref.target_date->ToString() +
                            " matches a rule of another date");
        return VertexId();
      }
    }
  }
  if (found.valid()) {
    return found;
  }
  // A placeholder, completed when the document itself arrives.
  ECG_ASSIGN_OR_RETURN(VertexId id, Vertex(VertexKind::kRule, key));
  ECG_RETURN_IF_ERROR(Set(id, prop::kTitle, Value(ref.title), always));
  ECG_RETURN_IF_ERROR(Set(id, prop::kName, Value(ref.title), always));
  if (ref.target_date) {
    ECG_RETURN_IF_ERROR(Set(id, prop::kPublicationDate, Value(*ref.target_date), always));
  }
  return id;
}

Result<VertexId> RegWriter::RulePublishedOn(Date day, VertexId self) {
  if (view_ == nullptr) {
    return VertexId();
  }
  std::vector<VertexId> rules;
  ECG_RETURN_IF_ERROR(view_->ScanKind(VertexKind::kRule, [&](VertexId id) {
    rules.push_back(id);
    return true;
  }));
  VertexId found;
  for (VertexId id : rules) {
    ECG_ASSIGN_OR_RETURN(Value pub, view_->GetValue(id, prop::kPublicationDate));
    if (id == self || pub.type() != PropertyType::kDate || pub.as_date() != day) {
      continue;
    }
    if (found.valid()) {
      return VertexId();  // several rules of that day: ambiguous
    }
    found = id;
  }
  return found;
}

Status RegWriter::WriteRuleRefs(VertexId rule, const FrDocument& doc, Interval valid) {
  for (const RuleRef& ref : doc.related) {
    if (!ref.document_number.empty() && ref.document_number == doc.document_number) {
      continue;
    }
    ECG_ASSIGN_OR_RETURN(VertexId target, ResolveRef(ref, rule));
    if (!target.valid() || target == rule) {
      continue;
    }
    Interval when = valid;
    if (ref.interval && ref.interval->valid()) {
      when = *ref.interval;
    }
    ECG_RETURN_IF_ERROR(
        Edge(EdgeOf(ref.relation), rule, target,
             {{prop::kRelation, Value(std::string(RuleRelationName(ref.relation)))}}, when));
  }
  return Status::OK();
}

}  // namespace ecg::ingest
