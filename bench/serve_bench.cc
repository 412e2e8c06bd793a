// serve_bench: `ecg serve` under load on loopback. Starts the server
// in-process over a database, then runs concurrent keep-alive clients that
// each POST /match with one query per request (as yente's maintainers advise)
// for a bounded time, and reports matches/s with p50 / p99 latency.
// Queries are entity names of the graph: a third as written, a third with
// two letters swapped, a third cut to their first two words.
// Usage: serve_bench --db DIR [--clients N] [--threads N] [--seconds S]
//                    [--queries N] [--path /match?cutoff=0.82]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "schema/props.h"
#include "store/graph_store.h"

#include "bench/bench_util.h"
#include "serve/server.h"

namespace ecg::tools {
const text::TextNormalizer* DefaultTextNormalizer();
const store::NameNormalizer* DefaultNormalizer();
}  // namespace ecg::tools

namespace ecg::bench {
namespace {

struct Args {
  std::string db;
  int clients = 4;
  int threads = 2;
  double seconds = 10;
  size_t queries = 2000;
  std::string path = "/match";  // with URL parameters: "/match?cutoff=0.82"
};

Args Parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    const char* v = argv[i + 1];
    if (k == "--db") {
      a.db = v;
    } else if (k == "--clients") {
      a.clients = std::atoi(v);
    } else if (k == "--threads") {
      a.threads = std::atoi(v);
    } else if (k == "--seconds") {
      a.seconds = std::atof(v);
    } else if (k == "--path") {
      a.path = v;
    } else if (k == "--queries") {
      a.queries = static_cast<size_t>(std::atol(v));
    } else {
      std::fprintf(stderr, "serve_bench: unknown flag %s\n", k.c_str());
      std::exit(2);
    }
  }
  if (a.db.empty() || a.clients < 1 || a.threads < 1 || a.seconds <= 0) {
    std::fprintf(stderr, "usage: serve_bench --db DIR [--clients N] [--threads N] [--seconds S]\n");
    std::exit(2);
  }
  return a;
}

std::vector<std::string> Queries(const std::string& db, size_t n) {
  store::Options so;
  so.read_only = true;
  so.create_if_missing = false;
  so.normalizer = tools::DefaultNormalizer();
  auto store = Must(store::GraphStore::Open(db, so));
  auto view = store->NewReadView();
  std::vector<VertexId> ids;
  Status s = view->ScanKind(VertexKind::kEntity, [&](VertexId id) {
    ids.push_back(id);
    return true;
  });
  if (!s.ok()) {
    Die(s);
  }
  std::vector<std::string> names;
  for (VertexId id : ids) {
    auto v = view->GetValue(id, prop::kName);
    if (v.ok() && v->type() == PropertyType::kString) {
      names.push_back(v->as_string());
    }
  }
  std::mt19937 rng(7);
  std::shuffle(names.begin(), names.end(), rng);
  std::vector<std::string> out;
  for (size_t i = 0; out.size() < n && !names.empty(); ++i) {
    std::string q = names[i % names.size()];
    if (i % 3 == 1 && q.size() > 6) {
      std::swap(q[q.size() / 2], q[q.size() / 2 + 1]);
    } else if (i % 3 == 2) {
      q = q.substr(0, q.find(' ', q.find(' ') + 1));
    }
    out.push_back(nlohmann::json({{"queries", {{"q", {{"properties", {{"name", {q}}}}}}}}}).dump());
  }
  return out;
}

int Run(const Args& args) {
  const std::vector<std::string> bodies = Queries(args.db, args.queries);
  serve::ServeOptions o;
  o.host = "127.0.0.1";
  o.port = 0;
  o.threads = args.threads;
  o.refresh_interval = std::chrono::milliseconds(0);
  o.name_normalizer = tools::DefaultNormalizer();
  o.text_normalizer = tools::DefaultTextNormalizer();
  auto server = Must(serve::Server::Create(args.db, o));
  const int port = Must(server->Bind());
  std::thread runner([&] { (void)server->Run(); });
  while (!server->running()) {
    std::this_thread::yield();
  }
  // Warm every worker's screener before measuring.
  {
    httplib::Client c("127.0.0.1", port);
    for (size_t i = 0; i < std::min<size_t>(bodies.size(), 200); ++i) {
      (void)c.Post("/match", bodies[i], "application/json");
    }
  }
  std::atomic<bool> stop{false};
  std::atomic<size_t> next{0};
  std::mutex mu;
  std::vector<double> lat;
  size_t errors = 0;
  size_t matched = 0;
  const auto t0 = Clock::now();
  std::vector<std::thread> clients;
  for (int i = 0; i < args.clients; ++i) {
    clients.emplace_back([&] {
      httplib::Client c("127.0.0.1", port);
      c.set_keep_alive(true);
      c.set_tcp_nodelay(true);
      std::vector<double> mine;
      size_t bad = 0;
      size_t hits = 0;
      while (!stop) {
        const std::string& body = bodies[next++ % bodies.size()];
        const auto a = Clock::now();
        auto r = c.Post(args.path.c_str(), body, "application/json");
        mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - a).count());
        if (!r || r->status != 200) {
          ++bad;
        } else if (r->body.find("\"match\":true") != std::string::npos) {
          ++hits;
        }
      }
      std::lock_guard<std::mutex> lock(mu);
      lat.insert(lat.end(), mine.begin(), mine.end());
      errors += bad;
      matched += hits;
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(args.seconds));
  stop = true;
  for (auto& t : clients) {
    t.join();
  }
  const double secs = Since(t0);
  server->Stop();
  runner.join();
  std::sort(lat.begin(), lat.end());
  std::printf(
      "| clients | server threads | requests | matches/s | p50 ms | p99 ms | max ms | errors | "
      "matched |\n");
  std::printf("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  std::printf("| %d | %d | %zu | %.0f | %.2f | %.2f | %.1f | %zu | %.0f%% |\n", args.clients,
              args.threads, lat.size(), static_cast<double>(lat.size()) / secs, lat[lat.size() / 2],
              lat[lat.size() * 99 / 100], lat.back(), errors,
              100.0 * static_cast<double>(matched) / static_cast<double>(lat.size()));
  return errors == 0 ? 0 : 1;
}

}  // namespace
}  // namespace ecg::bench

int main(int argc, char** argv) {
  return ecg::bench::Run(ecg::bench::Parse(argc, argv));
}
