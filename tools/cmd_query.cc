// `ecg query TEXT` and `ecg shell`: run questions in the traversal language
// (docs/query.md) against a read-only view of the database.
#include <readline/history.h>
#include <readline/readline.h>
#include <unistd.h>

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <limits>
#include <sstream>

#include <nlohmann/json.hpp>

#include "query/engine.h"
#include "query/error.h"
#include "query/format.h"
#include "tools/commands.h"

namespace ecg::tools {
namespace {

struct QueryFlags {
  std::string text;
  std::string format = "table";
  std::vector<std::string> params;
  size_t max_rows = 10000;
  uint32_t max_depth = 32;
  uint64_t max_expansions = 10'000'000;
  int64_t timeout_ms = 30'000;
  std::string today;
};

// A parameter value typed by its shape: integer, number, ISO date, else string.
Value ParamValue(const std::string& s) {
  int64_t i = 0;
  auto ri = std::from_chars(s.data(), s.data() + s.size(), i);
  if (!s.empty() && ri.ec == std::errc() && ri.ptr == s.data() + s.size()) {
    return Value(i);
  }
  double d = 0;
  auto rd = std::from_chars(s.data(), s.data() + s.size(), d);
  if (!s.empty() && rd.ec == std::errc() && rd.ptr == s.data() + s.size()) {
    return Value(d);
  }
  if (auto date = Date::Parse(s); date.ok()) {
    return Value(*date);
  }
  return Value(s);
}

Result<query::Params> ParseParams(const std::vector<std::string>& raw) {
  query::Params params;
  for (const auto& p : raw) {
    auto eq = p.find('=');
    if (eq == std::string::npos || eq == 0) {
      return Status::InvalidArgument("--param expects NAME=VALUE, got '" + p + "'");
    }
    params[p.substr(0, eq)] = ParamValue(p.substr(eq + 1));
  }
  return params;
}

Result<query::ExecOptions> MakeOptions(const QueryFlags& f, query::Format format) {
  query::ExecOptions o;
  o.max_rows = f.max_rows;
  o.max_depth = f.max_depth;
  o.max_expansions = f.max_expansions;
  o.timeout = std::chrono::milliseconds(f.timeout_ms);
  o.collect_graph = query::IsGraphFormat(format);
  if (!f.today.empty()) {
    ECG_ASSIGN_OR_RETURN(Date today, Date::Parse(f.today));
    o.today = today;
  }
  return o;
}

// Runs one query and prints its result; returns the exit code.
int RunOne(const query::Engine& engine, const std::string& text, const query::Params& params,
           query::Format format, const query::ExecOptions& options) {
  auto prepared = engine.Prepare(text, params);
  if (!prepared.ok()) {
    std::cerr << query::RenderError(text, prepared.status()) << "\n";
    return ExitCodeFor(prepared.status());
  }
  if (prepared->is_explain()) {
    std::cout << prepared->Explain();
    return kExitOk;
  }
  auto result = engine.Execute(*prepared, options);
  if (!result.ok()) {
    std::cerr << "ecg: " << result.status().message() << "\n";
    if (std::string limit = query::StoppedBy(result.status()); !limit.empty()) {
      // Exit 6, and for machines the limit by name: the answer is
      // incomplete, not wrong, and a larger limit would complete it.
      std::cerr << "ecg: stopped_by: " << limit << " (raise --"
                << (limit == "timeout"     ? "timeout-ms"
                    : limit == "max_depth" ? "max-depth"
                                           : "max-expansions")
                << " for a complete answer)\n";
      if (format == query::Format::kJson) {
        nlohmann::json j = {{"error", result.status().message()}, {"stopped_by", limit}};
        std::cout << j.dump() << "\n";
      }
    }
    return ExitCodeFor(result.status());
  }
  std::cout << query::Render(*result, format);
  return kExitOk;
}

void AddQueryFlags(CLI::App* cmd, QueryFlags* f) {
  cmd->add_option("--format,-f", f->format, "table, json, csv, dot or graphml")
      ->capture_default_str();
  cmd->add_option("--param,-p", f->params, "bind $NAME in the query: NAME=VALUE (repeatable)");
  // Limits are validated here: a negative or zero budget is a usage error
  // (exit 1) with the accepted range, never a query that stops at once.
  cmd->add_option("--max-rows", f->max_rows, "stop after this many rows (at least 1)")
      ->check(CLI::Range(size_t{1}, std::numeric_limits<size_t>::max()))
      ->capture_default_str();
  cmd->add_option("--max-depth", f->max_depth,
                  "deepest variable-length step (1 to 1000); a query it stops exits 6")
      ->check(CLI::Range(uint32_t{1}, uint32_t{1000}))
      ->capture_default_str();
  cmd->add_option("--max-expansions", f->max_expansions,
                  "edges and vertices read per query (at least 1); a query it stops exits 6")
      ->check(CLI::Range(uint64_t{1}, std::numeric_limits<uint64_t>::max()))
      ->capture_default_str();
  cmd->add_option("--timeout-ms", f->timeout_ms,
                  "wall time per query in ms (1 to 86400000); a query it stops exits 6")
      ->check(CLI::Range(int64_t{1}, int64_t{86'400'000}))
      ->capture_default_str();
  cmd->add_option("--today", f->today,
                  "the valid-time day of queries without 'as of' (default: today, UTC)");
}

// What `query` and `shell` both start from: the output format and parameters
// of the flags, and the database opened read-only.
struct QuerySetup {
  query::Format format{};
  query::Params params;
  std::unique_ptr<store::GraphStore> store;
};

Result<QuerySetup> StartQueries(const GlobalOptions& global, const QueryFlags& f) {
  QuerySetup setup;
  ECG_ASSIGN_OR_RETURN(setup.format, query::ParseFormat(f.format));
  ECG_ASSIGN_OR_RETURN(setup.params, ParseParams(f.params));
  ECG_ASSIGN_OR_RETURN(setup.store, OpenStore(global, /*write=*/false));
  return setup;
}

int RunQuery(const GlobalOptions& global, const QueryFlags& f) {
  auto setup = StartQueries(global, f);
  if (!setup.ok()) {
    return Fail(setup.status());
  }
  auto options = MakeOptions(f, setup->format);
  if (!options.ok()) {
    return Fail(options.status());
  }
  query::Engine engine(*setup->store);
  return RunOne(engine, f.text, setup->params, setup->format, *options);
}

constexpr const char* kShellHelp =
    "Type a query (docs/query.md), ending it with ';' or an empty line to run it.\n"
    "Lines ending in '\\' or '|' continue on the next line.\n"
    "  .help              this text\n"
    "  .format NAME       table, json, csv, dot or graphml\n"
    "  .param NAME=VALUE  bind $NAME for later queries\n"
    "  .quit              leave (also Ctrl-D)\n";

int RunShell(const GlobalOptions& global, const QueryFlags& f) {
  auto setup = StartQueries(global, f);
  if (!setup.ok()) {
    return Fail(setup.status());
  }
  query::Format* format = &setup->format;
  query::Params* params = &setup->params;
  query::Engine engine(*setup->store);
  const bool tty = isatty(STDIN_FILENO) != 0;
  std::string history_file;
  if (const char* home = std::getenv("HOME"); home != nullptr && tty) {
    history_file = std::string(home) + "/.ecg_history";
    read_history(history_file.c_str());
  }
  if (tty) {
    std::cout << "ecg shell on " << global.db << " (.help for help)\n";
  }
  std::string pending;
  int last = kExitOk;
  for (;;) {
    // readline echoes what it reads when input is not a terminal: a pipe is
    // read line by line instead.
    std::string line;
    if (tty) {
      char* raw = readline(pending.empty() ? "ecg> " : "...> ");
      if (raw == nullptr) {
        break;
      }
      line = raw;
      std::free(raw);
    } else if (!std::getline(std::cin, line)) {
      break;
    }
    if (tty && !line.empty()) {
      add_history(line.c_str());
    }
    if (pending.empty() && !line.empty() && line[0] == '.') {
      std::istringstream in(line);
      std::string cmd;
      std::string arg;
      in >> cmd >> arg;
      if (cmd == ".quit" || cmd == ".exit") {
        break;
      } else if (cmd == ".help") {
        std::cout << kShellHelp;
      } else if (cmd == ".format") {
        auto fmt = query::ParseFormat(arg);
        if (fmt.ok()) {
          *format = *fmt;
        } else {
          std::cerr << fmt.status().message() << "\n";
        }
      } else if (cmd == ".param") {
        auto p = ParseParams({arg});
        if (p.ok()) {
          params->insert_or_assign(p->begin()->first, p->begin()->second);
        } else {
          std::cerr << p.status().message() << "\n";
        }
      } else {
        std::cerr << "unknown command '" << cmd << "' (.help lists them)\n";
      }
      continue;
    }
    // A query ends at ';' or an empty line in a terminal, at the end of the
    // line from a pipe; a trailing '\\' or '|' always continues it.
    const bool continues = !line.empty() && (line.back() == '\\' || line.back() == '|');
    const bool ends = !continues && (!tty || line.empty() || line.back() == ';');
    if (!line.empty() && (line.back() == ';' || line.back() == '\\')) {
      line.pop_back();
    }
    pending += (pending.empty() ? "" : "\n") + line;
    if (!ends) {
      continue;
    }
    if (pending.find_first_not_of(" \t\n") == std::string::npos) {
      pending.clear();
      continue;
    }
    auto options = MakeOptions(f, *format);
    if (!options.ok()) {
      return Fail(options.status());
    }
    last = RunOne(engine, pending, *params, *format, *options);
    pending.clear();
  }
  if (!history_file.empty()) {
    write_history(history_file.c_str());
  }
  return tty ? kExitOk : last;
}

}  // namespace

void RegisterQuery(CLI::App* app, GlobalOptions* global) {
  auto flags = std::make_shared<QueryFlags>();
  auto* cmd = app->add_subcommand(
      "query",
      "Answer one question in the traversal language (docs/query.md), e.g.\n"
      "  ecg query 'entity ~\"Huawei\" -> listed_on list | select name'\n"
      "Prefix it with 'explain' to see the plan. Opens the database read-only.");
  cmd->add_option("QUERY", flags->text, "the query text")->required();
  AddQueryFlags(cmd, flags.get());
  cmd->callback([global, flags] { global->exit_code = RunQuery(*global, *flags); });

  auto shell_flags = std::make_shared<QueryFlags>();
  auto* shell = app->add_subcommand(
      "shell",
      "Interactive query shell with line editing and history (~/.ecg_history); reads one query "
      "per line from a pipe.");
  AddQueryFlags(shell, shell_flags.get());
  shell->callback([global, shell_flags] { global->exit_code = RunShell(*global, *shell_flags); });
}

}  // namespace ecg::tools
