// `ecg screen NAME` and `ecg screen --batch FILE`: fuzzy, cross-script name
// screening against the graph (screen/screener.h), with scores,
// reasons, lists and the 50% affiliates rule. A batch writes one JSON line
// per input line; a bad line gets an error object and the rest is screened.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tools/batch_input.h"
#include "tools/commands.h"

#include "screen/screener.h"

namespace ecg::tools {

// Defined in tools/normalizer.cc.
const text::TextNormalizer* DefaultTextNormalizer();

namespace {

struct ScreenArgs {
  std::string name;
  std::string batch;
  std::string country;
  std::string type;
  std::string as_of;
  int threshold = screen::kDefaultThreshold;
  int near = screen::kDefaultNear;
  size_t limit = 10;
  std::string format = "table";
};

// Longest query echoed back in a batch error line.
constexpr size_t kMaxEcho = 200;

nlohmann::json ToJson(const screen::Candidate& c) {
  nlohmann::json j;
  j["id"] = c.id.value();
  j["key"] = c.key;
  j["name"] = c.name;
  j["country"] = c.country;
  j["type"] = c.type;
  j["score"] = c.score;
  j["reasons"] = c.reasons;
  j["aliases"] = nlohmann::json::array();
  for (const auto& a : c.aliases) {
    j["aliases"].push_back({{"alias", a.alias}, {"score", a.score}, {"reasons", a.reasons}});
  }
  j["lists"] = nlohmann::json::array();
  for (const screen::ListGroup& g : screen::GroupLists(c.lists)) {
    j["lists"].push_back({{"list", g.list_code},
                          {"list_name", g.list_name},
                          {"since", g.since.is_min() ? "" : g.since.ToString()},
                          {"citations", g.citations},
                          {"license_requirements", g.license_requirements},
                          {"license_policies", g.license_policies},
                          {"entity_numbers", g.entity_numbers}});
  }
  nlohmann::json aff = {{"applies", c.affiliation.applies}, {"pct", c.affiliation.pct}};
  aff["in_force"] = c.affiliation.rule_in_force;
  aff["paths"] = nlohmann::json::array();
  for (const auto& p : c.affiliation.paths) {
    nlohmann::json path = {{"root_lists", p.root_lists}, {"links", nlohmann::json::array()}};
    for (const auto& l : p.links) {
      path["links"].push_back(
          {{"owner", l.owner_name}, {"owner_id", l.owner.value()}, {"pct", l.pct}});
    }
    aff["paths"].push_back(std::move(path));
  }
  if (!c.affiliation.rule_status.empty()) {
    aff["rule"] = c.affiliation.rule_status;
  }
  j["affiliates_rule"] = std::move(aff);
  return j;
}

std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string Join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const auto& s : v) {
    out += out.empty() ? "" : std::string(sep);
    out += s;
  }
  return out;
}

// The screen as a whole: the verdict, the threshold and the near misses.
nlohmann::json ToJson(const screen::Assessment& a) {
  nlohmann::json j = {{"verdict", screen::VerdictName(a.verdict)},
                      {"verdict_line", a.Line()},
                      {"threshold", a.threshold},
                      {"near", a.near},
                      {"candidates", nlohmann::json::array()},
                      {"near_misses", nlohmann::json::array()}};
  for (const auto& c : a.matches) {
    j["candidates"].push_back(ToJson(c));
  }
  for (const auto& c : a.near_misses) {
    j["near_misses"].push_back(ToJson(c));
  }
  return j;
}

