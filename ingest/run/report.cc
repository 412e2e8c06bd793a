#include "ingest/run/report.h"

#include <cstdio>
#include <sstream>

#include <nlohmann/json.hpp>

namespace ecg::ingest {

IngestCounts& IngestCounts::operator+=(const IngestCounts& o) {
  records_read += o.records_read;
  entities_new += o.entities_new;
  entities_merged += o.entities_merged;
  entities_changed += o.entities_changed;
  entities_unchanged += o.entities_unchanged;
  edges_opened += o.edges_opened;
  edges_closed += o.edges_closed;
  quarantined += o.quarantined;
  return *this;
}

std::string_view FileStatusName(FileReport::Status s) {
  switch (s) {
    case FileReport::Status::kLoaded:
      return "loaded";
    case FileReport::Status::kUnchanged:
      return "unchanged";
    case FileReport::Status::kRejected:
      return "rejected";
    case FileReport::Status::kSkipped:
      return "skipped";
  }
  return "?";
}

IngestCounts RunReport::Totals() const {
  IngestCounts t;
  for (const auto& f : files) {
    t += f.counts;
  }
  return t;
}

size_t RunReport::rejected() const {
  size_t n = 0;
  for (const auto& f : files) {
    n += f.status == FileReport::Status::kRejected ? 1 : 0;
  }
  return n;
}

size_t RunReport::skipped() const {
  size_t n = 0;
  for (const auto& f : files) {
    n += f.status == FileReport::Status::kSkipped ? 1 : 0;
  }
  return n;
}

bool RunReport::all_unchanged() const {
  for (const auto& f : files) {
    if (f.status != FileReport::Status::kUnchanged) {
      return false;
    }
  }
  return true;
}

namespace {

nlohmann::ordered_json CountsJson(const IngestCounts& c) {
  return {{"records_read", c.records_read},
          {"entities_new", c.entities_new},
          {"entities_merged", c.entities_merged},
          {"entities_changed", c.entities_changed},
          {"entities_unchanged", c.entities_unchanged},
          {"edges_opened", c.edges_opened},
          {"edges_closed", c.edges_closed},
          {"quarantined", c.quarantined}};
}

std::string CountsLine(const IngestCounts& c) {
  std::ostringstream os;
  os << "records " << c.records_read << ", entities new " << c.entities_new << " merged "
     << c.entities_merged << " changed " << c.entities_changed << " unchanged "
     << c.entities_unchanged << ", edges opened " << c.edges_opened << " closed " << c.edges_closed
     << ", quarantined " << c.quarantined;
  return os.str();
}

}  // namespace

std::string RunReport::ToText(size_t max_quarantine_lines) const {
  std::ostringstream os;
  os << "ingest run " << run << (label.empty() ? "" : " (" + label + ")") << ": " << files.size()
     << " file(s)\n";
  for (const auto& f : files) {
    os << "  " << f.path << " [" << (f.format.empty() ? "?" : f.format) << "] "
       << FileStatusName(f.status);
    if (f.status == FileReport::Status::kRejected || f.status == FileReport::Status::kSkipped) {
      os << ": " << f.error << "\n";
      continue;
    }
    if (f.status == FileReport::Status::kUnchanged) {
      os << " (sha256 " << f.sha256.substr(0, 12) << " already recorded)\n";
      continue;
    }
    os << ": " << CountsLine(f.counts) << "\n";
    size_t shown = 0;
    for (const auto& q : f.quarantine) {
      if (shown++ == max_quarantine_lines) {
        os << "    ... " << (f.quarantine.size() - max_quarantine_lines) << " more quarantined\n";
        break;
      }
      os << "    quarantined " << f.path << ":" << q.line << " (offset " << q.offset
         << "): " << q.reason << "\n";
    }
  }
  size_t unchanged = 0;
  for (const auto& f : files) {
    unchanged += f.status == FileReport::Status::kUnchanged ? 1 : 0;
  }
  os << "total: " << CountsLine(Totals()) << "; "
     << files.size() - unchanged - rejected() - skipped() << " file(s) loaded, " << unchanged
     << " unchanged, " << rejected() << " rejected";
  if (skipped() > 0) {
    os << ", " << skipped() << " skipped";
  }
  os << "\n";
  return os.str();
}

std::string RunReport::ToJson() const {
  nlohmann::ordered_json j;
  j["run"] = run;
  j["label"] = label;
  j["files"] = nlohmann::ordered_json::array();
  for (const auto& f : files) {
    nlohmann::ordered_json jf;
    jf["path"] = f.path;
    jf["status"] = std::string(FileStatusName(f.status));
    jf["format"] = f.format;
    jf["feed"] = f.feed;
    jf["sha256"] = f.sha256;
    jf["bytes"] = f.bytes;
    if (!f.error.empty()) {
      jf["error"] = f.error;
    }
    jf["counts"] = CountsJson(f.counts);
    jf["quarantine"] = nlohmann::ordered_json::array();
    for (const auto& q : f.quarantine) {
      jf["quarantine"].push_back({{"line", q.line}, {"offset", q.offset}, {"reason", q.reason}});
    }
    j["files"].push_back(std::move(jf));
  }
  j["totals"] = CountsJson(Totals());
  j["rejected"] = rejected();
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace ecg::ingest
