// The ingest run: read, hash, skip known sources, decode, detect, write one
// atomic batch per file, close what a newer snapshot no longer holds.
#include "ingest/run/ingest_run.h"

#include <fstream>
#include <sstream>

#include "ingest/run/handlers.h"
#include "ingest/util/json.h"
#include "ingest/util/sha256.h"

#include "text/decode.h"

namespace ecg::ingest {

SourceContext::SourceContext(store::Batch* batch, const store::ReadView* view, VertexId source,
                             std::string format, std::string file_label, Date snapshot_date,
                             const text::TextNormalizer* normalizer, FileReport* report)
    : batch_(batch),
      view_(view),
      source_(source),
      format_(std::move(format)),
      file_label_(std::move(file_label)),
      snapshot_date_(snapshot_date),
      normalizer_(normalizer),
      report_(report) {}

void SourceContext::Quarantine(uint64_t line, uint64_t offset, std::string reason) {
  report_->quarantine.push_back(Quarantined{line, offset, std::move(reason)});
  ++report_->counts.quarantined;
}

namespace {

// The snapshot date recorded on a source vertex; nullopt for a source that
// is not a snapshot or was written before snapshot dates were recorded
// (such sources count as older than any file that states its date).
Result<std::optional<Date>> SnapshotDateOf(const store::ReadView& view, VertexId source) {
  ECG_ASSIGN_OR_RETURN(Value v, view.GetValue(source, prop::kSnapshotDate));
  if (v.type() != PropertyType::kDate) {
    return std::optional<Date>();
  }
  return std::optional<Date>(v.as_date());
}

// Every other source vertex of `feed`, with its snapshot date.
Result<std::vector<std::pair<VertexId, std::optional<Date>>>> FeedSources(
    const store::ReadView& view, const std::string& feed, VertexId self) {
  std::vector<std::pair<VertexId, std::optional<Date>>> out;
  Status scan_error;
  ECG_RETURN_IF_ERROR(view.ScanKind(VertexKind::kSource, [&](VertexId id) {
    if (id == self) {
      return true;
    }
    auto v = view.GetValue(id, prop::kFeed);
    if (!v.ok()) {
      scan_error = v.status();
      return false;
    }
    if (v->type() == PropertyType::kString && v->as_string() == feed) {
      auto d = SnapshotDateOf(view, id);
      if (!d.ok()) {
        scan_error = d.status();
        return false;
      }
      out.emplace_back(id, *d);
    }
    return true;
  }));
  ECG_RETURN_IF_ERROR(scan_error);
  return out;
}

}  // namespace

Result<std::optional<Date>> SourceContext::NewerSnapshot() {
  if (newer_known_) {
    return newer_;
  }
  newer_known_ = true;
  if (feed_.empty() || snapshot_types_.empty()) {
    return newer_;
  }
  ECG_ASSIGN_OR_RETURN(auto sources, FeedSources(*view_, feed_, source_));
  for (const auto& [id, date] : sources) {
    if (date && snapshot_date_ < *date && (!newer_ || *date < *newer_)) {
      newer_ = date;
    }
  }
  return newer_;
}

Result<store::WriteOutcome> SourceContext::PutEdge(EdgeType type, VertexId src, VertexId dst,
                                                   const PropertyList& props, Interval valid,
                                                   std::string_view discriminator) {
  if (snapshot_types_.count(type) != 0) {
    ECG_ASSIGN_OR_RETURN(std::optional<Date> newer, NewerSnapshot());
    if (newer) {
      // An older snapshot ingested late: what the graph knows of this edge
      // came from a newer snapshot and stays; an edge it does not know, the
      // newer snapshot no longer held.
      std::vector<store::EdgeStatement> known;
      ECG_RETURN_IF_ERROR(batch_->GetEdges(src, store::Direction::kOut, type, &known));
      std::optional<Date> earliest;
      for (const auto& e : known) {
        if (e.dst == dst && e.discriminator == discriminator &&
            (!earliest || e.meta.valid.from < *earliest)) {
          earliest = e.meta.valid.from;
        }
      }
      if (earliest) {
        asserted_.emplace(type, src, dst, std::string(discriminator));
        if (!(valid.from < *earliest)) {
          return store::WriteOutcome::kUnchanged;
        }
        // The older snapshot dates the edge earlier: that stretch is history
        // the graph lacked.
        valid.to = *earliest;
      }
      if (valid.from < *newer && *newer < valid.to) {
        valid.to = *newer;
      }
    }
  }
  ECG_ASSIGN_OR_RETURN(store::WriteOutcome outcome,
                       batch_->PutEdge(type, src, dst, props, valid, source_, discriminator));
  asserted_.emplace(type, src, dst, std::string(discriminator));
  if (outcome != store::WriteOutcome::kUnchanged) {
    ++report_->counts.edges_opened;
  }
  return outcome;
}

Result<store::WriteOutcome> SourceContext::SetProperty(VertexId id, PropertyId prop,
                                                       const Value& value, Interval valid) {
  const PropertyDef* def = Catalog::Find(prop);
  if (def != nullptr && !def->multi && !snapshot_types_.empty()) {
    ECG_ASSIGN_OR_RETURN(std::optional<Date> newer, NewerSnapshot());
    if (newer) {
      // A newer snapshot's value (a name, an address) is not replaced by an
      // older one's.
      std::vector<store::PropertyStatement> known;
      ECG_RETURN_IF_ERROR(batch_->GetProperties(id, prop, &known));
      if (!known.empty()) {
        return store::WriteOutcome::kUnchanged;
      }
    }
  }
  return batch_->SetProperty(id, prop, value, valid, source_);
}

Ingester::Ingester(store::GraphStore* store, const text::TextNormalizer* normalizer)
    : store_(store), normalizer_(normalizer) {}

void Ingester::Register(std::unique_ptr<FormatHandler> handler) {
  handlers_.push_back(std::move(handler));
}

void Ingester::RegisterDefaultHandlers() {
  RegisterListHandlers(this);
  RegisterRegHandlers(this);
  RegisterArticleHandlers(this);
}

std::vector<std::string> Ingester::Formats() const {
  std::vector<std::string> out;
  for (const auto& h : handlers_) {
    for (auto& f : h->formats()) {
      out.push_back(std::move(f));
    }
  }
  return out;
}

const FormatHandler* Ingester::HandlerFor(std::string_view format) const {
  for (const auto& h : handlers_) {
    for (const auto& f : h->formats()) {
      if (f == format) {
        return h.get();
      }
    }
  }
  return nullptr;
}

Status Ingester::IngestFiles(const std::vector<std::string>& paths, const IngestOptions& options,
                             RunReport* report) {
  std::vector<Pending> files;
  files.reserve(paths.size());
  for (const auto& p : paths) {
    files.push_back(Pending{p, p, {}, {}, {}, true, {}, {}});
  }
  return Run(std::move(files), options, report);
}

Status Ingester::IngestInputs(const std::vector<FileInput>& inputs, const IngestOptions& options,
                              RunReport* report) {
  std::vector<Pending> files;
  files.reserve(inputs.size());
  for (const auto& in : inputs) {
    if (!in.format.empty() && HandlerFor(in.format) == nullptr) {
      return Status::InvalidArgument("unknown format '" + in.format + "' for " + in.path);
    }
    files.push_back(Pending{in.label.empty() ? in.path : in.label,
                            in.path,
                            {},
                            in.format,
                            in.complete_lists,
                            in.close_gone,
                            in.expect_feed,
                            in.columns});
  }
  return Run(std::move(files), options, report);
}

Status Ingester::IngestBytes(std::string_view label, std::string_view bytes,
                             const IngestOptions& options, RunReport* report) {
  std::vector<Pending> files;
  files.push_back(Pending{std::string(label), {}, std::string(bytes), {}, {}, true, {}, {}});
  return Run(std::move(files), options, report);
}

Status Ingester::Run(std::vector<Pending> files, const IngestOptions& options, RunReport* report) {
  if (!options.format.empty() && HandlerFor(options.format) == nullptr) {
    return Status::InvalidArgument("unknown format '" + options.format +
                                   "' (known: " + FormatList() + ")");
  }
  report->label = options.label.empty() ? "ingest" : options.label;
  ECG_ASSIGN_OR_RETURN(RunId run, store_->BeginRun(report->label));
  report->run = run.value();
  for (size_t i = 0; i < files.size(); ++i) {
    FileReport file;
    file.path = files[i].label;
    Status s = IngestOne(run, files[i], options, &file);
    if (!s.ok() && (s.code() == StatusCode::kNoSpace || !store_->WriteHealth().ok())) {
      // The store, not the file, failed (a full disk, an I/O error): the
      // next files would fail the same way, so the run stops here. What
      // committed before stays; this file left nothing.
      std::string done = std::to_string(i) + " earlier file" + (i == 1 ? "" : "s");
      return Status(s.code(), files[i].label + ": " + s.message() + " (" + done +
                                  " of this run committed; this one and the " +
                                  std::to_string(files.size() - i - 1) + " after it not loaded)");
    }
    if (!s.ok()) {
      file.status = FileReport::Status::kRejected;
      file.error = s.message();
      // Nothing of a rejected file is written: its counts would mislead.
      file.counts = IngestCounts{};
      file.quarantine.clear();
    }
    report->files.push_back(std::move(file));
    if (options.on_file) {
      options.on_file(report->files.back(), i, files.size());
    }
  }
  return Status::OK();
}

namespace {

Result<std::string> ReadWholeFile(const std::string& path) {
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

bool IsWellFormedJson(std::string_view utf8) {
  util::JsonDoc doc;
  return util::ParseJson(utf8, "", &doc).ok();
}

// Closes, at this file's snapshot date, the current edges of the snapshot
// types that an earlier source of `feed` asserted and this file did not
// assert again. Sources of newer snapshots (loaded before this older one)
// are left alone. When a newer snapshot exists, the open edges are the ones
// it holds, so only edges it already closed are closed earlier, at this
// snapshot's date: the older snapshot adds history and ends nothing newer.
Status CloseGone(const store::ReadView& view, const std::string& feed, SourceContext* ctx) {
  ECG_ASSIGN_OR_RETURN(auto sources, FeedSources(view, feed, ctx->source()));
  ECG_ASSIGN_OR_RETURN(std::optional<Date> newer, ctx->NewerSnapshot());
  const Date to = ctx->snapshot_date();
  for (const auto& [src, date] : sources) {
    if (date && to < *date) {
      continue;
    }
    std::vector<store::PropertyStatement> props;
    std::vector<store::EdgeStatement> edges;
    ECG_RETURN_IF_ERROR(view.StatementsFrom(src, &props, &edges));
    for (const auto& e : edges) {
      if (!e.meta.current() || ctx->snapshot_types().count(e.type) == 0) {
        continue;
      }
      if (newer ? (e.meta.valid.is_open() || !(to < e.meta.valid.to)) : !e.meta.valid.is_open()) {
        continue;
      }
      if (!ctx->snapshot_targets().empty() && ctx->snapshot_targets().count(e.dst) == 0) {
        continue;
      }
      if (ctx->Asserted(EdgeIdentity{e.type, e.src, e.dst, e.discriminator})) {
        continue;
      }
      // A record that starts after this snapshot's date (an older snapshot
      // ingested late) is left as it is rather than given an empty interval.
      if (!(e.meta.valid.from < to)) {
        continue;
      }
      ECG_RETURN_IF_ERROR(ctx->batch()->CloseEdge(e, to));
      ++ctx->report()->counts.edges_closed;
    }
  }
  return Status::OK();
}

}  // namespace

std::string Ingester::FormatList() const {
  std::string known;
  for (const auto& f : Formats()) {
    known += (known.empty() ? "" : ", ") + f;
  }
  return known;
}

std::string NotRecognisedDetail(std::string_view utf8) {
  // What the content looks like, and what each family expects of it, so
  // that a wrong file (or a right file cut short) is told apart at a glance.
  size_t i = 0;
  while (i < utf8.size() &&
         (utf8[i] == ' ' || utf8[i] == '\n' || utf8[i] == '\r' || utf8[i] == '\t')) {
    ++i;
  }
  if (i == utf8.size()) {
    return "the file is empty";
  }
  const char c = utf8[i];
  if (c == '{' || c == '[') {
    util::JsonDoc doc;
    if (Status js = util::ParseJson(utf8, "", &doc); !js.ok()) {
      // Not JSON at all (a truncated file, most often): say where it breaks.
      // The message is ":<line> (byte <n>): invalid JSON: <reason>".
      std::string m = js.message();
      const std::string tag = ": invalid JSON: ";
      if (size_t t = m.find(tag); t != std::string::npos && !m.empty() && m[0] == ':') {
        return "invalid JSON at line " + m.substr(1, t - 1) + ": " + m.substr(t + tag.size());
      }
      return m;
    }
    return "JSON whose keys fit no known format (expected e.g. `entries` and `tables` for "
           "the compact CSL, `results` or `document_number` for the Federal Register API, "
           "`entities` for an eCFR list extract)";
  }
  if (c == '<') {
    return "XML whose root fits no known format (expected a Federal Register <RULE> or "
           "<PRORULE> document)";
  }
  if (utf8.substr(i).starts_with("---")) {
    return "Markdown front matter without the fields of a known format (expected `title` and "
           "`date`, with `document_number` for a Federal Register post)";
  }
  return "text that is not JSON, XML, Markdown with front matter, or a CSV whose header "
         "names the columns of a known list";
}

Status Ingester::IngestOne(RunId run, const Pending& in, const IngestOptions& options,
                           FileReport* file) {
  std::string read;
  if (!in.path.empty()) {
    ECG_ASSIGN_OR_RETURN(read, ReadWholeFile(in.path));
  }
  std::string_view bytes = in.path.empty() ? std::string_view(in.bytes) : read;
  file->bytes = bytes.size();
  file->sha256 = Sha256Hex(bytes);
  const std::string source_key = "sha256:" + file->sha256;
  std::unique_ptr<store::ReadView> view = store_->NewReadView();
  ECG_ASSIGN_OR_RETURN(VertexId known, view->FindByKey(VertexKind::kSource, source_key));
  if (known.valid()) {
    file->status = FileReport::Status::kUnchanged;
    auto fmt = view->GetValue(known, prop::kFormat);
    if (fmt.ok() && fmt->type() == PropertyType::kString) {
      file->format = fmt->as_string();
    }
    return Status::OK();
  }
  ECG_ASSIGN_OR_RETURN(std::string utf8, text::DecodeToUtf8(bytes, "", in.label));
  if (const auto& columns = in.columns.empty() ? options.columns : in.columns; !columns.empty()) {
    utf8 = util::RenameCsvHeader(utf8, columns);
  }
  read.clear();
  read.shrink_to_fit();

  const FormatHandler* handler = nullptr;
  const std::string& forced = in.format.empty() ? options.format : in.format;
  if (!forced.empty()) {
    file->format = forced;
    handler = HandlerFor(forced);
  } else {
    for (const auto& h : handlers_) {
      if (auto f = h->Detect(utf8, in.label)) {
        file->format = *f;
        handler = h.get();
        break;
      }
    }
    if (handler == nullptr && IsWellFormedJson(utf8)) {
      // An index or metadata file beside the data (cn_lists_xyna/manifest.json)
      // is not a bad data file: the run goes on without it.
      file->status = FileReport::Status::kSkipped;
      file->error = in.label +
                    ": a JSON document of no known data format; skipped (use --format to name "
                    "its format if it is data)";
      return Status::OK();
    }
    if (handler == nullptr) {
      return Status::InvalidArgument(in.label +
                                     ": format not recognised: " + NotRecognisedDetail(utf8) +
                                     " (docs/ingest.md lists what each format starts with; use "
                                     "--format to name one: " +
                                     FormatList() + ")");
    }
  }
  file->feed = handler->FeedKey(file->format, utf8, in.label);

  ECG_ASSIGN_OR_RETURN(std::unique_ptr<store::Batch> batch, store_->NewBatch(run));
  ECG_ASSIGN_OR_RETURN(VertexId source, batch->Vertex(VertexKind::kSource, source_key));
  const Interval always = Interval::Always();
  ECG_RETURN_IF_ERROR(
      batch->SetProperty(source, prop::kPath, Value(in.label), always, source).status());
  ECG_RETURN_IF_ERROR(
      batch->SetProperty(source, prop::kSha256, Value(file->sha256), always, source).status());
  ECG_RETURN_IF_ERROR(
      batch->SetProperty(source, prop::kFormat, Value(file->format), always, source).status());
  ECG_RETURN_IF_ERROR(batch
                          ->SetProperty(source, prop::kBytes,
                                        Value(static_cast<int64_t>(file->bytes)), always, source)
                          .status());
  Date run_date = options.run_date.value_or(Date::Today());
  SourceContext ctx(batch.get(), view.get(), source, file->format, in.label, run_date, normalizer_,
                    file);
  ctx.set_feed(file->feed);
  ctx.set_complete_lists(in.complete_lists.empty() ? options.complete_lists : in.complete_lists);
  ECG_RETURN_IF_ERROR(handler->Apply(utf8, &ctx));
  file->feed = ctx.feed();
  if (!in.expect_feed.empty() && file->feed != in.expect_feed) {
    return Status::InvalidArgument(in.label + ": belongs to feed '" + file->feed +
                                   "', not the expected '" + in.expect_feed + "'");
  }
  if (!file->feed.empty()) {
    ECG_RETURN_IF_ERROR(
        batch->SetProperty(source, prop::kFeed, Value(file->feed), always, source).status());
  }
  if (in.close_gone && !file->feed.empty() && !ctx.snapshot_types().empty()) {
    if (ctx.snapshot_date_stated()) {
      ECG_RETURN_IF_ERROR(
          batch
              ->SetProperty(source, prop::kSnapshotDate, Value(ctx.snapshot_date()), always, source)
              .status());
    }
    ECG_RETURN_IF_ERROR(CloseGone(*view, file->feed, &ctx));
  }
  ECG_RETURN_IF_ERROR(batch->Commit());
  file->status = FileReport::Status::kLoaded;
  return Status::OK();
}

}  // namespace ecg::ingest
