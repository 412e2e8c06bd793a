// The report of one `ecg update`: per source what the fetch and the ingest
// did and what changed, as text and as one JSON object for the job's logs.
// Plain data: thread-compatible.
#ifndef ECG_UPDATE_REPORT_H_
#define ECG_UPDATE_REPORT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/run/report.h"

namespace ecg::update {

enum class Outcome : uint8_t {
  kNotModified,  // HTTP 304: nothing downloaded, nothing to ingest
  kFetched,      // a new version downloaded and cached, not ingested (--fetch-only)
  kIngested,     // new content ingested (see counts for what changed)
  kUnchanged,    // the content is one the graph already holds
  kRejected,     // fetch or ingest failed; the graph is as before for this source
};

std::string_view OutcomeName(Outcome o);

struct SourceReport {
  std::string name;
  std::string where;  // the url or the path pattern
  Outcome outcome = Outcome::kUnchanged;
  std::string error;                  // set when rejected
  std::vector<std::string> warnings;  // retried failures, skipped files
  long http_code = 0;                 // NOLINT(google-runtime-int): 0 for a path source
  int attempts = 0;
  uint64_t bytes = 0;                     // downloaded bytes (0 on 304 and for paths)
  std::string sha256;                     // of the newest version (URL sources)
  std::vector<ingest::FileReport> files;  // the ingest report of each file
  ingest::IngestCounts counts;            // summed over files
};

struct UpdateReport {
  uint64_t run = 0;  // the ingest run's id; 0 when nothing was ingested
  std::string label;
  std::vector<SourceReport> sources;

  size_t count(Outcome o) const;
  std::string ToText() const;
  std::string ToJson() const;
};

}  // namespace ecg::update

#endif  // ECG_UPDATE_REPORT_H_
