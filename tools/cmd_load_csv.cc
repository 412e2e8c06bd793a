// `ecg load-csv NODES.csv EDGES.csv`: the bulk loader for generic graphs.
#include <unistd.h>

#include <functional>
#include <iostream>

#include "ingest/bulk/peer_csv.h"
#include "tools/commands.h"

namespace ecg::tools {
namespace {

int RunLoadCsv(const GlobalOptions& global, const std::string& nodes, const std::string& edges) {
  auto store = OpenStore(global, /*write=*/true);
  if (!store.ok()) {
    return Fail(store.status());
  }
  const bool tty = isatty(STDERR_FILENO) != 0;
  std::function<void(uint64_t)> progress;
  if (tty) {
    progress = [](uint64_t rows) { std::cerr << "\r" << rows << " rows read" << std::flush; };
  }
  auto report = ingest::LoadPeerCsv(store->get(), nodes, edges, progress);
  if (tty) {
    std::cerr << "\r\033[K";
  }
  if (!report.ok()) {
    return Fail(report.status());
  }
  std::printf("loaded %llu vertices, %llu edges, %llu property statements in %.2f s\n",
              static_cast<unsigned long long>(report->vertices),
              static_cast<unsigned long long>(report->edges),
              static_cast<unsigned long long>(report->property_statements), report->seconds);
  return kExitOk;
}

}  // namespace

void RegisterLoadCsv(CLI::App* app, GlobalOptions* global) {
  auto* cmd = app->add_subcommand(
      "load-csv",
      "Bulk-load a generic graph from nodes.csv (id,kind,name,country,subtype,code,date) and "
      "edges.csv (src,dst,type,pct,valid_from,valid_to) into an empty database.");
  auto nodes = std::make_shared<std::string>();
  auto edges = std::make_shared<std::string>();
  cmd->add_option("NODES", *nodes, "vertices CSV")->required()->check(CLI::ExistingFile);
  cmd->add_option("EDGES", *edges, "edges CSV")->required()->check(CLI::ExistingFile);
  cmd->callback(
      [global, nodes, edges] { global->exit_code = RunLoadCsv(*global, *nodes, *edges); });
}

}  // namespace ecg::tools
