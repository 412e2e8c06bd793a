// RegWriter: shared write helpers and the dispatch on a parsed file's format.
#include "ingest/regs/writer.h"

#include <utility>

#include "schema/catalog.h"

namespace ecg::ingest {

void RegWriteCounts::Add(store::WriteOutcome outcome) {
  switch (outcome) {
    case store::WriteOutcome::kCreated:
      ++created;
      break;
    case store::WriteOutcome::kChanged:
      ++changed;
      break;
    case store::WriteOutcome::kUnchanged:
      ++unchanged;
      break;
  }
}

RegWriter::RegWriter(store::Batch* batch, VertexId source, const store::ReadView* view,
                     const text::TextNormalizer* normalizer)
    : batch_(batch), source_(source), view_(view), normalizer_(normalizer) {}

Status RegWriter::Set(VertexId id, PropertyId prop, const Value& value, Interval valid) {
  ECG_ASSIGN_OR_RETURN(store::WriteOutcome outcome,
                       batch_->SetProperty(id, prop, value, valid, source_));
  counts_.Add(outcome);
  return Status::OK();
}

Status RegWriter::SetIfPresent(VertexId id, PropertyId prop, const std::string& value,
                               Interval valid) {
  if (value.empty()) {
    return Status::OK();
  }
  return Set(id, prop, Value(value), valid);
}

Status RegWriter::NameOrAlias(VertexId id, const std::string& name, Interval valid) {
  if (name.empty()) {
    return Status::OK();
  }
  std::vector<store::PropertyStatement> names;
  ECG_RETURN_IF_ERROR(batch_->GetProperties(id, prop::kName, &names));
  for (const auto& st : names) {
    if (st.meta.valid.is_open() && st.value.type() == PropertyType::kString) {
      if (st.value.as_string() == name) {
        return Set(id, prop::kName, Value(name), valid);  // our own earlier statement
      }
      return Set(id, prop::kAlias, Value(name), valid);
    }
  }
  return Set(id, prop::kName, Value(name), valid);
}

Status RegWriter::Edge(EdgeType type, VertexId src, VertexId dst, const PropertyList& props,
                       Interval valid, std::string_view discriminator) {
  ECG_ASSIGN_OR_RETURN(store::WriteOutcome outcome,
                       batch_->PutEdge(type, src, dst, props, valid, source_, discriminator));
  counts_.Add(outcome);
  if (outcome != store::WriteOutcome::kUnchanged) {
    ++counts_.edges_written;
  }
  return Status::OK();
}

Result<VertexId> RegWriter::Vertex(VertexKind kind, std::string_view key, bool* created) {
  bool made = false;
  ECG_ASSIGN_OR_RETURN(VertexId id, batch_->Vertex(kind, key, &made));
  if (made && kind == VertexKind::kEntity) {
    ++counts_.entities_new;
  }
  if (created != nullptr) {
    *created = made;
  }
  return id;
}

std::string RegWriter::Fold(std::string_view name) const {
  std::vector<std::string> keys = normalizer_->Keys(name);
  return keys.empty() ? std::string() : keys.front();
}

Result<VertexId> RegWriter::Eccn(const std::string& code) {
  ECG_ASSIGN_OR_RETURN(VertexId id, Vertex(VertexKind::kEccn, code));
  ECG_RETURN_IF_ERROR(Set(id, prop::kCode, Value(code), Interval::Always()));
  ECG_RETURN_IF_ERROR(Set(id, prop::kName, Value(code), Interval::Always()));
  return id;
}

Result<VertexId> RegWriter::Country(const std::string& iso) {
  ECG_ASSIGN_OR_RETURN(VertexId id, Vertex(VertexKind::kCountry, iso));
  ECG_RETURN_IF_ERROR(Set(id, prop::kCode, Value(iso), Interval::Always()));
  return id;
}

Status RegWriter::WriteRegFile(const RegFile& file) {
  if (file.format == kFormatFrPost || file.format == kFormatFrXml || file.format == kFormatFrJson) {
    ECG_ASSIGN_OR_RETURN(std::vector<FrDocument> docs, MergeFrDocuments(file.documents));
    for (const FrDocument& doc : docs) {
      ECG_RETURN_IF_ERROR(WriteFrDocument(doc));
    }
    return Status::OK();
  }
  if (file.format == kFormatCcl) {
    return WriteCcl(file.ccl);
  }
  if (file.format == kFormatCountryGroups || file.format == kFormatCountryChart) {
    return WriteCountryTable(file.countries);
  }
  if (file.format == kFormatCclIndex) {
    return WriteCclIndex(file.index);
  }
  if (file.format == kFormatTechnologies) {
    return WriteTechnologies(file.technologies);
  }
  return Status::NotSupported("regulation writer: no writer for format '" + file.format + "'");
}

}  // namespace ecg::ingest