void PrintCandidate(int rank, const screen::Candidate& c, std::ostream& out) {
  out << rank << ". " << c.score << "  " << c.name << "  [" << c.key << "]"
      << (c.country.empty() ? "" : "  " + c.country) << (c.type.empty() ? "" : "  " + c.type)
      << "\n     reasons: " << Join(c.reasons, ", ") << "\n";
  for (const auto& a : c.aliases) {
    out << "     alias " << a.score << ": " << a.alias << "  (" << Join(a.reasons, ", ") << ")\n";
  }
  if (c.lists.empty()) {
    out << "     lists: none on this date\n";
  }
  for (const screen::ListGroup& g : screen::GroupLists(c.lists)) {
    out << "     list " << g.list_code << " (" << g.list_name << ")";
    if (!g.since.is_min()) {
      out << " since " << g.since.ToString();
    }
    if (!g.license_policies.empty()) {
      out << "; policy: " << Join(g.license_policies, "; ");
    }
    if (!g.citations.empty()) {
      out << "; cited: " << Join(g.citations, "; ");
    }
    out << "\n";
  }
  if (c.affiliation.applies) {
    out << "     affiliates rule: listed owners hold " << c.affiliation.pct << "% ("
        << c.affiliation.rule_status << ")\n";
    for (const auto& p : c.affiliation.paths) {
      out << "       via [" << Join(p.root_lists, ",") << "] ";
      for (const auto& l : p.links) {
        out << l.owner_name << " --" << l.pct << "%--> ";
      }
      out << c.name << "\n";
    }
  }
}

void PrintTable(const screen::Assessment& a, std::ostream& out) {
  out << "verdict: " << a.Line() << "\n";
  int rank = 0;
  for (const auto& c : a.matches) {
    PrintCandidate(++rank, c, out);
  }
  if (!a.near_misses.empty()) {
    out << "near misses (scores " << a.threshold - a.near << " to " << a.threshold - 1
        << ", below the threshold " << a.threshold << "):\n";
    for (const auto& c : a.near_misses) {
      PrintCandidate(++rank, c, out);
    }
  }
}

// The note every screen ends with when the graph holds no `owns` edge.
constexpr std::string_view kNoOwnership =
    "the graph holds no ownership data (no owns edge): the affiliates rule can reach no entity";

int RunBatch(screen::Screener* screener, const ScreenArgs& args,
             const screen::ScreenOptions& base) {
  std::ifstream in(args.batch, std::ios::binary);
  if (!in) {
    // Bad input (exit 2), not the busy or missing database of exit 4.
    return Fail(Status::InvalidArgument("cannot read batch file '" + args.batch + "'"));
  }
  std::stringstream ss;
  ss << in.rdbuf();
  auto items = ReadBatchInput(ss.str());
  if (!items.ok()) {
    return Fail(items.status());
  }
  int bad = 0;
  for (const auto& item : *items) {
    nlohmann::json j = {{"line", item.line}};
    j["query"] = item.name.size() > kMaxEcho ? item.name.substr(0, kMaxEcho) + "..." : item.name;
    screen::ScreenOptions options = base;
    if (!item.country.empty()) {
      options.country = item.country;
      j["country"] = item.country;
    }
    Result<std::vector<screen::Candidate>> r =
        item.error.empty()
            ? screener->Screen(item.name, options)
            : Result<std::vector<screen::Candidate>>(Status::InvalidArgument(item.error));
    if (!r.ok()) {
      ++bad;
      j["error"] = r.status().message();
    } else {
      j.update(ToJson(screen::Assess(std::move(*r), args.threshold, args.near, args.limit)));
    }
    std::cout << Dump(j) << "\n";
  }
  if (bad > 0) {
    std::cerr << "ecg screen: " << bad << " of " << items->size()
              << " lines could not be screened (see their \"error\")\n";
  }
  return bad > 0 ? kExitBadInput : kExitOk;
}

