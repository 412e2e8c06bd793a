#include "update/report.h"

#include <sstream>

#include <nlohmann/json.hpp>

namespace ecg::update {

std::string_view OutcomeName(Outcome o) {
  switch (o) {
    case Outcome::kNotModified:
      return "not-modified";
    case Outcome::kFetched:
      return "fetched";
    case Outcome::kIngested:
      return "ingested";
    case Outcome::kUnchanged:
      return "unchanged";
    case Outcome::kRejected:
      return "rejected";
  }
  return "?";
}

size_t UpdateReport::count(Outcome o) const {
  size_t n = 0;
  for (const auto& s : sources) {
    n += s.outcome == o ? 1 : 0;
  }
  return n;
}

namespace {

// What changed, in the words of the ingest report; "" when nothing did.
std::string Changes(const ingest::IngestCounts& c) {
  std::ostringstream os;
  auto add = [&os](uint64_t n, const char* what) {
    if (n > 0) {
      os << (os.tellp() > 0 ? ", " : "") << n << " " << what;
    }
  };
  add(c.entities_new, "entities new");
  add(c.entities_merged, "merged");
  add(c.entities_changed, "changed");
  add(c.edges_opened, "edges opened");
  add(c.edges_closed, "closed");
  add(c.quarantined, "records quarantined");
  return os.str();
}

}  // namespace

std::string UpdateReport::ToText() const {
  std::ostringstream os;
  os << "update" << (run != 0 ? " (ingest run " + std::to_string(run) + ")" : "") << ": "
     << sources.size() << " source(s)\n";
  for (const auto& s : sources) {
    os << "  " << s.name << ": " << OutcomeName(s.outcome);
    if (s.http_code != 0) {
      os << " (HTTP " << s.http_code << ", " << s.attempts << " attempt(s), " << s.bytes
         << " bytes)";
    }
    if (s.outcome == Outcome::kRejected) {
      os << ": " << s.error;
    } else if (std::string c = Changes(s.counts); !c.empty()) {
      os << ": " << c;
    } else if (s.outcome == Outcome::kIngested) {
      os << ": no entity or edge changed";
    }
    os << "\n";
    for (const auto& w : s.warnings) {
      os << "    warning: " << w << "\n";
    }
  }
  os << "total: " << count(Outcome::kIngested) << " ingested, " << count(Outcome::kFetched)
     << " fetched, " << count(Outcome::kNotModified) << " not modified, "
     << count(Outcome::kUnchanged) << " unchanged, " << count(Outcome::kRejected) << " rejected\n";
  return os.str();
}

std::string UpdateReport::ToJson() const {
  nlohmann::ordered_json j;
  j["run"] = run;
  j["label"] = label;
  j["sources"] = nlohmann::ordered_json::array();
  for (const auto& s : sources) {
    nlohmann::ordered_json js;
    js["name"] = s.name;
    js["where"] = s.where;
    js["outcome"] = std::string(OutcomeName(s.outcome));
    if (!s.error.empty()) {
      js["error"] = s.error;
    }
    js["warnings"] = s.warnings;
    js["http_code"] = s.http_code;
    js["attempts"] = s.attempts;
    js["bytes"] = s.bytes;
    js["sha256"] = s.sha256;
    js["counts"] = {{"records_read", s.counts.records_read},
                    {"entities_new", s.counts.entities_new},
                    {"entities_merged", s.counts.entities_merged},
                    {"entities_changed", s.counts.entities_changed},
                    {"entities_unchanged", s.counts.entities_unchanged},
                    {"edges_opened", s.counts.edges_opened},
                    {"edges_closed", s.counts.edges_closed},
                    {"quarantined", s.counts.quarantined}};
    js["files"] = nlohmann::ordered_json::array();
    for (const auto& f : s.files) {
      nlohmann::ordered_json jf = {{"path", f.path},
                                   {"status", std::string(ingest::FileStatusName(f.status))},
                                   {"format", f.format},
                                   {"feed", f.feed},
                                   {"sha256", f.sha256}};
      if (!f.error.empty()) {
        jf["error"] = f.error;
      }
      js["files"].push_back(std::move(jf));
    }
    j["sources"].push_back(std::move(js));
  }
  j["totals"] = {{"ingested", count(Outcome::kIngested)},
                 {"fetched", count(Outcome::kFetched)},
                 {"not_modified", count(Outcome::kNotModified)},
                 {"unchanged", count(Outcome::kUnchanged)},
                 {"rejected", count(Outcome::kRejected)}};
  return j.dump();
}

}  // namespace ecg::update
