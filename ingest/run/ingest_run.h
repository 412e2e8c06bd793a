// The ingest run framework: an Ingester reads files, skips those whose content
// hash is already recorded, detects each file's format, and lets the matching
// FormatHandler write the file's facts into one atomic Batch through a
// SourceContext. Snapshot feeds (lists) close the records a newer snapshot no
// longer holds. Every run ends with a RunReport (text and JSON).
// Thread safety: an Ingester is not thread-safe (one run at a time); handlers
// must be stateless or immutable (Apply may keep state only in the context).
#ifndef ECG_INGEST_RUN_INGEST_RUN_H_
#define ECG_INGEST_RUN_INGEST_RUN_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "ingest/run/report.h"
#include "ingest/util/csv.h"
#include "schema/catalog.h"
#include "schema/date.h"
#include "schema/ids.h"
#include "schema/kinds.h"
#include "schema/result.h"
#include "store/graph_store.h"

#include "text/normalizer.h"

namespace ecg::ingest {

// The identity of an edge as a file asserts it: (type, src, dst,
// discriminator). Used to find the edges an earlier snapshot held and this
// one does not.
using EdgeIdentity = std::tuple<EdgeType, VertexId, VertexId, std::string>;

// Everything a handler needs while it writes one file. Owned by the Ingester,
// valid only during FormatHandler::Apply. Not thread-safe.
class SourceContext {
 public:
  SourceContext(store::Batch* batch, const store::ReadView* view, VertexId source,
                std::string format, std::string file_label, Date snapshot_date,
                const text::TextNormalizer* normalizer, FileReport* report);
  SourceContext(const SourceContext&) = delete;
  SourceContext& operator=(const SourceContext&) = delete;

  // The open batch of this file: every write of the file goes here and
  // becomes visible at once when the Ingester commits it. A write error
  // poisons the batch and rejects the whole file.
  store::Batch* batch() const { return batch_; }
  // The committed graph as it was when the file's batch was opened (does NOT
  // see the batch's pending writes); for name lookups (FindByName).
  const store::ReadView& view() const { return *view_; }
  // The `source` vertex of this file (kind source, key "sha256:<hex>"): the
  // provenance of every statement the handler writes.
  VertexId source() const { return source_; }
  // The detected (or forced) format name, e.g. "csl-compact-json".
  const std::string& format() const { return format_; }
  // The file's path as given on the command line, for messages.
  const std::string& file_label() const { return file_label_; }
  // The date the file's data was drawn up: the handler sets it from the file
  // (set_snapshot_date) when the file states one; otherwise the run date.
  // Snapshot closing uses it as valid_to of records that are gone.
  Date snapshot_date() const { return snapshot_date_; }
  void set_snapshot_date(Date d) {
    snapshot_date_ = d;
    snapshot_date_stated_ = true;
  }
  // Whether the file stated its date (set_snapshot_date); an undated file is
  // ordered by arrival, not by the run date.
  bool snapshot_date_stated() const { return snapshot_date_stated_; }
  const text::TextNormalizer& normalizer() const { return *normalizer_; }
  // The file's feed (see FormatHandler::FeedKey); the handler may refine it
  // during Apply once it knows the file's content (e.g. its list codes). The
  // Ingester records it on the source vertex after Apply. "" = no feed.
  const std::string& feed() const { return feed_; }
  void set_feed(std::string feed) { feed_ = std::move(feed); }
  // The report of this file; handlers count records and entities into it.
  FileReport* report() const { return report_; }

  // Records a bad record (the rest of the file still loads).
  void Quarantine(uint64_t line, uint64_t offset, std::string reason);

  // Batch::PutEdge / SetProperty with this file's source as provenance,
  // counting edges opened into the report and remembering the identity of
  // every edge the file asserted (for snapshot closing). In a snapshot older
  // than one already loaded (NewerSnapshot), newer knowledge wins: an edge of
  // a snapshot type that the graph already holds (open or closed) and a
  // single-valued property that already has a value are left as they are
  // (kUnchanged), and an edge new to the graph is closed at the newer
  // snapshot's date, which no longer holds it.
  Result<store::WriteOutcome> PutEdge(EdgeType type, VertexId src, VertexId dst,
                                      const PropertyList& props, Interval valid,
                                      std::string_view discriminator = {});
  Result<store::WriteOutcome> SetProperty(VertexId id, PropertyId prop, const Value& value,
                                          Interval valid = Interval::Always());

