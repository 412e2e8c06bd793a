// RegWriter: the Commerce Control List, the country tables, the 2015 CCL
// index and the curated technology mapping.
#include <string>
#include <utility>

#include "ingest/regs/writer.h"
#include "schema/catalog.h"

namespace ecg::ingest {

Status RegWriter::WriteCcl(const CclDocument& ccl) {
  // The file is a snapshot of today's CCL that does not say since when each
  // entry reads as it does: its facts are written open-ended in valid time
  // (docs/data-model.md).
  const Interval always = Interval::Always();
  for (const EccnEntry& e : ccl.entries) {
    ECG_ASSIGN_OR_RETURN(VertexId id, Eccn(e.code));
    ECG_RETURN_IF_ERROR(
        Set(id, prop::kSubtype, Value(e.parent.empty() ? "eccn" : "paragraph"), always));
    ECG_RETURN_IF_ERROR(SetIfPresent(id, prop::kHeading, e.heading, always));
    ECG_RETURN_IF_ERROR(SetIfPresent(id, prop::kCategory, e.category, always));
    ECG_RETURN_IF_ERROR(SetIfPresent(id, prop::kRelatedControls, e.related_controls, always));
    for (const std::string& reason : e.reasons) {
      ECG_RETURN_IF_ERROR(SetIfPresent(id, prop::kReason, reason, always));
    }
    for (const LicenseExceptionFlag& flag : e.license_exceptions) {
      if (flag.available) {
        ECG_RETURN_IF_ERROR(SetIfPresent(id, prop::kLicenseException, flag.code, always));
      }
    }
    for (const ControlLine& line : e.controls) {
      std::string text = line.control;
      if (!line.chart.empty()) {
        text += ": " + line.chart;
      }
      ECG_RETURN_IF_ERROR(SetIfPresent(id, prop::kControl, text, always));
    }
    for (double v : e.tpp) {
      ECG_RETURN_IF_ERROR(Set(id, prop::kTpp, Value(v), always));
    }
    for (double v : e.performance_density) {
      ECG_RETURN_IF_ERROR(Set(id, prop::kPerformanceDensity, Value(v), always));
    }
    if (e.operations) {
      ECG_RETURN_IF_ERROR(Set(id, prop::kOperations, Value(*e.operations), always));
    }
    if (!e.parent.empty()) {
      ECG_ASSIGN_OR_RETURN(VertexId parent, Eccn(e.parent));
      ECG_RETURN_IF_ERROR(Edge(EdgeType::kParentOf, parent, id, {}, always));
    }
    ++counts_.records;
  }
  return Status::OK();
}

Status RegWriter::WriteCountryTable(const CountryTable& table) {
  const Interval always = Interval::Always();
  auto group_vertex = [&](const std::string& code) -> Result<VertexId> {
    ECG_ASSIGN_OR_RETURN(VertexId id, Country(code));
    ECG_RETURN_IF_ERROR(Set(id, prop::kSubtype, Value("group"), always));
    ECG_RETURN_IF_ERROR(Set(id, prop::kName, Value(code), always));
    return id;
  };
  for (const CountryGroup& g : table.groups) {
    ECG_ASSIGN_OR_RETURN(VertexId id, group_vertex(g.code));
    ECG_RETURN_IF_ERROR(SetIfPresent(id, prop::kAlias, g.label, always));
  }
  for (const CountryRecord& c : table.countries) {
    if (c.iso2.empty()) {
      warnings_.push_back("country '" + c.name + "' has no ISO code: skipped");
      continue;
    }
    ECG_ASSIGN_OR_RETURN(VertexId id, Country(c.iso2));
    ECG_RETURN_IF_ERROR(Set(id, prop::kSubtype, Value("country"), always));
    ECG_RETURN_IF_ERROR(NameOrAlias(id, c.name, always));
    for (const std::string& g : c.groups) {
      ECG_ASSIGN_OR_RETURN(VertexId group, group_vertex(g));
      ECG_RETURN_IF_ERROR(Set(id, prop::kGroup, Value(g), always));
      ECG_RETURN_IF_ERROR(Edge(EdgeType::kMemberOf, id, group, {}, always));
    }
    ++counts_.records;
  }
  return Status::OK();
}

Status RegWriter::WriteCclIndex(const std::vector<IndexEntry>& index) {
  ECG_ASSIGN_OR_RETURN(Date start, Date::Parse(kCclIndex2015Date));
  const Interval valid = Interval::Since(start);
  for (const IndexEntry& entry : index) {
    if (entry.keyword.empty()) {
      continue;
    }
    ECG_ASSIGN_OR_RETURN(VertexId tech, Vertex(VertexKind::kTechnology,
                                               std::string(kIndexTechPrefix) + entry.keyword));
    ECG_RETURN_IF_ERROR(Set(tech, prop::kName, Value(entry.keyword), valid));
    ECG_RETURN_IF_ERROR(Set(tech, prop::kSubtype, Value("idx2015"), valid));
    for (const IndexEccn& cell : entry.eccns) {
      if (cell.code.empty()) {
        continue;  // "see Computers": a cross-reference, not an ECCN
      }
      ECG_ASSIGN_OR_RETURN(VertexId eccn, Eccn(cell.code));
      PropertyList props;
      if (!cell.note.empty()) {
        props.emplace_back(prop::kNote, Value(cell.note));
      }
      ECG_RETURN_IF_ERROR(Edge(EdgeType::kControls, eccn, tech, props, valid));
    }
    ++counts_.records;
  }
  return Status::OK();
}

Status RegWriter::WriteTechnologies(const std::vector<Technology>& technologies) {
  const Interval always = Interval::Always();
  for (const Technology& t : technologies) {
    ECG_ASSIGN_OR_RETURN(VertexId tech, Vertex(VertexKind::kTechnology, t.code));
    ECG_RETURN_IF_ERROR(Set(tech, prop::kCode, Value(t.code), always));
    ECG_RETURN_IF_ERROR(SetIfPresent(tech, prop::kName, t.name, always));
    for (const std::string& alias : t.name_zh) {
      ECG_RETURN_IF_ERROR(SetIfPresent(tech, prop::kAlias, alias, always));
    }
    for (const std::string& alias : t.aliases) {
      ECG_RETURN_IF_ERROR(SetIfPresent(tech, prop::kAlias, alias, always));
    }
    ECG_RETURN_IF_ERROR(SetIfPresent(tech, prop::kSourceNote, t.source_note, always));
    for (const std::string& code : t.eccns) {
      ECG_ASSIGN_OR_RETURN(VertexId eccn, Eccn(code));
      ECG_RETURN_IF_ERROR(Edge(EdgeType::kControls, eccn, tech, {}, always));
    }
    for (size_t i = 0; i < t.makers.size(); ++i) {
      const std::string& maker = t.makers[i];
      std::string zh = i < t.maker_zh.size() ? t.maker_zh[i] : std::string();
      std::string folded = Fold(maker);
      std::string key = std::string(kMakerPrefix) + (folded.empty() ? maker : folded);
      ECG_ASSIGN_OR_RETURN(VertexId entity, ResolveEntity({maker, zh}, "", key));
      ECG_RETURN_IF_ERROR(NameOrAlias(entity, maker, always));
      ECG_RETURN_IF_ERROR(SetIfPresent(entity, prop::kAlias, zh, always));
      ECG_RETURN_IF_ERROR(Edge(EdgeType::kProduces, entity, tech, {}, always));
    }
    ++counts_.records;
  }
  return Status::OK();
}

}  // namespace ecg::ingest
