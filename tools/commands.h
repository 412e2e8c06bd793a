// Subcommands of the ecg CLI. Each Register* adds one CLI11 subcommand whose
// callback stores its exit code in GlobalOptions. Not thread-safe (CLI only).
#ifndef ECG_TOOLS_COMMANDS_H_
#define ECG_TOOLS_COMMANDS_H_

#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "schema/status.h"
#include "store/graph_store.h"

namespace ecg::tools {

// Documented exit codes (README and --help).
inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 1;
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitIntegrity = 3;
inline constexpr int kExitUnavailable = 4;
inline constexpr int kExitInternal = 5;
// A query stopped by one of its documented limits (--max-rows cut the
// printed answer, which every format states; max_depth, max_expansions,
// timeout: `stopped_by` says which); a complete answer needs larger limits.
inline constexpr int kExitLimit = 6;
inline constexpr int kExitTruncated = kExitLimit;
// The disk is full (or would be after the write): nothing of the failed file
// was written; free space and run the command again.
inline constexpr int kExitNoSpace = 7;

struct GlobalOptions {
  std::string db;
  // Space a writing command keeps free on the database's disk
  // (store::Options::min_free_bytes), in MiB.
  uint64_t min_free_mb = 16;
  int exit_code = kExitOk;
};

// Maps a Status to an exit code: invalid input 2, corruption 3, busy / not
// found / not supported / I/O 4, a query limit (resource exhausted) 6, a full
// disk 7, everything else 5.
int ExitCodeFor(const Status& s);
// Prints "ecg: <message>" to stderr and returns ExitCodeFor(s).
int Fail(const Status& s);

// The name normalizer every command opens the database with.
const store::NameNormalizer* DefaultNormalizer();

// Opens the database at opts.db for reading (secondary instance, no lock) or
// writing (takes the lock; kBusy "in use" when another writer holds it).
Result<std::unique_ptr<store::GraphStore>> OpenStore(const GlobalOptions& opts, bool write);

void RegisterCommands(CLI::App* app, GlobalOptions* global);
void RegisterStats(CLI::App* app, GlobalOptions* global);
void RegisterCheck(CLI::App* app, GlobalOptions* global);
void RegisterLoadCsv(CLI::App* app, GlobalOptions* global);
void RegisterIngest(CLI::App* app, GlobalOptions* global);
void RegisterQuery(CLI::App* app, GlobalOptions* global);
void RegisterScreen(CLI::App* app, GlobalOptions* global);
void RegisterServe(CLI::App* app, GlobalOptions* global);
void RegisterSnapshot(CLI::App* app, GlobalOptions* global);
void RegisterResolve(CLI::App* app, GlobalOptions* global);
void RegisterRelink(CLI::App* app, GlobalOptions* global);
void RegisterUpdate(CLI::App* app, GlobalOptions* global);
void RegisterChanges(CLI::App* app, GlobalOptions* global);
void RegisterExport(CLI::App* app, GlobalOptions* global);

}  // namespace ecg::tools

#endif  // ECG_TOOLS_COMMANDS_H_
