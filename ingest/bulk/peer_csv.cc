#include "ingest/bulk/peer_csv.h"

#include <charconv>
#include <chrono>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/util/csv.h"

namespace ecg::ingest {
namespace {

using RowFn = std::function<Status(const std::vector<std::string>&, uint64_t line)>;

// Streams the CSV file at `path` (it may be large) and hands each record and
// its line to `on_row`; the first record is the header.
Status ForEachRow(const std::string& path, const RowFn& on_row) {
  util::CsvSyntaxError error;
  Status s = util::ForEachCsvFileRecord(
      path, {.delimiter = ',', .strict = true},
      [&](util::CsvRecord* r) { return on_row(r->fields, r->line); }, &error);
  if (s.ok() || s.code() != StatusCode::kInvalidArgument || error.reason.empty()) {
    return s;
  }
  if (error.at_end) {
    return Status::InvalidArgument(path + ": malformed CSV at end of file: " + error.reason);
  }
  return Status::InvalidArgument(path + ":" + std::to_string(error.line) +
                                 ": malformed CSV: " + error.reason);
}

Status RowError(const std::string& path, uint64_t line, const std::string& what) {
  return Status::InvalidArgument(path + ":" + std::to_string(line) + ": " + what);
}

Result<uint64_t> ParseId(std::string_view s) {
  uint64_t v = 0;
  auto res = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || res.ec != std::errc() || res.ptr != s.data() + s.size()) {
    return Status::InvalidArgument("expected a non-negative integer id, got '" + std::string(s) +
                                   "'");
  }
  return v;
}

std::optional<EdgeType> PeerEdgeType(std::string_view t) {
  static constexpr std::pair<std::string_view, EdgeType> kTypes[] = {
      {"LISTS", EdgeType::kAdds},           {"OWNS", EdgeType::kOwns},
      {"CONTROLS", EdgeType::kControls},    {"AMENDS", EdgeType::kAmends},
      {"LOCATED_IN", EdgeType::kLocatedIn}, {"SUPERSEDES", EdgeType::kSupersedes},
  };
  for (auto [name, type] : kTypes) {
    if (t == name) {
      return type;
    }
  }
  return std::nullopt;
}

}  // namespace

