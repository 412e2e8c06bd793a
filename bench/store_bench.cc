// store_bench: loads N entity vertices and about 5N edges into a fresh store
// (the bulk writer, as `ecg load-csv` uses it, and the transactional Batch on
// a tenth of that), then times 1-hop and 3-hop neighbourhood scans. In the same
// run it writes the same number of puts and bytes straight into RocksDB, so the
// store's cost is reported as a ratio to raw RocksDB writes.
// Usage: store_bench [--n N] [--dir DIR] [--scans S]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include "store/graph_store.h"

#include "bench/bench_util.h"

namespace {

using ecg::bench::Clock;
using ecg::bench::Die;
using ecg::bench::Must;
using ecg::bench::Since;

// Edge targets are skewed (a few hubs own much), like real ownership and listing.
uint64_t Skewed(std::mt19937_64& rng, uint64_t n) {
  double u = std::uniform_real_distribution<double>(0, 1)(rng);
  return static_cast<uint64_t>(static_cast<double>(n) * u * u * u) % n;
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t n = 100000;
  uint64_t scans = 20000;
  std::string dir = (std::filesystem::temp_directory_path() / "ecg_store_bench").string();
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--n") {
      n = std::stoull(argv[i + 1]);
    } else if (flag == "--dir") {
      dir = argv[i + 1];
    } else if (flag == "--scans") {
      scans = std::stoull(argv[i + 1]);
    } else {
      std::fprintf(stderr, "usage: store_bench [--n N] [--dir DIR] [--scans S]\n");
      return 2;
    }
  }
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const ecg::PropertyId p_name = ecg::prop::kName;
  const ecg::PropertyId p_pct = ecg::prop::kPct;

  // 1. Bulk loads through the store, in both modes, on the same generated graph.
  auto bulk_load = [&](ecg::store::BulkMode mode, const std::string& path,
                       std::vector<ecg::VertexId>* ids, uint64_t* puts, uint64_t* bytes) {
    auto store = Must(ecg::store::GraphStore::Open(path, ecg::store::Options()));
    auto run = Must(store->BeginRun("store_bench"));
    auto start = Clock::now();
    auto writer = Must(store->NewBulkWriter(run, mode));
    ids->clear();
    ids->reserve(n);
    for (uint64_t i = 0; i < n; ++i) {
      auto id = Must(writer->AddVertex(ecg::VertexKind::kEntity, "e" + std::to_string(i)));
      ids->push_back(id);
      auto s = writer->SetProperty(id, ecg::VertexKind::kEntity, p_name,
                                   ecg::Value("Entity " + std::to_string(i) + " Co., Ltd."),
                                   ecg::Interval::Always(), ecg::VertexId());
      if (!s.ok()) {
        Die(s);
      }
    }
    std::mt19937_64 edge_rng(42);
    for (uint64_t i = 0; i < 5 * n; ++i) {
      uint64_t src = Skewed(edge_rng, n);
      uint64_t dst = edge_rng() % n;
      auto s = writer->AddEdge(ecg::EdgeType::kOwns, (*ids)[src], (*ids)[dst],
                               {{p_pct, ecg::Value(static_cast<double>(edge_rng() % 100 + 1))}},
                               ecg::Interval::Always(), ecg::VertexId());
      if (!s.ok()) {
        Die(s);
      }
    }
    *puts = writer->puts();
    *bytes = writer->bytes();
    if (auto s = writer->Finish(); !s.ok()) {
      Die(s);
    }
    double seconds = Since(start);
    return std::make_pair(std::move(store), seconds);
  };
  std::vector<ecg::VertexId> ids;
  uint64_t puts = 0;
  uint64_t bytes = 0;
  double batches_s = 0;
  {
    auto loaded =
        bulk_load(ecg::store::BulkMode::kWriteBatches, dir + "/graph-wb", &ids, &puts, &bytes);
    batches_s = loaded.second;
  }
  std::filesystem::remove_all(dir + "/graph-wb");
  auto [store, bulk_s] =
      bulk_load(ecg::store::BulkMode::kSstFiles, dir + "/graph", &ids, &puts, &bytes);
  const uint64_t edges = 5 * n;
  std::mt19937_64 rng(7);
  auto start = Clock::now();

  // 2. The same number of puts and bytes straight into RocksDB.
  double raw_s = 0;
  {
    rocksdb::Options o;
    o.create_if_missing = true;
    o.IncreaseParallelism(2);
    o.compression = rocksdb::kLZ4Compression;
    rocksdb::DB* raw = nullptr;
    auto st = rocksdb::DB::Open(o, dir + "/raw", &raw);
    if (!st.ok()) {
      std::fprintf(stderr, "raw open: %s\n", st.ToString().c_str());
      return 1;
    }
    std::unique_ptr<rocksdb::DB> raw_db(raw);
    const uint64_t per_put = bytes / std::max<uint64_t>(puts, 1);
    std::string value(per_put > 16 ? per_put - 16 : 1, 'v');
    start = Clock::now();
    rocksdb::WriteBatch wb;
    rocksdb::WriteOptions wo;
    wo.disableWAL = true;
    char key[16];
    for (uint64_t i = 0; i < puts; ++i) {
      uint64_t k = rng();
      std::memcpy(key, &k, 8);
      std::memcpy(key + 8, &i, 8);
      (void)wb.Put(rocksdb::Slice(key, 16), value);
      if (wb.GetDataSize() > (size_t{64} << 20)) {
        (void)raw_db->Write(wo, &wb);
        wb.Clear();
      }
    }
    (void)raw_db->Write(wo, &wb);
    (void)raw_db->Flush(rocksdb::FlushOptions());
    raw_s = Since(start);
  }

  // 3. Transactional batches (read-before-write, mirrored adjacency, dedup) on N/10.
  const uint64_t small = std::max<uint64_t>(n / 10, 1);
  auto run2 = Must(store->BeginRun("store_bench batches"));
  start = Clock::now();
  for (uint64_t chunk = 0; chunk < small; chunk += 1000) {
    auto batch = Must(store->NewBatch(run2));
    for (uint64_t i = chunk; i < std::min(small, chunk + 1000); ++i) {
      auto id = Must(batch->Vertex(ecg::VertexKind::kEntity, "b" + std::to_string(i)));
      Must(batch->SetProperty(id, p_name, ecg::Value("Batch " + std::to_string(i)),
                              ecg::Interval::Always(), ecg::VertexId()));
      for (int k = 0; k < 5; ++k) {
        Must(batch->PutEdge(ecg::EdgeType::kOwns, id, ids[rng() % n],
                            {{p_pct, ecg::Value(10.0 * (k + 1))}}, ecg::Interval::Always(),
                            ecg::VertexId()));
      }
    }
    if (auto s = batch->Commit(); !s.ok()) {
      Die(s);
    }
  }
  double batch_s = Since(start);

  // 4. Neighbourhood scans on one snapshot.
  auto view = store->NewReadView();
  uint64_t visited = 0;
  start = Clock::now();
  for (uint64_t i = 0; i < scans; ++i) {
    auto s = view->ForEachEdge(ids[rng() % n], ecg::store::Direction::kOut, ecg::EdgeType::kOwns,
                               [&](const ecg::store::EdgeStatement&) {
                                 ++visited;
                                 return true;
                               });
    if (!s.ok()) {
      Die(s);
    }
  }
  double hop1_s = Since(start);
  uint64_t hop1_edges = visited;
  const uint64_t scans3 = std::max<uint64_t>(scans / 20, 1);
  visited = 0;
  start = Clock::now();
  for (uint64_t i = 0; i < scans3; ++i) {
    std::vector<ecg::VertexId> frontier{ids[rng() % n]};
    std::unordered_set<ecg::VertexId> seen(frontier.begin(), frontier.end());
    for (int depth = 0; depth < 3; ++depth) {
      std::vector<ecg::VertexId> next;
      for (auto v : frontier) {
        auto s = view->ForEachEdge(v, ecg::store::Direction::kOut, ecg::EdgeType::kOwns,
                                   [&](const ecg::store::EdgeStatement& e) {
                                     ++visited;
                                     if (seen.insert(e.dst).second) {
                                       next.push_back(e.dst);
                                     }
                                     return true;
                                   });
        if (!s.ok()) {
          Die(s);
        }
      }
      frontier = std::move(next);
    }
  }
  double hop3_s = Since(start);

  const double loaded = static_cast<double>(n + edges);
  std::printf("store_bench N=%llu vertices, %llu edges (%llu puts, %.1f MiB)\n",
              static_cast<unsigned long long>(n), static_cast<unsigned long long>(edges),
              static_cast<unsigned long long>(puts), static_cast<double>(bytes) / (1 << 20));
  std::printf("bulk load (SST)   %8.2f s  %10.0f vertices+edges/s\n", bulk_s, loaded / bulk_s);
  std::printf("bulk load (WB)    %8.2f s  %10.0f vertices+edges/s (unlogged write batches)\n",
              batches_s, loaded / batches_s);
  std::printf(
      "raw rocksdb       %8.2f s  same puts and bytes in write batches; SST/raw %.2f, "
      "WB/raw %.2f\n",
      raw_s, bulk_s / raw_s, batches_s / raw_s);
  std::printf("batch writes     %8.2f s  %10.0f vertices+edges/s (%llu vertices, 5 edges each)\n",
              batch_s, static_cast<double>(small * 6) / batch_s,
              static_cast<unsigned long long>(small));
  std::printf("1-hop scans      %8.2f s  %10.0f scans/s (%.1f edges per scan)\n", hop1_s,
              static_cast<double>(scans) / hop1_s,
              static_cast<double>(hop1_edges) / static_cast<double>(scans));
  std::printf("3-hop scans      %8.2f s  %10.0f scans/s (%.0f edges per scan)\n", hop3_s,
              static_cast<double>(scans3) / hop3_s,
              static_cast<double>(visited) / static_cast<double>(scans3));
  view.reset();
  store.reset();
  std::filesystem::remove_all(dir);
  return 0;
}
