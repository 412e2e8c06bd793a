// The download cache of `ecg update`: per source, the last N versions of its
// file with their SHA-256, and the HTTP validators of the newest, in
// <cache>/<source>/. A download goes to a temporary file and is renamed into
// place, so a crash never leaves a half-written version; state.json is
// replaced the same way. Thread safety: one SourceCache per source and
// process, under the update lock (update/lock.h).
#ifndef ECG_UPDATE_CACHE_H_
#define ECG_UPDATE_CACHE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "schema/result.h"

#include "update/fetch.h"

namespace ecg::update {

struct CachedVersion {
  std::string file;  // path of the cached bytes
  std::string sha256;
  uint64_t bytes = 0;
  std::string fetched_at;  // UTC, ISO 8601
  std::string content_type;
};

class SourceCache {
 public:
  // The cache of source `name` under `cache_dir`; call Open before use.
  SourceCache(std::string cache_dir, std::string name);

  // Creates the folder and reads state.json. kCorruption when it is not the
  // state this program writes.
  Status Open();

  // The validators of the newest version (empty when none).
  const Validators& validators() const { return validators_; }
  // Cached versions, newest first.
  const std::vector<CachedVersion>& versions() const { return versions_; }
  // Where the next download goes before Commit renames it.
  std::string TempPath() const;

  // Adds the downloaded file at TempPath() as the newest version, unless its
  // hash equals the newest one's (then the temporary file is removed and
  // *is_new is false); records `fetched`'s validators either way; removes
  // versions beyond `keep`; rewrites state.json atomically.
  Status Commit(const FetchResult& fetched, int keep, bool* is_new);
  // Records new validators alone (after a 304 that renewed them).
  Status Touch(const FetchResult& fetched);

 private:
  Status WriteState() const;

  std::string dir_;
  std::string name_;
  Validators validators_;
  std::vector<CachedVersion> versions_;
};

// The SHA-256 of a file's bytes, hex. kIOError when unreadable.
Result<std::string> FileSha256(const std::string& path);

}  // namespace ecg::update

#endif  // ECG_UPDATE_CACHE_H_
