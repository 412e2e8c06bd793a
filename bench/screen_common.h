// Shared setup of the screening programs (screen_eval, screen_bench): a
// store in a temporary directory with every list file of ../shared/data
// ingested through the Ingester, and the ICU normalizer. Not thread-safe.
#ifndef ECG_BENCH_SCREEN_COMMON_H_
#define ECG_BENCH_SCREEN_COMMON_H_

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "ingest/run/ingest_run.h"
#include "store/graph_store.h"

#include "text/normalizer.h"

namespace ecg::bench {

// The list files (relative to the data directory), plus the alias file.
inline std::vector<std::string> ListFiles(const std::string& data, const std::string& repo,
                                          bool aliases = true) {
  const char* rel[] = {
      "bis_entity_list_ecfr_nsfreg/bis_entity_list.json",
      "bis_entity_list_ecfr_nsfreg/bis_meu.json",
      "bis_entity_list_ecfr_nsfreg/dow_1260h.json",
      "bis_entity_list_ecfr_nsfreg/lists.json",
      "bis_entity_list_ecfr_nsfreg/ofac_nscmic.json",
      "cn_lists_xyna/cn.json",
      "cn_sanctions_opensanctions/sanctions_2026-06-29.csv",
      "cn_sanctions_opensanctions/sanctions_2026-08-07.csv",
      "csl_compact_seelpeed/screening-list.json",
      "csl_raw_watchman/consolidated_2025-06_sample.csv",
      "csl_raw_watchman/csl_2019-12_sample.csv",
      "csl_raw_watchman/csl_2023-11_subset.csv",
      "us_lists_opensanctions/bis_mieu.csv",
      "us_lists_opensanctions/dod_chinese_milcorps_1260h.csv",
      "us_lists_opensanctions/fcc_covered_list_table.csv",
  };
  std::vector<std::string> out;
  for (const char* r : rel) {
    out.push_back(data + "/" + r);
  }
  if (aliases) {
    out.push_back(repo + "/ingest/data/aliases.csv");
  }
  return out;
}

struct ListStore {
  std::string dir;
  std::unique_ptr<text::TextNormalizer> normalizer;
  std::unique_ptr<store::GraphStore> store;
  ~ListStore() {
    store.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

// Ingests the list files into a fresh store under the system temp directory.
// Exits the program with a message on failure (these are tools, not library).
// Without `aliases`, the curated alias file (ingest/data/aliases.csv) is left out.
inline std::unique_ptr<ListStore> BuildListStore(const std::string& data, const std::string& repo,
                                                 bool aliases = true) {
  auto ls = std::make_unique<ListStore>();
  std::string tmpl = (std::filesystem::temp_directory_path() / "ecg_screen_XXXXXX").string();
  if (mkdtemp(tmpl.data()) == nullptr) {
    std::fprintf(stderr, "cannot create a temporary directory\n");
    std::exit(1);
  }
  ls->dir = tmpl;
  auto n = text::TextNormalizer::Create();
  if (!n.ok()) {
    std::fprintf(stderr, "normalizer: %s\n", n.status().ToString().c_str());
    std::exit(1);
  }
  ls->normalizer = std::move(n).value();
  store::Options options;
  options.normalizer = ls->normalizer.get();
  auto s = store::GraphStore::Open(ls->dir + "/db", options);
  if (!s.ok()) {
    std::fprintf(stderr, "open: %s\n", s.status().ToString().c_str());
    std::exit(1);
  }
  ls->store = std::move(s).value();
  ingest::Ingester ingester(ls->store.get(), ls->normalizer.get());
  ingester.RegisterDefaultHandlers();
  ingest::IngestOptions io;
  io.run_date = Date::FromYmd(2026, 9, 1);
  ingest::RunReport report;
  const auto t0 = std::chrono::steady_clock::now();
  Status st = ingester.IngestFiles(ListFiles(data, repo, aliases), io, &report);
  if (!st.ok() || report.rejected() > 0) {
    std::fprintf(stderr, "ingest failed: %s\n%s", st.ToString().c_str(), report.ToText().c_str());
    std::exit(1);
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::fprintf(stderr, "ingested %zu list files in %.1f s\n", report.files.size(), secs);
  return ls;
}

}  // namespace ecg::bench

#endif  // ECG_BENCH_SCREEN_COMMON_H_
