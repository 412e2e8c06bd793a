// The two phases of an update. Only Ingest touches the graph, and each file
// there is one batch, so a failed source cannot leave half of itself behind.
#include "update/updater.h"

#include <algorithm>
#include <filesystem>

#include "update/cache.h"

namespace ecg::update {

namespace {

ingest::FileInput InputFor(const SourceSpec& spec, std::string path, std::string label) {
  ingest::FileInput in;
  in.path = std::move(path);
  in.label = std::move(label);
  in.format = spec.format;
  in.complete_lists = spec.complete;
  in.close_gone = spec.snapshot;
  in.expect_feed = spec.feed;
  in.columns = spec.columns;
  return in;
}

}  // namespace

Updater::Updater(const Manifest* manifest, UpdateOptions options)
    : manifest_(manifest), options_(std::move(options)), fetcher_(options_.fetch) {}

Status Updater::FetchUrl(const SourceSpec& spec, SourceReport* out,
                         std::vector<ingest::FileInput>* in) {
  SourceCache cache(options_.cache_dir, spec.name);
  if (Status s = cache.Open(); !s.ok()) {
    out->outcome = Outcome::kRejected;
    out->error = s.message();
    return Status::OK();
  }
  FetchResult r;
  Status s = fetcher_.Fetch(spec.url, cache.validators(), spec.max_bytes, cache.TempPath(), &r);
  out->http_code = r.http_code;
  out->attempts = r.attempts;
  out->bytes = r.bytes;
  for (size_t i = 0; i + (s.ok() ? 0 : 1) < r.failures.size(); ++i) {
    out->warnings.push_back("attempt " + std::to_string(i + 1) + " failed: " + r.failures[i]);
  }
  if (!s.ok()) {
    out->outcome = Outcome::kRejected;
    out->error = s.message();
    return Status::OK();
  }
  if (r.not_modified) {
    ECG_RETURN_IF_ERROR(cache.Touch(r));
    out->outcome = Outcome::kNotModified;
  } else {
    if (!spec.content_types.empty() &&
        std::find(spec.content_types.begin(), spec.content_types.end(), r.content_type) ==
            spec.content_types.end()) {
      std::error_code ec;
      std::filesystem::remove(cache.TempPath(), ec);
      out->outcome = Outcome::kRejected;
      std::string expected;
      for (const auto& t : spec.content_types) {
        expected += (expected.empty() ? "" : " or ") + t;
      }
      out->error = spec.url + ": content type '" + r.content_type + "', expected " + expected;
      return Status::OK();
    }
    bool is_new = false;
    ECG_RETURN_IF_ERROR(cache.Commit(r, manifest_->keep, &is_new));
    out->outcome = is_new ? Outcome::kFetched : Outcome::kUnchanged;
  }
  // The newest cached version goes to the ingest even after a 304: the
  // ingest skips it by hash when the graph holds it, and loads it when an
  // earlier run could not.
  if (!cache.versions().empty()) {
    out->sha256 = cache.versions().front().sha256;
    in->push_back(InputFor(spec, cache.versions().front().file, spec.url));
  }
  return Status::OK();
}

Status Updater::ExpandLocal(const SourceSpec& spec, SourceReport* out,
                            std::vector<ingest::FileInput>* in) {
  auto files = ExpandPath(*manifest_, spec);
  if (!files.ok()) {
    out->outcome = Outcome::kRejected;
    out->error = files.status().message();
    return Status::OK();
  }
  for (const auto& f : *files) {
    std::error_code ec;
    uint64_t size = std::filesystem::file_size(f, ec);
    if (ec) {
      out->outcome = Outcome::kRejected;
      out->error = f + ": " + ec.message();
      in->clear();
      return Status::OK();
    }
    if (size > spec.max_bytes) {
      out->outcome = Outcome::kRejected;
      out->error = f + ": " + std::to_string(size) + " bytes, larger than the limit of " +
                   std::to_string(spec.max_bytes);
      in->clear();
      return Status::OK();
    }
    in->push_back(InputFor(spec, f, f));
  }
  out->outcome = Outcome::kUnchanged;
  return Status::OK();
}

Status Updater::Fetch(UpdateReport* report) {
  report->label = options_.label;
  for (const auto& spec : manifest_->sources) {
    SourceReport out;
    out.name = spec.name;
    out.where = spec.is_url() ? spec.url : spec.path;
    std::vector<ingest::FileInput> in;
    ECG_RETURN_IF_ERROR(spec.is_url() ? FetchUrl(spec, &out, &in) : ExpandLocal(spec, &out, &in));
    report->sources.push_back(std::move(out));
    inputs_.push_back(std::move(in));
  }
  return Status::OK();
}

Status Updater::Ingest(ingest::Ingester* ingester, UpdateReport* report) {
  if (options_.fetch_only) {
    return Status::OK();
  }
  std::vector<ingest::FileInput> all;
  for (const auto& in : inputs_) {
    all.insert(all.end(), in.begin(), in.end());
  }
  if (all.empty()) {
    return Status::OK();
  }
  ingest::IngestOptions options;
  options.label = options_.label;
  options.run_date = options_.run_date;
  ingest::RunReport run;
  ECG_RETURN_IF_ERROR(ingester->IngestInputs(all, options, &run));
  report->run = run.run;
  size_t next = 0;
  for (size_t i = 0; i < inputs_.size(); ++i) {
    SourceReport& s = report->sources[i];
    bool loaded = false;
    for (size_t k = 0; k < inputs_[i].size(); ++k) {
      ingest::FileReport& f = run.files[next++];
      s.counts += f.counts;
      if (f.status == ingest::FileReport::Status::kRejected && s.error.empty()) {
        s.outcome = Outcome::kRejected;
        s.error = f.error;
      } else if (f.status == ingest::FileReport::Status::kSkipped) {
        s.warnings.push_back(f.error);
      }
      loaded |= f.status == ingest::FileReport::Status::kLoaded;
      s.files.push_back(std::move(f));
    }
    if (s.outcome != Outcome::kRejected && loaded) {
      s.outcome = Outcome::kIngested;
    } else if (s.outcome == Outcome::kFetched) {
      // Downloaded new bytes whose content the graph already held.
      s.outcome = Outcome::kUnchanged;
    }
  }
  return Status::OK();
}

}  // namespace ecg::update
