// `ecg check`: the integrity check; exit 3 when any problem is found.
#include <iostream>

#include "tools/commands.h"

namespace ecg::tools {
namespace {

int RunCheck(const GlobalOptions& global) {
  auto store = OpenStore(global, /*write=*/false);
  if (!store.ok()) {
    return Fail(store.status());
  }
  std::vector<std::string> problems;
  Status s = (*store)->Check(&problems);
  if (!s.ok()) {
    return Fail(s);
  }
  for (const auto& p : problems) {
    std::cout << "problem: " << p << "\n";
  }
  if (!problems.empty()) {
    std::cerr << "ecg check: " << problems.size() << " problem(s) in " << global.db << "\n";
    return kExitIntegrity;
  }
  std::cout << "ok: " << global.db << " passed every integrity check\n";
  return kExitOk;
}

}  // namespace

void RegisterCheck(CLI::App* app, GlobalOptions* global) {
  auto* cmd = app->add_subcommand(
      "check",
      "Check integrity: edges have both endpoints, out- and in-adjacency mirror each other, "
      "intervals are well-formed, natural keys are unique. Exit 3 on any problem.");
  cmd->callback([global] { global->exit_code = RunCheck(*global); });
}

}  // namespace ecg::tools
