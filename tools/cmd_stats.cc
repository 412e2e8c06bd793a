// `ecg stats`: vertices per kind and edges per type, open and closed.
#include <iomanip>
#include <iostream>

#include <nlohmann/json.hpp>

#include "tools/commands.h"

namespace ecg::tools {
namespace {

int RunStats(const GlobalOptions& global, const std::string& format) {
  auto store = OpenStore(global, /*write=*/false);
  if (!store.ok()) {
    return Fail(store.status());
  }
  auto view = (*store)->NewReadView();
  auto stats = view->ComputeStats();
  if (!stats.ok()) {
    return Fail(stats.status());
  }
  if (format == "json") {
    nlohmann::ordered_json j;
    j["database"] = global.db;
    for (const auto& k : stats->kinds) {
      j["vertices"][std::string(VertexKindName(k.kind))] = k.vertices;
    }
    for (const auto& e : stats->edges) {
      j["edges"][std::string(EdgeTypeName(e.type))] = {
          {"open", e.open}, {"closed", e.closed}, {"superseded", e.superseded}};
    }
    j["property_statements"] = stats->property_statements;
    j["runs"] = stats->runs;
    std::cout << j.dump() << "\n";
    return kExitOk;
  }
  uint64_t total_v = 0;
  std::cout << "vertices\n";
  for (const auto& k : stats->kinds) {
    total_v += k.vertices;
    std::cout << "  " << std::left << std::setw(16) << VertexKindName(k.kind) << std::right
              << std::setw(10) << k.vertices << "\n";
  }
  std::cout << "  " << std::left << std::setw(16) << "total" << std::right << std::setw(10)
            << total_v << "\n";
  std::cout << "edges" << std::setw(29) << "open" << std::setw(10) << "closed" << std::setw(12)
            << "superseded\n";
  for (const auto& e : stats->edges) {
    if (e.open + e.closed + e.superseded == 0) {
      continue;
    }
    std::cout << "  " << std::left << std::setw(16) << EdgeTypeName(e.type) << std::right
              << std::setw(16) << e.open << std::setw(10) << e.closed << std::setw(11)
              << e.superseded << "\n";
  }
  std::cout << "property statements " << stats->property_statements << ", ingest runs "
            << stats->runs << "\n";
  return kExitOk;
}

}  // namespace

void RegisterStats(CLI::App* app, GlobalOptions* global) {
  auto* cmd = app->add_subcommand(
      "stats", "Count vertices per kind and edges per type (open, closed, superseded).");
  auto format = std::make_shared<std::string>("table");
  cmd->add_option("--format", *format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  cmd->callback([global, format] { global->exit_code = RunStats(*global, *format); });
}

}  // namespace ecg::tools
