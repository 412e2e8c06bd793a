// state.json: {"etag", "last_modified", "versions": [{file, sha256, bytes,
// fetched_at, content_type}]}, newest first; files are named by fetch time
// and hash so that a listing reads in order.
#include "update/cache.h"

#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "ingest/util/sha256.h"

namespace ecg::update {

namespace {

namespace fs = std::filesystem;

std::string NowIso(const char* format) {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, format, &tm);
  return buf;
}

Result<std::string> ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::IOError(path + ": cannot open");
  }
  std::ostringstream os;
  os << in.rdbuf();
  if (in.bad()) {
    return Status::IOError(path + ": read error");
  }
  return os.str();
}

}  // namespace

Result<std::string> FileSha256(const std::string& path) {
  ECG_ASSIGN_OR_RETURN(std::string bytes, ReadAll(path));
  return ingest::Sha256Hex(bytes);
}

SourceCache::SourceCache(std::string cache_dir, std::string name)
    : dir_((fs::path(cache_dir) / name).string()), name_(std::move(name)) {}

std::string SourceCache::TempPath() const {
  return (fs::path(dir_) / ".download.tmp").string();
}

Status SourceCache::Open() {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) {
    return Status::IOError(dir_ + ": cannot create the cache folder: " + ec.message());
  }
  const std::string state = (fs::path(dir_) / "state.json").string();
  if (!fs::exists(state)) {
    return Status::OK();
  }
  ECG_ASSIGN_OR_RETURN(std::string text, ReadAll(state));
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j.contains("versions") || !j["versions"].is_array()) {
    return Status::Corruption(state + ": not a cache state file of ecg update");
  }
  validators_.etag = j.value("etag", "");
  validators_.last_modified = j.value("last_modified", "");
  for (const auto& v : j["versions"]) {
    if (!v.is_object()) {
      return Status::Corruption(state + ": a version is not an object");
    }
    CachedVersion c;
    c.file = (fs::path(dir_) / v.value("file", "")).string();
    c.sha256 = v.value("sha256", "");
    c.bytes = v.value("bytes", uint64_t{0});
    c.fetched_at = v.value("fetched_at", "");
    c.content_type = v.value("content_type", "");
    versions_.push_back(std::move(c));
  }
  return Status::OK();
}

Status SourceCache::WriteState() const {
  nlohmann::ordered_json j;
  j["source"] = name_;
  j["etag"] = validators_.etag;
  j["last_modified"] = validators_.last_modified;
  j["versions"] = nlohmann::ordered_json::array();
  for (const auto& v : versions_) {
    j["versions"].push_back({{"file", fs::path(v.file).filename().string()},
                             {"sha256", v.sha256},
                             {"bytes", v.bytes},
                             {"fetched_at", v.fetched_at},
                             {"content_type", v.content_type}});
  }
  const std::string path = (fs::path(dir_) / "state.json").string();
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << j.dump(2) << "\n";
    out.flush();
    if (!out) {
      return Status::IOError(tmp + ": write error");
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    return Status::IOError(path + ": cannot replace: " + ec.message());
  }
  return Status::OK();
}

Status SourceCache::Touch(const FetchResult& fetched) {
  if (!fetched.etag.empty()) {
    validators_.etag = fetched.etag;
  }
  if (!fetched.last_modified.empty()) {
    validators_.last_modified = fetched.last_modified;
  }
  return WriteState();
}

Status SourceCache::Commit(const FetchResult& fetched, int keep, bool* is_new) {
  const std::string tmp = TempPath();
  ECG_ASSIGN_OR_RETURN(std::string sha, FileSha256(tmp));
  // A new body's validators replace the old ones, absent ones included: a
  // stale ETag must not be sent for a different version.
  validators_ = Validators{fetched.etag, fetched.last_modified};
  std::error_code ec;
  *is_new = versions_.empty() || versions_.front().sha256 != sha;
  if (!*is_new) {
    fs::remove(tmp, ec);
    return WriteState();
  }
  CachedVersion v;
  v.sha256 = sha;
  v.bytes = fetched.bytes;
  v.fetched_at = NowIso("%Y-%m-%dT%H:%M:%SZ");
  v.content_type = fetched.content_type;
  v.file = (fs::path(dir_) / (NowIso("%Y%m%dT%H%M%SZ") + "-" + sha.substr(0, 12))).string();
  fs::rename(tmp, v.file, ec);
  if (ec) {
    return Status::IOError(v.file + ": cannot move the download into the cache: " + ec.message());
  }
  versions_.insert(versions_.begin(), std::move(v));
  while (versions_.size() > static_cast<size_t>(keep)) {
    fs::remove(versions_.back().file, ec);
    versions_.pop_back();
  }
  return WriteState();
}

}  // namespace ecg::update
