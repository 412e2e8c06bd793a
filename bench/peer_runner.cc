// peer_runner: ecgraph's runner for the peer comparison in
// ../shared/bench/peers (its README, "Comparing our engine"). Loads nodes.csv
// and edges.csv with the bulk loader behind `ecg load-csv`, then times the
// seven standard questions, written in ecgraph's query language and run in
// process through query::Engine, and prints one JSON line per step.
// Usage: peer_runner --data DIR --work DIR [--reps N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ingest/bulk/peer_csv.h"
#include "query/engine.h"
#include "store/graph_store.h"

namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

[[noreturn]] void Die(const std::string& what, const ecg::Status& s) {
  std::fprintf(stderr, "[project] FAILED: %s: %s\n", what.c_str(), s.ToString().c_str());
  std::exit(1);
}

uint64_t DirBytes(const std::string& dir) {
  uint64_t total = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) {
      total += e.file_size();
    }
  }
  return total;
}

struct Question {
  std::string step;
  std::string text;
};

// The seven timed steps of the peer suite. Q2-Q4 and Q6 ignore edge
// validity ("as of any"); Q4 excludes the root even when a cycle leads back.
std::vector<Question> Questions() {
  return {
      {"Q1_lookup", "entity $name | select key, name, country"},
      {"Q2_rule_1hop", "rule $rule -> adds entity | as of any | distinct | select key, name"},
      {"Q3_eccn_2hop",
       "eccn $eccn <- amends rule -> adds entity | as of any | distinct | select key, name"},
      {"Q4a_owns_closure",
       "entity $root -> owns* entity | as of any | where key != $root | distinct | select key, "
       "name"},
      {"Q4b_owns_closure_pct50",
       "entity $root -> owns*[pct >= 50] entity | as of any | where key != $root | distinct | "
       "select key, name"},
      {"Q5_asof", "rule -> adds entity | as of $day | distinct | select key, name"},
      {"Q6_country_top10",
       "rule -> adds entity | as of any | distinct -> located_in country | group by code, count "
       "| sort count desc, code | limit 10"},
  };
}

std::string Checksum(const std::string& step, const ecg::query::ResultSet& rs) {
  if (step == "Q6_country_top10") {
    std::string out;
    for (const auto& row : rs.rows) {
      if (!out.empty()) {
        out += ",";
      }
      out += row[0].ToString() + "=" + row[1].ToString();
    }
    return out;
  }
  std::set<uint64_t> ids;
  for (const auto& row : rs.rows) {
    ids.insert(std::stoull(row[0].ToString()));
  }
  uint64_t sum = 0;
  for (uint64_t id : ids) {
    sum += id;
  }
  return std::to_string(sum);
}

}  // namespace

int main(int argc, char** argv) {
  std::string data;
  std::string work;
  int reps = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--data") {
      data = argv[i + 1];
    } else if (flag == "--work") {
      work = argv[i + 1];
    } else if (flag == "--reps") {
      reps = std::max(1, std::stoi(argv[i + 1]));
    }
  }
  if (data.empty()) {
    std::fprintf(stderr, "usage: peer_runner --data DIR --work DIR [--reps N]\n");
    return 2;
  }
  if (work.empty()) {
    work = data + "/work";
  }
  json params;
  std::ifstream(data + "/params.json") >> params;
  const int64_t scale = params["scale"];
  const std::string db_dir = work + "/ecgraph";
  std::filesystem::remove_all(db_dir);
  std::filesystem::create_directories(work);

  auto t0 = Clock::now();
  // A 4 GiB block cache holds the 1M graph (about 0.5 GB on disk); the
  // in-process peers size their buffers from RAM likewise (DuckDB: 80%).
  ecg::store::Options store_options;
  store_options.block_cache_bytes = size_t{4} << 30;
  auto store_r = ecg::store::GraphStore::Open(db_dir, store_options);
  if (!store_r.ok()) {
    Die("open", store_r.status());
  }
  auto store = std::move(store_r).value();
  auto load = ecg::ingest::LoadPeerCsv(store.get(), data + "/nodes.csv", data + "/edges.csv");
  if (!load.ok()) {
    Die("load", load.status());
  }
  double load_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  json load_line = {{"engine", "project"},
                    {"scale", scale},
                    {"step", "load"},
                    {"median_ms", load_ms},
                    {"rows", load->vertices + load->edges},
                    {"reps", 1},
                    {"db_bytes", DirBytes(db_dir)},
                    {"version", "ecgraph 0.1.0"}};
  std::cout << load_line.dump() << std::endl;

  ecg::query::ExecOptions options;
  options.max_rows = SIZE_MAX;
  options.max_depth = 100000;
  options.max_expansions = UINT64_MAX;
  options.timeout = std::chrono::hours(1);
  ecg::query::Engine engine(*store, options);
  ecg::query::Params p;
  p["name"] = ecg::Value(params["q1_name"].get<std::string>());
  p["rule"] = ecg::Value(std::to_string(params["q2_rule_id"].get<int64_t>()));
  p["eccn"] = ecg::Value(std::to_string(params["q3_eccn_id"].get<int64_t>()));
  p["root"] = ecg::Value(std::to_string(params["q4_root_id"].get<int64_t>()));
  p["day"] = ecg::Value(ecg::Date::Parse(params["q5_date"].get<std::string>()).value());
  bool all_ok = true;
  for (const auto& q : Questions()) {
    auto prepared = engine.Prepare(q.text, p);
    if (!prepared.ok()) {
      Die(q.step + " prepare", prepared.status());
    }
    std::vector<double> times;
    ecg::query::ResultSet last;
    for (int r = 0; r < reps; ++r) {
      auto ts = Clock::now();
      auto rs = engine.Execute(*prepared);
      times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - ts).count());
      if (!rs.ok()) {
        Die(q.step, rs.status());
      }
      last = std::move(rs).value();
    }
    std::vector<double> sorted = times;
    std::sort(sorted.begin(), sorted.end());
    double median = sorted.size() % 2 == 1
                        ? sorted[sorted.size() / 2]
                        : (sorted[sorted.size() / 2 - 1] + sorted[sorted.size() / 2]) / 2;
    std::string check = Checksum(q.step, last);
    const auto& expected = params["expected"][q.step];
    bool ok = expected["rows"].get<uint64_t>() == last.rows.size() &&
              expected["check"].get<std::string>() == check;
    if (!ok) {
      all_ok = false;
      std::fprintf(stderr,
                   "\n!!!!!!!! MISMATCH !!!!!!!! engine=project scale=%lld step=%s\n"
                   "         got rows=%zu check=%s\n    expected rows=%llu check=%s\n\n",
                   static_cast<long long>(scale), q.step.c_str(), last.rows.size(), check.c_str(),
                   static_cast<unsigned long long>(expected["rows"].get<uint64_t>()),
                   expected["check"].get<std::string>().c_str());
    }
    json line = {{"engine", "project"},      {"scale", scale},
                 {"step", q.step},           {"median_ms", median},
                 {"rows", last.rows.size()}, {"reps", reps},
                 {"min_ms", sorted.front()}, {"max_ms", sorted.back()},
                 {"check", check},           {"ok", ok}};
    std::cout << line.dump() << std::endl;
  }
  return all_ok ? 0 : 1;
}
