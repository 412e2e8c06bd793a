// Exports of the graph in the formats other tools read: FollowTheMoney
// entities (JSON lines) and statements (CSV), Neo4j admin-import CSV,
// GraphML and N-Triples (vocabulary in docs/export.md). Every exporter
// streams: it walks the graph vertex by vertex over one ReadView and writes
// as it goes, so memory does not grow with the graph.
// Thread safety: an export uses its ReadView alone; one export per view.
#ifndef ECG_EXCHANGE_EXPORT_H_
#define ECG_EXCHANGE_EXPORT_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "schema/result.h"
#include "store/graph_store.h"

namespace ecg::exchange {

enum class ExportFormat : uint8_t { kFtmJson, kFtmStatements, kNeo4jCsv, kGraphml, kNtriples };

// "ftm-json", "ftm-statements", "neo4j-csv", "graphml", "ntriples";
// InvalidArgument naming the known ones otherwise.
Result<ExportFormat> ParseExportFormat(std::string_view name);

struct ExportOptions {
  ExportFormat format = ExportFormat::kFtmJson;
  // The FtM `dataset` of every entity and statement.
  std::string dataset = "ecgraph";
  // When set, only these vertices (`ecg export --query`: the vertices of a
  // query's result) and the edges among them; the FtM formats also keep an
  // included entity's listings and countries (a Sanction entity names its
  // list by name, a country is a value), which reference no other FtM
  // entity. Unset: the whole graph.
  std::optional<std::set<uint64_t>> only;
  // The store's runs (GraphStore::Runs), for the record times of FtM
  // statements (first_seen / last_seen); may be empty.
  std::vector<store::RunInfo> runs;
};

// Opens the named output of an export ("nodes.csv" and "relationships.csv"
// for neo4j-csv; "" for the single stream of the other formats). The
// returned stream stays valid until the next call or the end of the export.
using OutputFn = std::function<Result<std::ostream*>(const std::string& name)>;

struct ExportCounts {
  uint64_t vertices = 0;  // vertices (FtM: entities) written
  uint64_t edges = 0;     // edges (FtM: Sanction / Ownership / link entities) written
  uint64_t lines = 0;     // lines (rows, triples, statements) written
};

// Writes the graph that `view` shows (its TimeFilter: as_of for valid time,
// known_at for record time) in `options.format`. Errors: those of the view
// and of the outputs (kIOError when a stream fails).
Status Export(const store::ReadView& view, const ExportOptions& options, const OutputFn& out,
              ExportCounts* counts);

}  // namespace ecg::exchange

#endif  // ECG_EXCHANGE_EXPORT_H_
