// The export walk: every vertex kind in turn, every vertex in id order, its
// properties and outgoing edges read and handed to the format's writer.
#include "exchange/export.h"

#include <algorithm>
#include <ostream>

#include "exchange/internal/writer.h"

namespace ecg::exchange {

namespace internal {

std::string First(const std::vector<store::PropertyStatement>& props, PropertyId prop) {
  for (const auto& p : props) {
    if (p.property == prop) {
      return p.value.ToString();
    }
  }
  return "";
}

std::vector<std::string> All(const std::vector<store::PropertyStatement>& props, PropertyId prop) {
  std::vector<std::string> out;
  for (const auto& p : props) {
    if (p.property != prop) {
      continue;
    }
    std::vector<std::string> values = p.value.type() == PropertyType::kStringList
                                          ? p.value.as_string_list()
                                          : std::vector<std::string>{p.value.ToString()};
    for (auto& v : values) {
      if (!v.empty() && std::find(out.begin(), out.end(), v) == out.end()) {
        out.push_back(std::move(v));
      }
    }
  }
  return out;
}

Status StreamOk(std::ostream* os, const std::string& what) {
  if (!*os) {
    return Status::IOError("export: write error on " + (what.empty() ? "the output" : what));
  }
  return Status::OK();
}

}  // namespace internal

Result<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "ftm-json") {
    return ExportFormat::kFtmJson;
  }
  if (name == "ftm-statements") {
    return ExportFormat::kFtmStatements;
  }
  if (name == "neo4j-csv") {
    return ExportFormat::kNeo4jCsv;
  }
  if (name == "graphml") {
    return ExportFormat::kGraphml;
  }
  if (name == "ntriples") {
    return ExportFormat::kNtriples;
  }
  return Status::InvalidArgument("unknown export format '" + std::string(name) +
                                 "' (known: ftm-json, ftm-statements, neo4j-csv, graphml, "
                                 "ntriples)");
}

namespace {

std::unique_ptr<internal::Writer> WriterFor(const store::ReadView& view, const ExportOptions& o) {
  switch (o.format) {
    case ExportFormat::kFtmJson:
      return internal::NewFtmJsonWriter(view, o);
    case ExportFormat::kFtmStatements:
      return internal::NewFtmStatementsWriter(view, o);
    case ExportFormat::kNeo4jCsv:
      return internal::NewNeo4jWriter(view, o);
    case ExportFormat::kGraphml:
      return internal::NewGraphmlWriter(view, o);
    case ExportFormat::kNtriples:
      return internal::NewNtriplesWriter(view, o);
  }
  return nullptr;
}

// Whether an outgoing edge of an included vertex is exported.
bool Keeps(const ExportOptions& options, const store::EdgeStatement& e) {
  if (!options.only || options.only->count(e.dst.value()) > 0) {
    return true;
  }
  const bool ftm =
      options.format == ExportFormat::kFtmJson || options.format == ExportFormat::kFtmStatements;
  return ftm && (e.type == EdgeType::kListedOn || e.type == EdgeType::kLocatedIn);
}

// Calls fn for every vertex (filtered by options.only) with its data.
Status Walk(const store::ReadView& view, const ExportOptions& options,
            const std::function<Status(const internal::VertexData&)>& fn) {
  for (VertexKind kind : kAllVertexKinds) {
    Status error;
    ECG_RETURN_IF_ERROR(view.ScanKind(kind, [&](VertexId id) {
      if (options.only && options.only->count(id.value()) == 0) {
        return true;
      }
      internal::VertexData v;
      auto rec = view.GetVertex(id);
      if (!rec.ok()) {
        error = rec.status();
        return false;
      }
      v.record = std::move(rec).value();
      error = view.GetProperties(id, std::nullopt, &v.props);
      if (!error.ok()) {
        return false;
      }
      error = view.ForEachEdge(id, store::Direction::kOut, std::nullopt,
                               [&](const store::EdgeStatement& e) {
                                 if (Keeps(options, e)) {
                                   v.out.push_back(e);
                                 }
                                 return true;
                               });
      if (!error.ok()) {
        return false;
      }
      error = fn(v);
      return error.ok();
    }));
    ECG_RETURN_IF_ERROR(error);
  }
  return Status::OK();
}

}  // namespace

Status Export(const store::ReadView& view, const ExportOptions& options, const OutputFn& out,
              ExportCounts* counts) {
  *counts = ExportCounts{};
  std::unique_ptr<internal::Writer> writer = WriterFor(view, options);
  ECG_RETURN_IF_ERROR(writer->Begin(out));
  ECG_RETURN_IF_ERROR(Walk(
      view, options, [&](const internal::VertexData& v) { return writer->Vertex(v, counts); }));
  if (writer->wants_edge_pass()) {
    ECG_RETURN_IF_ERROR(Walk(
        view, options, [&](const internal::VertexData& v) { return writer->Edges(v, counts); }));
  }
  return writer->End();
}

}  // namespace ecg::exchange
