// `ecg export --format F [--as-of D] [--query Q] [--out DIR|FILE]`: the graph in
// FollowTheMoney, Neo4j, GraphML or N-Triples form (docs/export.md),
// streamed. Files are written under a temporary name and renamed when
// complete, so a failed export leaves nothing half-written.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>

#include "query/engine.h"
#include "query/error.h"
#include "tools/commands.h"

#include "exchange/export.h"

namespace ecg::tools {

namespace {

namespace fs = std::filesystem;

struct ExportArgs {
  std::string format;
  std::string as_of;
  std::string out;
  std::string dataset = "ecgraph";
  std::string query;
  size_t max_rows = 1'000'000;
};

// The vertices of the result of `text` (every vertex behind its rows), for
// --query. A result cut at max_rows is an error: the export would be partial.
Result<std::set<uint64_t>> QueryVertices(const store::GraphStore& store, const ExportArgs& args) {
  query::Engine engine(store);
  ECG_ASSIGN_OR_RETURN(query::Prepared prepared, engine.Prepare(args.query));
  query::ExecOptions options = engine.defaults();
  options.collect_graph = true;
  options.max_rows = args.max_rows;
  ECG_ASSIGN_OR_RETURN(query::ResultSet result, engine.Execute(prepared, options));
  if (result.truncated) {
    return Status::ResourceExhausted("--query: the result was cut at " +
                                     std::to_string(args.max_rows) +
                                     " rows; raise --max-rows to export all of it");
  }
  std::set<uint64_t> ids;
  for (const query::GraphVertex& v : result.graph.vertices) {
    ids.insert(v.id.value());
  }
  return ids;
}

int RunExport(const GlobalOptions& global, const ExportArgs& args) {
  auto format = exchange::ParseExportFormat(args.format);
  if (!format.ok()) {
    return Fail(format.status());
  }
  const bool multi = *format == exchange::ExportFormat::kNeo4jCsv;
  if (multi && args.out.empty()) {
    return Fail(
        Status::InvalidArgument("--format neo4j-csv writes two files: name a folder "
                                "with --out DIR"));
  }
  store::TimeFilter filter;
  if (!args.as_of.empty()) {
    auto d = Date::Parse(args.as_of);
    if (!d.ok()) {
      return Fail(d.status());
    }
    filter.as_of = *d;
  }
  auto store = OpenStore(global, /*write=*/false);
  if (!store.ok()) {
    return Fail(store.status());
  }
  exchange::ExportOptions options;
  options.format = *format;
  options.dataset = args.dataset;
  if (!args.query.empty()) {
    auto ids = QueryVertices(**store, args);
    if (!ids.ok()) {
      if (ids.status().code() == StatusCode::kInvalidArgument) {
        std::cerr << query::RenderError(args.query, ids.status()) << "\n";
        return ExitCodeFor(ids.status());
      }
      return Fail(ids.status());
    }
    options.only = std::move(ids).value();
  }
  if (auto runs = (*store)->Runs(); runs.ok()) {
    options.runs = std::move(runs).value();
  }
  if (multi) {
    std::error_code ec;
    fs::create_directories(args.out, ec);
    if (ec) {
      return Fail(Status::IOError(args.out + ": " + ec.message()));
    }
  }
  // Every output goes to <final>.tmp first; renamed only after success.
  std::map<std::string, std::unique_ptr<std::ofstream>> files;
  std::map<std::string, std::string> finals;
  auto out = [&](const std::string& name) -> Result<std::ostream*> {
    if (args.out.empty()) {
      return &std::cout;
    }
    const std::string final_path = multi ? (fs::path(args.out) / name).string() : args.out;
    const std::string tmp = final_path + ".tmp";
    auto f = std::make_unique<std::ofstream>(tmp, std::ios::binary | std::ios::trunc);
    if (!*f) {
      return Status::IOError(tmp + ": cannot create");
    }
    std::ostream* os = f.get();
    files[tmp] = std::move(f);
    finals[tmp] = final_path;
    return os;
  };
  auto view = (*store)->NewReadView(filter);
  exchange::ExportCounts counts;
  Status s = exchange::Export(*view, options, out, &counts);
  for (auto& [tmp, f] : files) {
    f->close();
    if (s.ok() && !*f) {
      s = Status::IOError(tmp + ": write error");
    }
  }
  for (const auto& [tmp, final_path] : finals) {
    std::error_code ec;
    if (s.ok()) {
      fs::rename(tmp, final_path, ec);
      if (ec) {
        s = Status::IOError(final_path + ": " + ec.message());
      }
    } else {
      fs::remove(tmp, ec);
    }
  }
  if (!s.ok()) {
    return Fail(s);
  }
  std::cerr << "ecg export: " << counts.vertices << " vertices, " << counts.edges << " edges, "
            << counts.lines << " lines (" << args.format << ")\n";
  return kExitOk;
}

}  // namespace

void RegisterExport(CLI::App* app, GlobalOptions* global) {
  auto args = std::make_shared<ExportArgs>();
  auto* cmd = app->add_subcommand(
      "export",
      "Write the graph for other tools (docs/export.md): ftm-json (FollowTheMoney entities, JSON "
      "lines), ftm-statements (FtM statements CSV with record times and sources), neo4j-csv "
      "(nodes.csv and relationships.csv for neo4j-admin import), graphml, ntriples. Streams: "
      "memory does not grow with the graph.");
  cmd->add_option("--format", args->format,
                  "ftm-json, ftm-statements, neo4j-csv, graphml or ntriples")
      ->required();
  cmd->add_option("--as-of", args->as_of, "Only what is valid on this day (YYYY-MM-DD)");
  cmd->add_option("--out", args->out,
                  "Output file (default stdout); a folder for neo4j-csv (required)");
  cmd->add_option("--dataset", args->dataset, "The FtM dataset name");
  cmd->add_option("--query", args->query,
                  "Export only the subgraph this query returns: the vertices behind its rows "
                  "and the edges among them (FtM formats keep the entities' listings); "
                  "docs/export.md");
  cmd->add_option("--max-rows", args->max_rows,
                  "With --query: the most rows the query may return (default 1000000); a "
                  "result cut there is an error, not a partial export");
  cmd->callback([global, args] { global->exit_code = RunExport(*global, *args); });
}

}  // namespace ecg::tools
