// screen_bench: screening speed on one core against every name in the graph
// of ../shared/data, then at 10 times the entities (synthetic variants added
// with the bulk writer). Reports screens/s, p50 / p99 latency (cold: a fresh
// Screener; warm: the same queries again) and batch throughput.
// Usage: screen_bench [--data DIR] [--repo DIR] [--queries N] [--scale K]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "schema/catalog.h"
#include "tools/batch_input.h"

#include "bench/screen_common.h"
#include "screen/screener.h"

namespace ecg::bench {
namespace {

using Clock = std::chrono::steady_clock;

std::vector<std::string> EntityNames(const store::GraphStore& store) {
  auto view = store.NewReadView();
  std::vector<VertexId> ids;
  (void)view->ScanKind(VertexKind::kEntity, [&](VertexId id) {
    ids.push_back(id);
    return true;
  });
  std::vector<std::string> names;
  for (VertexId id : ids) {
    auto v = view->GetValue(id, prop::kName);
    if (v.ok() && v->type() == PropertyType::kString) {
      names.push_back(v->as_string());
    }
  }
  return names;
}

// Queries: listed names as written, with one typo, or cut to their first words.
std::vector<std::string> MakeQueries(std::vector<std::string> names, size_t n) {
  std::mt19937 rng(7);
  std::shuffle(names.begin(), names.end(), rng);
  std::vector<std::string> out;
  for (size_t i = 0; i < names.size() && out.size() < n; ++i) {
    std::string q = names[i];
    if (i % 3 == 1 && q.size() > 6) {
      std::swap(q[q.size() / 2], q[q.size() / 2 + 1]);
    } else if (i % 3 == 2) {
      const size_t cut = q.find(' ', q.find(' ') + 1);
      q = q.substr(0, cut);
    }
    out.push_back(q);
  }
  return out;
}

void Measure(const char* label, screen::Screener* s, const std::vector<std::string>& queries) {
  screen::ScreenOptions options;
  options.as_of = Date::FromYmd(2026, 9, 1);
  std::vector<double> lat;
  size_t hits = 0;
  size_t postings = 0;
  const auto t0 = Clock::now();
  for (const auto& q : queries) {
    const auto a = Clock::now();
    auto r = s->Screen(q, options);
    lat.push_back(std::chrono::duration<double, std::milli>(Clock::now() - a).count());
    hits += r.ok() && !r->empty() ? 1 : 0;
    postings += s->last_stats().postings_read;
  }
  const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  std::sort(lat.begin(), lat.end());
  std::printf("| %s | %zu | %.0f | %.2f | %.2f | %.0f | %.0f%% |\n", label, queries.size(),
              static_cast<double>(queries.size()) / secs, lat[lat.size() / 2],
              lat[lat.size() * 99 / 100], static_cast<double>(postings) / queries.size(),
              100.0 * static_cast<double>(hits) / queries.size());
}

void MeasureBatch(screen::Screener* s, const std::vector<std::string>& queries) {
  std::string text;
  for (const auto& q : queries) {
    text += q + "\n";
  }
  const auto t0 = Clock::now();
  auto items = ecg::tools::ReadBatchInput(text);
  size_t done = 0;
  screen::ScreenOptions options;
  options.as_of = Date::FromYmd(2026, 9, 1);
  for (const auto& item : *items) {
    done += s->Screen(item.name, options).ok() ? 1 : 0;
  }
  const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  std::printf("batch (read + screen %zu lines, warm): %.0f lines/s\n", done,
              static_cast<double>(done) / secs);
}

void Run(ListStore* ls, const std::vector<std::string>& queries, const char* graph) {
  // Screening reads a flushed database (as after any ingest run that ends).
  (void)ls->store->Flush();
  auto s = screen::Screener::Create(ls->store.get(), ls->normalizer.get());
  std::printf("\n%s: %llu entities\n\n", graph,
              static_cast<unsigned long long>((*s)->entity_count()));  // NOLINT(google-runtime-int)
  std::printf("| pass | queries | screens/s | p50 ms | p99 ms | postings/query | with a hit |\n");
  std::printf("|---|---:|---:|---:|---:|---:|---:|\n");
  Measure("cold (fresh screener)", s->get(), queries);
  Measure("warm (same queries)", s->get(), queries);
  MeasureBatch(s->get(), queries);
}

Status AddSynthetic(ListStore* ls, const std::vector<std::string>& names, size_t scale) {
  static const char* kWords[] = {"Holdings", "Trading",   "Industrial", "Shenzhen", "Global",
                                 "Pacific",  "Logistics", "Software",   "Energy",   "Marine"};
  ECG_ASSIGN_OR_RETURN(RunId run, ls->store->BeginRun("synthetic"));
  ECG_ASSIGN_OR_RETURN(auto bulk, ls->store->NewBulkWriter(run, store::BulkMode::kWriteBatches));
  uint64_t n = 0;
  for (size_t k = 1; k < scale; ++k) {
    for (const auto& name : names) {
      std::string v = name + " " + kWords[(n * 7 + k) % 10] + " " + std::to_string(k);
      ECG_ASSIGN_OR_RETURN(VertexId id,
                           bulk->AddVertex(VertexKind::kEntity, "syn:" + std::to_string(n++)));
      ECG_RETURN_IF_ERROR(bulk->SetProperty(id, VertexKind::kEntity, prop::kName, Value(v),
                                            Interval::Always(), {}));
    }
  }
  return bulk->Finish();
}

int Main(int argc, char** argv) {
  std::string data = "../shared/data";
  std::string repo = ".";
  size_t nq = 2000;
  size_t scale = 10;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string f = argv[i];
    if (f == "--data") {
      data = argv[i + 1];
    } else if (f == "--repo") {
      repo = argv[i + 1];
    } else if (f == "--queries") {
      nq = static_cast<size_t>(std::atoi(argv[i + 1]));
    } else if (f == "--scale") {
      scale = static_cast<size_t>(std::atoi(argv[i + 1]));
    }
  }
  auto ls = BuildListStore(data, repo);
  const std::vector<std::string> names = EntityNames(*ls->store);
  const std::vector<std::string> queries = MakeQueries(names, nq);
  Run(ls.get(), queries, "graph of ../shared/data");
  const auto t0 = Clock::now();
  Status st = AddSynthetic(ls.get(), names, scale);
  if (!st.ok()) {
    std::fprintf(stderr, "synthetic load: %s\n", st.ToString().c_str());
    return 1;
  }
  std::fprintf(stderr, "added %zux synthetic names in %.1f s\n", scale - 1,
               std::chrono::duration<double>(Clock::now() - t0).count());
  Run(ls.get(), queries, "with synthetic variants");
  return 0;
}

}  // namespace
}  // namespace ecg::bench

int main(int argc, char** argv) {
  return ecg::bench::Main(argc, argv);
}
