// Reports of an ingest run: one FileReport per file and the run's totals,
// printable as text and JSON. Plain data: thread-compatible.
#ifndef ECG_INGEST_RUN_REPORT_H_
#define ECG_INGEST_RUN_REPORT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "ingest/lists/list_record.h"

namespace ecg::ingest {

// Counters of one file (or, summed, of a run).
struct IngestCounts {
  uint64_t records_read = 0;
  uint64_t entities_new = 0;        // entity vertices created
  uint64_t entities_merged = 0;     // records joined to an existing entity by name or alias
  uint64_t entities_changed = 0;    // known entities whose statements changed
  uint64_t entities_unchanged = 0;  // known entities with nothing new
  uint64_t edges_opened = 0;        // edge statements written (new or changed)
  uint64_t edges_closed = 0;        // edges closed (records gone from a newer snapshot)
  uint64_t quarantined = 0;
  IngestCounts& operator+=(const IngestCounts& o);
};

struct FileReport {
  // What happened to the file as a whole.
  enum class Status : uint8_t {
    kLoaded,     // written (possibly with quarantined records)
    kUnchanged,  // a source with the same SHA-256 is already recorded
    kRejected,   // not read, not recognised or not parsable: nothing written
    kSkipped,    // a well-formed document of no known data format (an index or
                 // metadata file beside the data, e.g. a manifest.json): warned, not
                 // written, and not an error
  };
  std::string path;
  std::string format;
  std::string feed;
  std::string sha256;
  uint64_t bytes = 0;
  Status status = Status::kLoaded;
  std::string error;  // set when rejected or skipped: "<file>:<line>: reason" or similar
  IngestCounts counts;
  // Time spent in entity resolution (EntityResolver::Resolve) for the file's
  // records, for the benchmarks; not part of the text or JSON report.
  double resolve_seconds = 0;
  // The quarantined records (line, offset, reason), in file order.
  std::vector<Quarantined> quarantine;
};

std::string_view FileStatusName(FileReport::Status s);

struct RunReport {
  uint64_t run = 0;  // RunId value; 0 when no run was started
  std::string label;
  std::vector<FileReport> files;

  IngestCounts Totals() const;
  size_t rejected() const;
  size_t skipped() const;
  bool all_unchanged() const;
  // A human-readable table: one line per file, then the totals and the
  // quarantined records (at most `max_quarantine_lines` per file).
  std::string ToText(size_t max_quarantine_lines = 20) const;
  // One JSON object: {"run":..,"label":..,"files":[..],"totals":{..}}.
  std::string ToJson() const;
};

}  // namespace ecg::ingest

#endif  // ECG_INGEST_RUN_REPORT_H_
