// ecg: the command-line front end of ecgraph. Parses arguments with CLI11 and
// dispatches to one function per subcommand (tools/cmd_*.cc).
#include <cstdlib>
#include <iostream>

#include <CLI/CLI.hpp>

#include "tools/commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "ecg: an embedded knowledge graph of export controls on AI and semiconductor "
      "technology.\nExit codes: 0 ok, 1 usage error, 2 bad input, 3 integrity problem, "
      "4 database busy or unusable, 5 internal error, 6 query stopped by a limit, 7 disk full."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "ecg 0.1.0");
  ecg::tools::GlobalOptions global;
  const char* env_db = std::getenv("ECG_DB");
  global.db = env_db != nullptr && *env_db != '\0' ? env_db : "./ecgraph.db";
  app.add_option("--db", global.db, "database directory (default ./ecgraph.db, or $ECG_DB)");
  app.add_option("--min-free-mb", global.min_free_mb,
                 "space a write keeps free on the database's disk: a commit that would leave "
                 "less is refused with exit 7 and nothing written (default 16; 0 = no check)")
      ->capture_default_str();
  ecg::tools::RegisterCommands(&app, &global);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : ecg::tools::kExitUsage;
  }
  return global.exit_code;
}
