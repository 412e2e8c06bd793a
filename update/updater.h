// `ecg update`: brings the graph up to date with a manifest's sources. First
// every URL source is fetched (conditionally) into the cache and every path
// source expanded; then what the fetches produced is ingested in manifest
// order in one ingest run, each file one atomic batch. A source that fails
// (download, content type, size, parse) is reported rejected and leaves the
// graph as it was; the others still load.
// Thread safety: an Updater is not thread-safe; take the UpdateLock first.
#ifndef ECG_UPDATE_UPDATER_H_
#define ECG_UPDATE_UPDATER_H_

#include <optional>
#include <string>
#include <vector>

#include "ingest/run/ingest_run.h"
#include "schema/date.h"

#include "update/fetch.h"
#include "update/manifest.h"
#include "update/report.h"

namespace ecg::update {

struct UpdateOptions {
  // The cache of downloaded versions (update/cache.h).
  std::string cache_dir;
  FetchOptions fetch;
  // The ingest run's label.
  std::string label = "update";
  // Fetch into the cache only; ingest nothing.
  bool fetch_only = false;
  // The run date (IngestOptions::run_date); today when unset.
  std::optional<Date> run_date;
};

class Updater {
 public:
  // `manifest` is not owned and must outlive the Updater.
  Updater(const Manifest* manifest, UpdateOptions options);
  Updater(const Updater&) = delete;
  Updater& operator=(const Updater&) = delete;

  // Phase 1: fetches and expands every source, appending one SourceReport
  // per source to report->sources (rejected ones final, the others to be
  // completed by Ingest). Errors only for a failure of the update itself.
  Status Fetch(UpdateReport* report);
  // Phase 2: ingests what Fetch prepared (nothing with fetch_only) and
  // completes each source's outcome and counts. `ingester` is not owned.
  // Errors only when the run itself fails (store not writable).
  Status Ingest(ingest::Ingester* ingester, UpdateReport* report);

 private:
  Status FetchUrl(const SourceSpec& spec, SourceReport* out, std::vector<ingest::FileInput>* in);
  Status ExpandLocal(const SourceSpec& spec, SourceReport* out, std::vector<ingest::FileInput>* in);

  const Manifest* manifest_;
  UpdateOptions options_;
  Fetcher fetcher_;
  // The files to ingest per source, parallel to report->sources.
  std::vector<std::vector<ingest::FileInput>> inputs_;
};

}  // namespace ecg::update

#endif  // ECG_UPDATE_UPDATER_H_
