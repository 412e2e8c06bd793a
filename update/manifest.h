// The source manifest of the nightly job (docs/update.md): one entry per
// source, where it is (a URL, or a local path or glob), how to read it and how
// much to trust its size and type. Plain data: thread-compatible.
#ifndef ECG_UPDATE_MANIFEST_H_
#define ECG_UPDATE_MANIFEST_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/util/csv.h"
#include "schema/result.h"

namespace ecg::update {

// One source of the manifest.
struct SourceSpec {
  // A unique name, [A-Za-z0-9._-]+: the cache folder and the report's key.
  std::string name;
  // Exactly one of `url` (http:// or https://) and `path` (a local file or a
  // glob; relative to the manifest's base) is set.
  std::string url;
  std::string path;
  // A format name of `ecg ingest --format`; empty: detected by content.
  std::string format;
  // The feed (data set) the file belongs to, as documentation and a check:
  // when set, the ingest must assign this feed, else the source is rejected.
  std::string feed;
  // True (the default): the file is a complete snapshot of its feed, so
  // records gone since an earlier snapshot close. False: it closes nothing.
  bool snapshot = true;
  // List codes that this file holds completely though its format is a sample
  // (ecg ingest --complete).
  std::vector<std::string> complete;
  // Column mapping for a CSV file whose header names columns otherwise
  // (`columns: {pct: percentage}`, as `ecg ingest --columns pct=percentage`):
  // the name the format expects, then the file's column.
  std::vector<ingest::util::ColumnRename> columns;
  // Accepted media types of a URL's response (the part of Content-Type
  // before ';'); empty accepts any.
  std::vector<std::string> content_types;
  // A download or local file larger than this is rejected.
  uint64_t max_bytes = uint64_t{64} << 20;

  bool is_url() const { return !url.empty(); }
};

struct Manifest {
  // The file it was read from (for messages).
  std::string file;
  // The folder relative paths are resolved against: the manifest's `base`
  // key, relative to the manifest's own folder (default: that folder).
  std::string base;
  // Versions of each URL source kept in the cache (`keep`, default 3).
  int keep = 3;
  std::vector<SourceSpec> sources;
};

// Parses manifest text. `file` names it in errors and `dir` is the folder
// relative `base` values start from. InvalidArgument "<file>:<line>: ..."
// for bad YAML, an unknown key, a missing or duplicate name, both or neither
// of url and path, or a bad value.
Result<Manifest> ParseManifest(std::string_view yaml, std::string_view file, std::string_view dir);

// Reads and parses the manifest at `path`; kIOError when it cannot be read.
Result<Manifest> LoadManifest(const std::string& path);

// The local files a path source names, in order: the file itself, or the
// glob's matches sorted by name. NotFound when nothing matches.
Result<std::vector<std::string>> ExpandPath(const Manifest& m, const SourceSpec& s);

}  // namespace ecg::update

#endif  // ECG_UPDATE_MANIFEST_H_
