// Follower: the server's view of a database another process may be writing.
// A Snapshot is one read-only open (a RocksDB secondary instance that caught
// up with the primary once, at open): it never changes afterwards, so every
// request that holds it sees one whole state, made of whole ingest batches
// (a batch is one WAL record, replayed all or nothing). The Follower checks
// the database's WAL and MANIFEST files every refresh interval and, when they
// changed, opens a new Snapshot and swaps it in; requests in flight keep the
// old one until they finish.
// Thread safety: Follower and Snapshot are safe for concurrent use.
#ifndef ECG_SERVE_FOLLOWER_H_
#define ECG_SERVE_FOLLOWER_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "query/engine.h"
#include "query/options.h"
#include "schema/result.h"
#include "store/graph_store.h"

#include "screen/screener.h"
#include "text/normalizer.h"

namespace ecg::serve {

struct FollowerOptions {
  std::chrono::milliseconds refresh_interval{2'000};
  query::ExecOptions query_limits;
  // Not owned; must outlive the follower. Both required.
  const store::NameNormalizer* name_normalizer = nullptr;
  const text::TextNormalizer* text_normalizer = nullptr;
  // Refresh failures are reported here (nullptr: silently retried). Not owned.
  std::ostream* log = nullptr;
};

class Snapshot;

// A Screener lent to one request; returned to its Snapshot's pool when the
// lease dies. REQUIRES: the Snapshot outlives the lease.
class ScreenerLease {
 public:
  ScreenerLease(const Snapshot* owner, std::unique_ptr<screen::Screener> screener)
      : owner_(owner), screener_(std::move(screener)) {}
  ScreenerLease(ScreenerLease&&) = default;
  ScreenerLease& operator=(ScreenerLease&&) = delete;
  ScreenerLease(const ScreenerLease&) = delete;
  ScreenerLease& operator=(const ScreenerLease&) = delete;
  ~ScreenerLease();
  screen::Screener* operator->() const { return screener_.get(); }
  screen::Screener& operator*() const { return *screener_; }

 private:
  const Snapshot* owner_;
  std::unique_ptr<screen::Screener> screener_;
};

class Snapshot {
 public:
  // Opens `path` read-only. Errors as store::GraphStore::Open.
  static Result<std::shared_ptr<const Snapshot>> Open(const std::string& path,
                                                      const FollowerOptions& options,
                                                      uint64_t generation);
  // Not copyable: it owns the store handle.
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;
  ~Snapshot();

  const store::GraphStore& store() const { return *store_; }
  const query::Engine& engine() const { return *engine_; }
  // 1 for the first open, then one more for each refresh that found changes.
  uint64_t generation() const { return generation_; }
  std::chrono::system_clock::time_point opened_at() const { return opened_at_; }

  // A screener for the caller's exclusive use (from the pool, or a new one;
  // the first one counts the entities, so it costs a scan of the kind index).
  Result<ScreenerLease> LeaseScreener() const;

 private:
  friend class ScreenerLease;
  Snapshot() = default;
  void Return(std::unique_ptr<screen::Screener> s) const;

  std::unique_ptr<store::GraphStore> store_;
  std::unique_ptr<query::Engine> engine_;
  const text::TextNormalizer* text_normalizer_ = nullptr;
  uint64_t generation_ = 0;
  std::chrono::system_clock::time_point opened_at_;
  mutable std::mutex pool_mu_;
  mutable std::vector<std::unique_ptr<screen::Screener>> pool_;
};

class Follower {
 public:
  // Opens the first Snapshot (errors as Snapshot::Open) and starts the
  // refresh thread (none when refresh_interval is zero).
  static Result<std::unique_ptr<Follower>> Create(const std::string& path, FollowerOptions options);
  // Not copyable or movable: the refresh thread points at it.
  Follower(const Follower&) = delete;
  Follower& operator=(const Follower&) = delete;
  ~Follower();

  // The newest Snapshot. Hold it for the whole request.
  std::shared_ptr<const Snapshot> Current() const;
  // Checks the files now and reopens when they changed. OK when nothing
  // changed; the open's error otherwise (the old Snapshot stays).
  Status Refresh();

 private:
  Follower(std::string path, FollowerOptions options);
  void Loop();

  const std::string path_;
  const FollowerOptions options_;
  mutable std::mutex mu_;
  std::shared_ptr<const Snapshot> current_;
  std::string fingerprint_;
  std::mutex refresh_mu_;  // one refresh at a time
  std::condition_variable stop_cv_;
  bool stop_ = false;
  std::thread thread_;
};

// The directory `path` resolves to (through symbolic links) and the names,
// sizes and modification times of the files in it that change when a writer
// commits (WAL, MANIFEST, CURRENT), as one string.
std::string DatabaseFingerprint(const std::string& path);

}  // namespace ecg::serve

#endif  // ECG_SERVE_FOLLOWER_H_