  // Declares this file a complete snapshot of its feed for edges of `type`:
  // after Apply, current open edges of that type asserted by earlier sources
  // of the same feed and not asserted again by this file are closed at
  // snapshot_date(). Handlers of snapshot lists call it with kListedOn.
  void MarkSnapshot(EdgeType type) { snapshot_types_.insert(type); }
  const std::set<EdgeType>& snapshot_types() const { return snapshot_types_; }
  // Limits snapshot closing to edges whose target is one of `targets` (a file
  // that holds some of its lists completely, e.g. a CSL subset). Empty: no
  // limit.
  void RestrictSnapshotTo(std::set<VertexId> targets) { snapshot_targets_ = std::move(targets); }
  const std::set<VertexId>& snapshot_targets() const { return snapshot_targets_; }
  // List codes the run declares complete in every file (IngestOptions).
  const std::vector<std::string>& complete_lists() const { return complete_lists_; }
  void set_complete_lists(std::vector<std::string> codes) { complete_lists_ = std::move(codes); }
  bool Asserted(const EdgeIdentity& id) const { return asserted_.count(id) != 0; }
  // The earliest snapshot date of an already loaded snapshot of this file's
  // feed that is newer than this file (an older snapshot ingested late);
  // nullopt when this file is the newest. Computed on first use from the
  // feed and snapshot_date() as they are then.
  Result<std::optional<Date>> NewerSnapshot();

 private:
  store::Batch* batch_;
  const store::ReadView* view_;
  VertexId source_;
  bool snapshot_date_stated_ = false;
  std::string format_;
  std::string file_label_;
  Date snapshot_date_;
  const text::TextNormalizer* normalizer_;
  FileReport* report_;
  std::string feed_;
  std::set<EdgeType> snapshot_types_;
  std::set<VertexId> snapshot_targets_;
  std::vector<std::string> complete_lists_;
  std::set<EdgeIdentity> asserted_;
  bool newer_known_ = false;
  std::optional<Date> newer_;
};

// Writes the facts of one family of file formats. Implementations are
// immutable after construction and safe to share.
class FormatHandler {
 public:
  virtual ~FormatHandler() = default;
  // The handler family, e.g. "lists", "regs".
  virtual std::string_view name() const = 0;
  // The format names this handler accepts (values of `ecg ingest --format`).
  virtual std::vector<std::string> formats() const = 0;
  // The format of `utf8` when this handler recognises it by content, else
  // nullopt. `file_name` is for messages and tie-breaks only.
  virtual std::optional<std::string> Detect(std::string_view utf8,
                                            std::string_view file_name) const = 0;
  // The feed a file of `format` belongs to: files of one feed are successive
  // snapshots of the same data (e.g. "list:cn-sanctions-csv"). Empty when the
  // format is not a snapshot feed.
  virtual std::string FeedKey(std::string_view format, std::string_view utf8,
                              std::string_view file_name) const = 0;
  // Parses `utf8` (format ctx->format()) and writes its facts through `ctx`.
  // A parse error returns InvalidArgument naming the file and line or byte
  // offset: the Ingester then drops the batch and the graph is unchanged.
  // Bad records go to ctx->Quarantine and the rest loads.
  virtual Status Apply(std::string_view utf8, SourceContext* ctx) const = 0;
};

struct IngestOptions {
  // Forces this format (one of Ingester::Formats()) for every file.
  std::string format;
  // The run's label (RunInfo::label); "ingest" when empty.
  std::string label;
  // The run date: snapshot date of files that state none. Today (UTC) when
  // unset.
  std::optional<Date> run_date;
  // List codes (MEU, DPL, ...) that every file of this run holds completely,
  // although its format is a sample or subset (csl-csv): records of those
  // lists that an earlier snapshot had and this file lacks are closed.
  std::vector<std::string> complete_lists;
  // Column mapping for CSV files (`--columns pct=percentage`): header cells
  // named like a rename's column are read as its name, before detection and
  // parsing (util::RenameCsvHeader). Empty: none.
  std::vector<util::ColumnRename> columns;
  // Called after each file with its report (progress display), may be empty.
  std::function<void(const FileReport&, size_t index, size_t total)> on_file;
};

// One input of a run with settings of its own (a manifest's source, see
// update/manifest.h); IngestOptions' format, complete_lists and columns apply when
// these are empty.
struct FileInput {
  std::string path;    // the file to read
  std::string label;   // for messages and the source vertex's path; `path` when empty
  std::string format;  // forces this format for the file; empty: detect
  std::vector<std::string> complete_lists;
  // False: the file closes nothing, even when its format is a snapshot of its
  // feed (a partial extract of a list the manifest says is not complete).
  bool close_gone = true;
  // When set, the feed the file must belong to; a file of another feed is
  // rejected before anything is written (a manifest entry that points at the
  // wrong file).
  std::string expect_feed;
  // Column mapping of this file (IngestOptions::columns); empty: the run's.
  std::vector<util::ColumnRename> columns;
};

// Why content fits no format, for the "format not recognised" rejection:
// what the text looks like and what the formats of that kind expect.
std::string NotRecognisedDetail(std::string_view utf8);

// Runs ingests into one store. Not thread-safe; one run at a time.
class Ingester {
 public:
  // `store` and `normalizer` are not owned and must outlive the Ingester.
  Ingester(store::GraphStore* store, const text::TextNormalizer* normalizer);
  Ingester(const Ingester&) = delete;
  Ingester& operator=(const Ingester&) = delete;