Result<PeerCsvReport> LoadPeerCsv(store::GraphStore* store, const std::string& nodes_path,
                                  const std::string& edges_path,
                                  const std::function<void(uint64_t)>& progress) {
  auto start = std::chrono::steady_clock::now();
  {
    auto view = store->NewReadView();
    for (VertexKind kind : kAllVertexKinds) {
      bool any = false;
      ECG_RETURN_IF_ERROR(view->ScanKind(kind, [&](VertexId) {
        any = true;
        return false;
      }));
      if (any) {
        return Status::InvalidArgument("load-csv needs an empty database; '" + store->path() +
                                       "' already holds vertices");
      }
    }
  }
  ECG_ASSIGN_OR_RETURN(RunId run, store->BeginRun("load-csv " + nodes_path + " " + edges_path));
  ECG_ASSIGN_OR_RETURN(auto writer, store->NewBulkWriter(run, store::BulkMode::kSstFiles));
  PeerCsvReport report;
  // The source vertex: every statement's provenance.
  ECG_ASSIGN_OR_RETURN(VertexId source, writer->AddVertex(VertexKind::kSource, nodes_path));
  ECG_RETURN_IF_ERROR(writer->SetProperty(source, VertexKind::kSource, prop::kPath,
                                          Value(nodes_path), Interval::Always(), VertexId()));
  ECG_RETURN_IF_ERROR(writer->SetProperty(source, VertexKind::kSource, prop::kFormat,
                                          Value("peer-csv"), Interval::Always(), VertexId()));
  // CSV id -> vertex id; the generator's ids are dense.
  std::vector<VertexId> ids;
  std::vector<VertexKind> kinds;
  const PropertyId p_name = prop::kName;
  const PropertyId p_country = prop::kCountry;
  const PropertyId p_subtype = prop::kSubtype;
  const PropertyId p_code = prop::kCode;
  const PropertyId p_date = prop::kDate;
  const PropertyId p_pub = prop::kPublicationDate;
  const PropertyId p_pct = prop::kPct;
  auto set = [&](VertexId v, VertexKind kind, PropertyId p, const Value& value) -> Status {
    if (!Catalog::AppliesTo(*Catalog::Find(p), kind)) {
      return Status::OK();
    }
    ++report.property_statements;
    return writer->SetProperty(v, kind, p, value, Interval::Always(), source);
  };
  Status s =
      ForEachRow(nodes_path, [&](const std::vector<std::string>& f, uint64_t line) -> Status {
        if (line == 1) {
          if (f.size() < 7 || f[0] != "id" || f[1] != "kind" || f[2] != "name") {
            return RowError(nodes_path, line,
                            "expected header id,kind,name,country,subtype,code,date");
          }
          return Status::OK();
        }
        if (f.size() != 7) {
          return RowError(nodes_path, line, "expected 7 fields, got " + std::to_string(f.size()));
        }
        auto id = ParseId(f[0]);
        if (!id.ok()) {
          return RowError(nodes_path, line, id.status().message());
        }
        auto kind = ParseVertexKind(f[1]);
        if (!kind) {
          return RowError(nodes_path, line, "unknown kind '" + f[1] + "'");
        }
        if (*id < ids.size() && ids[*id].valid()) {
          return RowError(nodes_path, line, "duplicate id " + f[0]);
        }
        auto v = writer->AddVertex(*kind, f[0]);
        if (!v.ok()) {
          return RowError(nodes_path, line, v.status().message());
        }
        if (*id >= ids.size()) {
          ids.resize(*id + 1);
          kinds.resize(*id + 1);
        }
        ids[*id] = *v;
        kinds[*id] = *kind;
        ++report.vertices;
        ECG_RETURN_IF_ERROR(set(*v, *kind, p_name, Value(f[2])));
        if (!f[3].empty()) {
          ECG_RETURN_IF_ERROR(set(*v, *kind, p_country, Value(f[3])));
        }
        if (!f[4].empty()) {
          ECG_RETURN_IF_ERROR(set(*v, *kind, p_subtype, Value(f[4])));
        }
        if (!f[5].empty()) {
          ECG_RETURN_IF_ERROR(set(*v, *kind, p_code, Value(f[5])));
        }
        if (!f[6].empty()) {
          auto d = Date::Parse(f[6]);
          if (!d.ok()) {
            return RowError(nodes_path, line, d.status().message());
          }
          ECG_RETURN_IF_ERROR(
              set(*v, *kind, *kind == VertexKind::kRule ? p_pub : p_date, Value(*d)));
        }
        if (progress && report.vertices % 100000 == 0) {
          progress(report.vertices);
        }
        return Status::OK();
      });
  ECG_RETURN_IF_ERROR(s);
  auto lookup = [&](const std::string& field, uint64_t line, VertexId* out) -> Status {
    auto id = ParseId(field);
    if (!id.ok()) {
      return RowError(edges_path, line, id.status().message());
    }
    if (*id >= ids.size() || !ids[*id].valid()) {
      return RowError(edges_path, line, "edge names unknown vertex id " + field);
    }
    *out = ids[*id];
    return Status::OK();
  };
  s = ForEachRow(edges_path, [&](const std::vector<std::string>& f, uint64_t line) -> Status {
    if (line == 1) {
      if (f.size() < 6 || f[0] != "src" || f[1] != "dst" || f[2] != "type") {
        return RowError(edges_path, line, "expected header src,dst,type,pct,valid_from,valid_to");
      }
      return Status::OK();
    }
    if (f.size() != 6) {
      return RowError(edges_path, line, "expected 6 fields, got " + std::to_string(f.size()));
    }
    VertexId src;
    VertexId dst;
    ECG_RETURN_IF_ERROR(lookup(f[0], line, &src));
    ECG_RETURN_IF_ERROR(lookup(f[1], line, &dst));
    auto type = PeerEdgeType(f[2]);
    if (!type) {
      return RowError(edges_path, line, "unknown edge type '" + f[2] + "'");
    }
    Interval valid;
    if (!f[4].empty()) {
      auto d = Date::Parse(f[4]);
      if (!d.ok()) {
        return RowError(edges_path, line, d.status().message());
      }
      valid.from = *d;
    }
    if (!f[5].empty()) {
      auto d = Date::Parse(f[5]);
      if (!d.ok()) {
        return RowError(edges_path, line, d.status().message());
      }
      valid.to = *d;
    }
    PropertyList props;
    if (!f[3].empty()) {
      double pct = 0;
      auto res = std::from_chars(f[3].data(), f[3].data() + f[3].size(), pct);
      if (res.ec != std::errc() || res.ptr != f[3].data() + f[3].size()) {
        return RowError(edges_path, line, "expected a number for pct, got '" + f[3] + "'");
      }
      props.emplace_back(p_pct, pct);  // in place: moving a Value trips a GCC 12 false positive
    }
    Status es = writer->AddEdge(*type, src, dst, props, valid, source);
    if (!es.ok()) {
      return RowError(edges_path, line, es.message());
    }
    ++report.edges;
    if (progress && report.edges % 500000 == 0) {
      progress(report.vertices + report.edges);
    }
    return Status::OK();
  });
  ECG_RETURN_IF_ERROR(s);
  ECG_RETURN_IF_ERROR(writer->Finish());
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace ecg::ingest
