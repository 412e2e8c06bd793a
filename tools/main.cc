// ecg: the command-line front end of ecgraph. Parses arguments with CLI11 and
// dispatches to one function per subcommand (tools/cmd_*.cc).
#include <algorithm>
#include <cstdlib>
#include <iostream>

#include <CLI/CLI.hpp>

#include "query/error.h"
#include "tools/commands.h"

namespace {

// "did you mean ...?" for a misspelt subcommand (`ecg qurey`) or flag
// (`--fromat`): the nearest name CLI11 knows, or "" when none is close.
std::string Suggestion(CLI::App& app, int argc, char** argv) {
  std::vector<std::string> commands;
  std::vector<std::string> flags;
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    commands.push_back(sub->get_name());
    for (const CLI::Option* opt : sub->get_options()) {
      for (const std::string& name : opt->get_lnames()) {
        flags.push_back("--" + name);
      }
    }
  }
  for (const CLI::Option* opt : app.get_options()) {
    for (const std::string& name : opt->get_lnames()) {
      flags.push_back("--" + name);
    }
  }
  // Closer than the query language's hint: a swapped pair of letters
  // (`qurey`) is two edits.
  auto nearest = [](const std::string& word, const std::vector<std::string>& names) {
    std::string best;
    size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
    for (const std::string& name : names) {
      size_t d = ecg::query::EditDistance(word, name);
      if (d < best_distance) {
        best_distance = d;
        best = name;
      }
    }
    return best;
  };
  bool seen_command = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--db") {
      ++i;  // its value
      continue;
    }
    if (arg.rfind("--", 0) == 0) {
      std::string flag = arg.substr(0, arg.find('='));
      if (std::find(flags.begin(), flags.end(), flag) == flags.end()) {
        std::string near = nearest(flag, flags);
        if (!near.empty()) {
          return "unknown flag " + flag + ": did you mean " + near + "?";
        }
      }
      continue;
    }
    if (!seen_command && arg[0] != '-') {
      seen_command = true;
      if (std::find(commands.begin(), commands.end(), arg) == commands.end()) {
        std::string near = nearest(arg, commands);
        if (!near.empty()) {
          return "unknown subcommand '" + arg + "': did you mean " + near + "?";
        }
      }
    }
  }
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "ecg: an embedded knowledge graph of export controls on AI and semiconductor "
      "technology.\nExit codes: 0 ok, 1 usage error, 2 bad input, 3 integrity problem, "
      "4 database busy or unusable, 5 internal error, 6 a query stopped by a limit (--max-rows "
      "cut its answer, or max_depth, max_expansions, timeout), 7 disk full."};
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
    if (std::string hint = Suggestion(app, argc, argv); !hint.empty()) {
      std::cerr << "ecg: " << hint << "\n";
      return ecg::tools::kExitUsage;
    }
    int code = app.exit(e);
    return code == 0 ? 0 : ecg::tools::kExitUsage;
  }
  return global.exit_code;
}
