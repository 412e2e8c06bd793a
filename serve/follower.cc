#include "serve/follower.h"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <utility>

namespace ecg::serve {

ScreenerLease::~ScreenerLease() {
  if (screener_ != nullptr && owner_ != nullptr) {
    owner_->Return(std::move(screener_));
  }
}

Result<std::shared_ptr<const Snapshot>> Snapshot::Open(const std::string& path,
                                                       const FollowerOptions& options,
                                                       uint64_t generation) {
  if (options.name_normalizer == nullptr || options.text_normalizer == nullptr) {
    return Status::InvalidArgument("the server needs a name and a text normalizer");
  }
  store::Options so;
  so.read_only = true;
  so.create_if_missing = false;
  so.normalizer = options.name_normalizer;
  // Open the directory the path names now: when `path` is a symbolic link
  // that is later swapped to another snapshot, this one must keep reading
  // its own files (RocksDB opens table files by name, lazily).
  std::error_code ec;
  const std::filesystem::path real = std::filesystem::canonical(path, ec);
  ECG_ASSIGN_OR_RETURN(std::unique_ptr<store::GraphStore> store,
                       store::GraphStore::Open(ec ? path : real.string(), so));
  std::shared_ptr<Snapshot> snap(new Snapshot());
  snap->store_ = std::move(store);
  snap->engine_ = std::make_unique<query::Engine>(*snap->store_, options.query_limits);
  snap->text_normalizer_ = options.text_normalizer;
  snap->generation_ = generation;
  snap->opened_at_ = std::chrono::system_clock::now();
  return std::shared_ptr<const Snapshot>(std::move(snap));
}

Snapshot::~Snapshot() {
  // Screeners point at the store: drop them first.
  pool_.clear();
  engine_.reset();
}

Result<ScreenerLease> Snapshot::LeaseScreener() const {
  {
    std::lock_guard<std::mutex> lock(pool_mu_);
    if (!pool_.empty()) {
      std::unique_ptr<screen::Screener> s = std::move(pool_.back());
      pool_.pop_back();
      return ScreenerLease(this, std::move(s));
    }
  }
  ECG_ASSIGN_OR_RETURN(std::unique_ptr<screen::Screener> s,
                       screen::Screener::Create(store_.get(), text_normalizer_));
  return ScreenerLease(this, std::move(s));
}

void Snapshot::Return(std::unique_ptr<screen::Screener> s) const {
  std::lock_guard<std::mutex> lock(pool_mu_);
  pool_.push_back(std::move(s));
}

std::string DatabaseFingerprint(const std::string& path) {
  std::vector<std::string> files;
  std::error_code ec;
  // The directory behind a symbolic link counts: a swapped link is a change.
  files.push_back(std::filesystem::canonical(path, ec).string() + ";");
  for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
    const std::string name = entry.path().filename().string();
    const bool wal = name.size() > 4 && name.compare(name.size() - 4, 4, ".log") == 0;
    if (!wal && name.rfind("MANIFEST-", 0) != 0 && name != "CURRENT") {
      continue;
    }
    std::error_code fec;
    const auto size = entry.file_size(fec);
    const auto mtime = entry.last_write_time(fec);
    files.push_back(name + ":" + std::to_string(size) + ":" +
                    std::to_string(mtime.time_since_epoch().count()) + ";");
  }
  // Directory order is arbitrary; the same set of files must compare equal.
  std::sort(files.begin(), files.end());
  std::string out;
  for (const auto& f : files) {
    out += f;
  }
  return ec ? std::string() : out;
}

Follower::Follower(std::string path, FollowerOptions options)
    : path_(std::move(path)), options_(std::move(options)) {}

Result<std::unique_ptr<Follower>> Follower::Create(const std::string& path,
                                                   FollowerOptions options) {
  std::unique_ptr<Follower> f(new Follower(path, std::move(options)));
  f->fingerprint_ = DatabaseFingerprint(path);
  ECG_ASSIGN_OR_RETURN(f->current_, Snapshot::Open(path, f->options_, 1));
  if (f->options_.refresh_interval.count() > 0) {
    f->thread_ = std::thread([p = f.get()] { p->Loop(); });
  }
  return f;
}

Follower::~Follower() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  stop_cv_.notify_all();
  if (thread_.joinable()) {
    thread_.join();
  }
}

std::shared_ptr<const Snapshot> Follower::Current() const {
  std::lock_guard<std::mutex> lock(mu_);
  return current_;
}

Status Follower::Refresh() {
  std::lock_guard<std::mutex> refresh(refresh_mu_);
  std::string fp = DatabaseFingerprint(path_);
  uint64_t generation = 0;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (fp == fingerprint_) {
      return Status::OK();
    }
    generation = current_->generation() + 1;
  }
  // Open outside the lock: requests keep using the current Snapshot.
  ECG_ASSIGN_OR_RETURN(std::shared_ptr<const Snapshot> next,
                       Snapshot::Open(path_, options_, generation));
  std::shared_ptr<const Snapshot> old;
  {
    std::lock_guard<std::mutex> lock(mu_);
    old = std::move(current_);
    current_ = std::move(next);
    fingerprint_ = std::move(fp);
  }
  // `old` is released here, or by the last request that still holds it.
  return Status::OK();
}

void Follower::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stop_) {
    stop_cv_.wait_for(lock, options_.refresh_interval, [this] { return stop_; });
    if (stop_) {
      break;
    }
    lock.unlock();
    Status s = Refresh();
    if (!s.ok() && options_.log != nullptr) {
      *options_.log << "ecg serve: refresh failed (still serving the previous state): "
                    << s.message() << "\n";
    }
    lock.lock();
  }
}

}  // namespace ecg::serve
