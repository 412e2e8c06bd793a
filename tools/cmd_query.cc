// `ecg query TEXT` and `ecg shell`: run questions in the traversal language
// (docs/query.md) against a read-only view of the database.
#include <readline/history.h>
#include <readline/readline.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <limits>
#include <sstream>

#include <nlohmann/json.hpp>

#include "query/engine.h"
#include "query/error.h"
#include "query/format.h"
#include "schema/catalog.h"
#include "schema/kinds.h"
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
  bool wide = false;
  size_t max_values = 3;
};

// The table width: the terminal's when stdout is one, else $COLUMNS when
// set, else no limit (a pipe or file gets whole cells).
size_t TerminalWidth() {
  winsize ws{};
  if (isatty(STDOUT_FILENO) != 0 && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
    return ws.ws_col;
  }
  if (const char* cols = std::getenv("COLUMNS"); cols != nullptr) {
    size_t n = 0;
    auto r = std::from_chars(cols, cols + std::strlen(cols), n);
    if (r.ec == std::errc() && n > 0) {
      return n;
    }
  }
  return 0;
}

query::TableOptions TableOptionsFor(const QueryFlags& f) {
  query::TableOptions t;
  if (!f.wide) {
    t.width = TerminalWidth();
    t.max_values = t.width == 0 ? 0 : f.max_values;
  }
  return t;
}

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
           query::Format format, const query::ExecOptions& options,
           const query::TableOptions& table, std::ostream& out) {
  auto prepared = engine.Prepare(text, params);
  if (!prepared.ok()) {
    std::cerr << query::RenderError(text, prepared.status()) << "\n";
    return ExitCodeFor(prepared.status());
  }
  if (prepared->is_explain()) {
    out << prepared->Explain();
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
  out << query::Render(*result, format, table);
  if (!result->truncated) {
    return kExitOk;
  }
  if (format != query::Format::kTable) {
    // The table says so itself; the other formats may be read by programs.
    std::cerr << "ecg: result cut at " << result->stopped_by << " (" << result->rows.size()
              << " rows); raise --max-rows for the rest\n";
  }
  return kExitTruncated;
}

void AddQueryFlags(CLI::App* cmd, QueryFlags* f) {
  cmd->add_option("--format,-f", f->format, "table, json, csv, dot or graphml")
      ->capture_default_str();
  cmd->add_option("--param,-p", f->params, "bind $NAME in the query: NAME=VALUE (repeatable)");
  // Limits are validated here: a negative or zero budget is a usage error
  // (exit 1) with the accepted range, never a query that stops at once.
  cmd->add_option("--max-rows", f->max_rows,
                  "stop after this many rows (at least 1); a cut answer says so and exits 6")
      ->check(CLI::Range(size_t{1}, std::numeric_limits<size_t>::max()))
      ->capture_default_str();
  cmd->add_flag("--wide", f->wide,
                "tables: whole cells and every value, not fitted to the terminal width");
  cmd->add_option("--max-values", f->max_values,
                  "tables fitted to the terminal: values shown per multi-valued cell, then "
                  "'+N more'")
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
  return RunOne(engine, f.text, setup->params, setup->format, *options, TableOptionsFor(f),
                std::cout);
}

constexpr const char* kShellHelp =
    "Type a query (docs/query.md); Enter runs it when it is complete. A query\n"
    "that is not complete yet, or a line ending in '\\' or '|', continues on the\n"
    "next line; ';' or an empty line also ends it. Ctrl-C cancels the running\n"
    "query or clears the line; Tab completes keywords, kinds, edge types and\n"
    "properties.\n"
    "  .help              this text (also 'help')\n"
    "  .schema            kinds, edge types and properties, with counts\n"
    "  .format [NAME]     table, json, csv, dot or graphml\n"
    "  .timer on|off      print each query's run time\n"
    "  .output [FILE]     write results to FILE (no FILE: back to the terminal)\n"
    "  .param NAME=VALUE  bind $NAME for later queries\n"
    "  .quit              leave (also Ctrl-D)\n";

// Ctrl-C: set by the SIGINT handler, read by the executor (a running query
// stops with "query cancelled") and by readline's signal hook (the line is
// cleared).
std::atomic<bool> g_interrupt{false};
std::string* g_pending = nullptr;  // the shell's unfinished query, cleared by Ctrl-C

extern "C" void OnSigint(int /*sig*/) {
  g_interrupt.store(true);
}

// Called by readline when a read is interrupted by a signal: Ctrl-C at the
// prompt drops the line and any unfinished query and shows a fresh prompt.
int OnReadlineSignal() {
  if (!g_interrupt.exchange(false)) {
    return 0;
  }
  if (g_pending != nullptr) {
    g_pending->clear();
  }
  rl_replace_line("", 0);
  rl_crlf();
  rl_set_prompt("ecg> ");
  rl_on_new_line();
  rl_redisplay();
  return 0;
}

// The words Tab completes: keywords, kinds, edge types, property names.
const std::vector<std::string>& CompletionWords() {
  static const std::vector<std::string> words = [] {
    std::vector<std::string> w = {
        "explain",  "where", "select",  "distinct", "sort",      "by",         "desc",
        "asc",      "limit", "count",   "group",    "as",        "of",         "any",
        "known",    "at",    "history", "diff",     "today",     "affiliates", "path",
        "and",      "or",    "not",     "in",       "contains",  "exists",     "listed",
        "sum",      "min",   "max",     "avg",      "edge.from", "edge.to",    "edge.source",
        "edge.run", ".help", ".schema", ".format",  ".timer",    ".output",    ".param",
        ".quit"};
    for (VertexKind k : kAllVertexKinds) {
      w.emplace_back(VertexKindName(k));
    }
    for (EdgeType t : kAllEdgeTypes) {
      w.emplace_back(EdgeTypeName(t));
    }
    for (const PropertyDef& p : Catalog::Properties()) {
      w.emplace_back(p.name);
      if (p.edge_types != 0) {
        w.push_back("edge." + std::string(p.name));
      }
    }
    std::sort(w.begin(), w.end());
    w.erase(std::unique(w.begin(), w.end()), w.end());
    return w;
  }();
  return words;
}

char* CompletionGenerator(const char* text, int state) {
  static size_t next = 0;
  if (state == 0) {
    next = 0;
  }
  const std::vector<std::string>& words = CompletionWords();
  const size_t n = std::strlen(text);
  while (next < words.size()) {
    const std::string& w = words[next++];
    if (w.compare(0, n, text) == 0) {
      return strdup(w.c_str());
    }
  }
  return nullptr;
}

char** Complete(const char* text, int /*start*/, int /*end*/) {
  rl_attempted_completion_over = 1;  // no file names
  return rl_completion_matches(text, CompletionGenerator);
}

// `.schema`: vertex counts per kind, edge counts per type, and for each kind
// the properties its vertices hold, with how many hold each.
void PrintSchema(const store::GraphStore& store, const query::Engine& engine, std::ostream& out) {
  auto view = store.NewReadView();
  auto stats = view->ComputeStats();
  if (!stats.ok()) {
    std::cerr << "ecg: " << stats.status().message() << "\n";
    return;
  }
  out << "kinds:\n";
  for (const auto& k : stats->kinds) {
    out << "  " << VertexKindName(k.kind) << "  " << k.vertices << "\n";
  }
  out << "edge types:\n";
  for (const auto& e : stats->edges) {
    out << "  " << EdgeTypeName(e.type) << "  " << e.open + e.closed << "\n";
  }
  out << "properties (vertices holding one, today):\n";
  for (const auto& k : stats->kinds) {
    if (k.vertices == 0) {
      continue;
    }
    std::string kind(VertexKindName(k.kind));
    std::string line;
    for (std::string_view prop : Catalog::NamesFor(k.kind)) {
      auto prepared =
          engine.Prepare(kind + " | where exists(" + std::string(prop) + ") | count", {});
      if (!prepared.ok()) {
        continue;
      }
      auto result = engine.Execute(*prepared);
      if (!result.ok() || result->rows.empty() || result->rows[0][0].as_int() == 0) {
        continue;
      }
      line += "  " + std::string(prop) + " " + result->rows[0][0].ToString();
    }
    out << "  " << kind << ":" << line << "\n";
  }
}

// True when `text` is a query the parser has not seen the end of yet (it
// wants more tokens), so Enter should continue it on the next line.
bool Incomplete(const query::Engine& engine, const std::string& text, const query::Params& params) {
  auto prepared = engine.Prepare(text, params);
  return !prepared.ok() &&
         prepared.status().message().find("found end of query") != std::string::npos;
}

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
  std::string pending;
  if (tty) {
    if (const char* home = std::getenv("HOME"); home != nullptr) {
      history_file = std::string(home) + "/.ecg_history";
      read_history(history_file.c_str());
    }
    // Our own SIGINT handler, without SA_RESTART so that readline's read is
    // interrupted and its signal hook runs.
    struct sigaction sa {};
    sa.sa_handler = OnSigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr);
    rl_catch_signals = 0;
    rl_signal_event_hook = OnReadlineSignal;
    rl_attempted_completion_function = Complete;
    g_pending = &pending;
    std::cout << "ecg shell on " << global.db << " (.help for help)\n";
  }
  bool timer = false;
  std::ofstream file_out;
  int failed = kExitOk;
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
    std::ostream& out = file_out.is_open() ? static_cast<std::ostream&>(file_out) : std::cout;
    std::string trimmed = line;
    trimmed.erase(0, trimmed.find_first_not_of(" \t"));
    trimmed.erase(trimmed.find_last_not_of(" \t;") + 1);
    if (pending.empty() && (trimmed == "help" || trimmed == "?")) {
      std::cout << kShellHelp;  // not a vertex kind: the shell's help
      continue;
    }
    if (pending.empty() && !trimmed.empty() && trimmed[0] == '.') {
      if (tty) {
        add_history(trimmed.c_str());
      }
      std::istringstream in(trimmed);
      std::string cmd;
      std::string arg;
      in >> cmd >> arg;
      if (cmd == ".quit" || cmd == ".exit") {
        break;
      } else if (cmd == ".help") {
        std::cout << kShellHelp;
      } else if (cmd == ".schema") {
        PrintSchema(*setup->store, engine, out);
      } else if (cmd == ".timer") {
        if (arg == "on" || arg == "off") {
          timer = arg == "on";
        } else {
          std::cerr << ".timer takes on or off\n";
        }
      } else if (cmd == ".output") {
        file_out.close();
        if (!arg.empty()) {
          file_out.open(arg, std::ios::out | std::ios::trunc);
          if (!file_out) {
            std::cerr << "ecg: cannot write " << arg << "\n";
          }
        }
      } else if (cmd == ".format") {
        if (arg.empty()) {
          static constexpr const char* kNames[] = {"table", "json", "csv", "dot", "graphml"};
          std::cout << kNames[static_cast<int>(*format)] << "\n";
        } else if (auto fmt = query::ParseFormat(arg); fmt.ok()) {
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
    // A query ends at the end of the line when it is complete (in a
    // terminal), at ';' or an empty line, and at the end of the line from a
    // pipe; a trailing '\\' or '|' always continues it.
    const bool continues = !line.empty() && (line.back() == '\\' || line.back() == '|');
    const bool explicit_end = line.empty() || line.back() == ';';
    if (!line.empty() && (line.back() == ';' || line.back() == '\\')) {
      line.pop_back();
    }
    pending += (pending.empty() ? "" : "\n") + line;
    if (pending.find_first_not_of(" \t\n") == std::string::npos) {
      pending.clear();
      continue;
    }
    const bool ends = !continues && (!tty || explicit_end || !Incomplete(engine, pending, *params));
    if (!ends) {
      continue;
    }
    if (tty) {
      // Saved as it runs, so a crash or a kill loses nothing.
      std::string entry = pending;
      std::replace(entry.begin(), entry.end(), '\n', ' ');
      add_history(entry.c_str());
      if (!history_file.empty()) {
        write_history(history_file.c_str());
      }
    }
    auto options = MakeOptions(f, *format);
    if (!options.ok()) {
      return Fail(options.status());
    }
    options->interrupt = &g_interrupt;
    g_interrupt.store(false);
    auto started = std::chrono::steady_clock::now();
    int code = RunOne(engine, pending, *params, *format, *options,
                      file_out.is_open() ? query::TableOptions{} : TableOptionsFor(f), out);
    out.flush();
    g_interrupt.store(false);
    if (timer) {
      auto ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started);
      std::cout << "time: " << std::fixed << std::setprecision(1) << ms.count() << " ms\n";
    }
    // A piped shell reports the first failure, not just the last query's
    // code; a cut answer (exit 6) is an answer, not a failure.
    if (code != kExitOk && code != kExitTruncated && failed == kExitOk) {
      failed = code;
    }
    pending.clear();
  }
  g_pending = nullptr;
  return tty ? kExitOk : failed;
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