  void Register(std::unique_ptr<FormatHandler> handler);
  // Registers every handler the project has (see ingest/run/handlers.h).
  void RegisterDefaultHandlers();
  // Every format name of the registered handlers.
  std::vector<std::string> Formats() const;

  // Ingests `paths` in order in one run (one BeginRun), one atomic batch per
  // file. A file that cannot be read, decoded, recognised or parsed is
  // rejected (FileReport::status "rejected" with the error) and the others
  // still load; *report is filled either way. Returns an error only when the
  // run itself fails (store not writable, commit I/O error); check
  // report->rejected() for rejected files. InvalidArgument for an unknown
  // options.format. A well-formed JSON document that no handler recognises
  // (an index or metadata file in a glob of data files) is not rejected but
  // skipped (FileReport::Status::kSkipped, with the reason in `error`).
  Status IngestFiles(const std::vector<std::string>& paths, const IngestOptions& options,
                     RunReport* report);
  // As IngestFiles, with settings per file (ecg update).
  Status IngestInputs(const std::vector<FileInput>& inputs, const IngestOptions& options,
                      RunReport* report);
  // As IngestFiles, for one in-memory file (tests, manifests).
  Status IngestBytes(std::string_view label, std::string_view bytes, const IngestOptions& options,
                     RunReport* report);

 private:
  // One input: read from `path`, or `bytes` when path is empty.
  struct Pending {
    std::string label;
    std::string path;
    std::string bytes;
    std::string format;
    std::vector<std::string> complete_lists;
    bool close_gone = true;
    std::string expect_feed;
    std::vector<util::ColumnRename> columns;
  };
  Status Run(std::vector<Pending> files, const IngestOptions& options, RunReport* report);
  // Ingests one file in `run`, filling *file. Errors reject the file.
  Status IngestOne(RunId run, const Pending& in, const IngestOptions& options, FileReport* file);
  const FormatHandler* HandlerFor(std::string_view format) const;
  // Formats(), comma-separated, for messages.
  std::string FormatList() const;

  store::GraphStore* store_;
  const text::TextNormalizer* normalizer_;
  std::vector<std::unique_ptr<FormatHandler>> handlers_;
};

}  // namespace ecg::ingest

#endif  // ECG_INGEST_RUN_INGEST_RUN_H_
