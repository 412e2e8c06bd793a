// `ecg snapshot DIR`: a consistent copy of the database (a RocksDB
// checkpoint) that another machine can serve with `ecg serve`. It takes the
// writer's lock for the moment the checkpoint needs, so it waits for no one
// and fails with "in use" (exit 4) while an ingest runs; the nightly job runs
// it after its ingest (docs/serve.md, Replicas).
#include <iostream>

#include "tools/commands.h"

namespace ecg::tools {
namespace {

int RunSnapshot(const GlobalOptions& global, const std::string& dir) {
  auto store = OpenStore(global, /*write=*/true);
  if (!store.ok()) {
    return Fail(store.status());
  }
  if (Status s = (*store)->Checkpoint(dir); !s.ok()) {
    return Fail(s);
  }
  auto runs = (*store)->Runs();
  if (!runs.ok()) {
    return Fail(runs.status());
  }
  std::cout << "ecg snapshot: " << dir << " holds " << global.db << " as of run "
            << (runs->empty() ? 0 : runs->back().id.value()) << "\n";
  return kExitOk;
}

}  // namespace

void RegisterSnapshot(CLI::App* app, GlobalOptions* global) {
  auto dir = std::make_shared<std::string>();
  auto* cmd = app->add_subcommand(
      "snapshot",
      "Write a consistent copy of the database to the new directory DIR (a RocksDB checkpoint: "
      "files hard-linked on the same file system, copied otherwise) for `ecg serve` replicas. "
      "Exit 4 while an ingest holds the database; retry when it finishes.");
  cmd->add_option("dir", *dir, "new directory for the copy")->required();
  cmd->callback([global, dir] { global->exit_code = RunSnapshot(*global, *dir); });
}

}  // namespace ecg::tools