int RunScreen(const GlobalOptions& global, const ScreenArgs& args) {
  if (args.name.empty() == args.batch.empty()) {
    return Fail(Status::InvalidArgument("give either a NAME or --batch FILE"));
  }
  const text::TextNormalizer* normalizer = DefaultTextNormalizer();
  if (normalizer == nullptr) {
    return Fail(Status::Internal("screen needs the ICU text normalizer"));
  }
  screen::ScreenOptions options;
  options.country = args.country;
  for (char& ch : options.country) {
    ch = (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch;
  }
  options.type = args.type == "entity" ? "company" : args.type;
  // Screened down to the near misses; Assess splits at the threshold, at
  // most `limit` on each side.
  options.threshold = std::max(0, args.threshold - args.near);
  options.limit = args.near > 0 ? 2 * args.limit : args.limit;
  if (!args.as_of.empty()) {
    auto d = Date::Parse(args.as_of);
    if (!d.ok()) {
      return Fail(d.status());
    }
    options.as_of = *d;
  }
  auto store = OpenStore(global, /*write=*/false);
  if (!store.ok()) {
    return Fail(store.status());
  }
  auto screener = screen::Screener::Create(store->get(), normalizer);
  if (!screener.ok()) {
    return Fail(screener.status());
  }
  if (!args.batch.empty()) {
    return RunBatch(screener->get(), args, options);
  }
  auto r = (*screener)->Screen(args.name, options);
  if (!r.ok()) {
    return Fail(r.status());
  }
  auto force = (*screener)->AffiliatesRuleForce(options);
  if (!force.ok()) {
    return Fail(force.status());
  }
  auto owns = (*screener)->HoldsOwnership();
  if (!owns.ok()) {
    return Fail(owns.status());
  }
  const Date day = options.as_of.value_or(Date::Today());
  const screen::Assessment assessment =
      screen::Assess(std::move(*r), args.threshold, args.near, args.limit);
  if (args.format == "json") {
    nlohmann::json j = {{"query", args.name}};
    j.update(ToJson(assessment));
    j["affiliates_rule"] = {{"rule", options.rules.affiliates_rule_key},
                            {"date", day.ToString()},
                            {"status", force->ToString()},
                            {"ownership_data", *owns}};
    if (!*owns) {
      j["notices"] = {kNoOwnership};
    }
    std::cout << Dump(j) << "\n";
  } else {
    PrintTable(assessment, std::cout);
    std::cout << "note: affiliates rule " << options.rules.affiliates_rule_key << " on "
              << day.ToString() << ": " << force->ToString() << "\n";
    if (!*owns) {
      std::cout << "note: " << kNoOwnership << "\n";
    }
  }
  return kExitOk;
}

}  // namespace

void RegisterScreen(CLI::App* app, GlobalOptions* global) {
  auto args = std::make_shared<ScreenArgs>();
  auto* cmd = app->add_subcommand(
      "screen",
      "Screen a name (any script, typos, abbreviations, reordered words) against every entity: "
      "a verdict (match: a restricted candidate scores at least the threshold; possible match: "
      "only a near miss does; no match), then scores 0-100 with reasons, the lists each is on "
      "as of a date (one line per list: earliest date, all citations), and the 50% affiliates "
      "rule through its owners. --batch FILE (one name per line, or CSV with name[,country]) "
      "writes JSON lines; exit code 2 when a line could not be screened.");
  cmd->add_option("name", args->name, "The name to screen");
  cmd->add_option("--batch", args->batch, "Screen every line of FILE, JSON lines out");
  cmd->add_option("--country", args->country, "ISO country of the counterparty (CN)");
  cmd->add_option("--type", args->type, "Entity type")
      ->check(CLI::IsMember({"entity", "company", "person", "vessel"}));
  cmd->add_option("--as-of", args->as_of, "Lists and ownership on this date (YYYY-MM-DD)");
  cmd->add_option("--threshold", args->threshold,
                  "Score a candidate needs to match (docs/benchmarks.md, Screening)")
      ->check(CLI::Range(0, 100));
  cmd->add_option("--near", args->near,
                  "Also show near misses scoring up to N below the threshold, apart (0: none)")
      ->check(CLI::Range(0, 100));
  cmd->add_option("--limit", args->limit, "Most candidates per name, and most near misses");
  cmd->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"table", "json"}));
  cmd->callback([global, args] { global->exit_code = RunScreen(*global, *args); });
}

}  // namespace ecg::tools
