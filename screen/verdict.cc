// The answer of a screen as a whole: the lists of a candidate folded per
// list, and the verdict (match / possible match / no match) at a threshold.
#include <algorithm>
#include <cstdio>
#include <iterator>
#include <string>
#include <utility>

#include "screen/screener.h"

namespace ecg::screen {
namespace {

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) {
    return "";
  }
  size_t e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

void AddOnce(std::vector<std::string>* out, std::string value) {
  if (!value.empty() && std::find(out->begin(), out->end(), value) == out->end()) {
    out->push_back(std::move(value));
  }
}

// A list gives several citations in one field, separated by ';'
// ("73 FR 54502 9/22/08; 81 FR 14958 3/21/16"): each is kept once.
void AddCitations(std::vector<std::string>* out, std::string_view field) {
  size_t start = 0;
  while (start <= field.size()) {
    size_t end = field.find(';', start);
    if (end == std::string_view::npos) {
      end = field.size();
    }
    AddOnce(out, Trim(field.substr(start, end - start)));
    start = end + 1;
  }
}

std::string Codes(const Candidate& c) {
  std::string out;
  for (const ListGroup& g : GroupLists(c.lists)) {
    out += (out.empty() ? "" : ", ") + g.list_code;
  }
  return out;
}

// "Huawei Technologies Co., Ltd. scores 100, on EL, MEU".
std::string Describe(const Candidate& c) {
  std::string out = c.name + " scores " + std::to_string(c.score);
  if (!c.lists.empty()) {
    out += ", on " + Codes(c);
  }
  if (c.affiliation.applies && c.affiliation.rule_in_force) {
    char pct[32];
    std::snprintf(pct, sizeof(pct), "%g", c.affiliation.pct);
    out += std::string(c.lists.empty() ? ", " : " and ") + "reached by the affiliates rule (" +
           pct + "% held by listed owners)";
  }
  return out;
}

size_t CountRestricted(const std::vector<Candidate>& cands) {
  return static_cast<size_t>(std::count_if(cands.begin(), cands.end(), Restricted));
}

const Candidate* FirstRestricted(const std::vector<Candidate>& cands) {
  auto it = std::find_if(cands.begin(), cands.end(), Restricted);
  return it == cands.end() ? nullptr : &*it;
}

}  // namespace

std::vector<ListGroup> GroupLists(const std::vector<Listing>& lists) {
  std::vector<ListGroup> out;
  for (const Listing& l : lists) {
    auto it = std::find_if(out.begin(), out.end(),
                           [&](const ListGroup& g) { return g.list_code == l.list_code; });
    if (it == out.end()) {
      ListGroup g;
      g.list_code = l.list_code;
      g.list_name = l.list_name;
      g.since = l.valid.from;
      out.push_back(std::move(g));
      it = out.end() - 1;
    }
    it->since = std::min(it->since, l.valid.from);
    if (it->list_name.empty()) {
      it->list_name = l.list_name;
    }
    AddCitations(&it->citations, l.citation);
    AddOnce(&it->license_requirements, l.license_requirement);
    AddOnce(&it->license_policies, l.license_policy);
    AddOnce(&it->entity_numbers, l.entity_number);
  }
  return out;
}

bool Restricted(const Candidate& c) {
  return !c.lists.empty() || (c.affiliation.applies && c.affiliation.rule_in_force);
}

std::string_view VerdictName(Verdict v) {
  static constexpr std::string_view kNames[] = {"match", "possible match", "no match"};
  static_assert(std::size(kNames) == static_cast<size_t>(Verdict::kNoMatch) + 1);
  return kNames[static_cast<size_t>(v)];
}

Assessment Assess(std::vector<Candidate> candidates, int threshold, int near, size_t limit) {
  Assessment a;
  a.threshold = threshold;
  a.near = near;
  for (Candidate& c : candidates) {
    std::vector<Candidate>& side = c.score >= threshold ? a.matches : a.near_misses;
    if (side.size() < limit && c.score >= threshold - near) {
      side.push_back(std::move(c));
    }
  }
  if (FirstRestricted(a.matches) != nullptr) {
    a.verdict = Verdict::kMatch;
  } else if (FirstRestricted(a.near_misses) != nullptr) {
    a.verdict = Verdict::kPossibleMatch;
  }
  return a;
}

std::string Assessment::Line() const {
  const std::string t = std::to_string(threshold);
  std::string out = std::string(VerdictName(verdict)) + " (threshold " + t + "): ";
  switch (verdict) {
    case Verdict::kMatch: {
      out += Describe(*FirstRestricted(matches));
      const size_t more = CountRestricted(matches) - 1;
      if (more > 0) {
        out += "; " + std::to_string(more) + " more restricted candidate" + (more == 1 ? "" : "s") +
               " at or above the threshold";
      }
      return out;
    }
    case Verdict::kPossibleMatch:
      return out + "no restricted candidate scores " + t + " or more; near miss " +
             Describe(*FirstRestricted(near_misses));
    case Verdict::kNoMatch:
      break;
  }
  out += "no restricted candidate scores " + t + " or more";
  if (near > 0) {
    out += ", nor a near miss " + std::to_string(threshold - near) + " or more";
  }
  if (!matches.empty()) {
    out += "; " + std::to_string(matches.size()) + " candidate" +
           (matches.size() == 1 ? " scores" : "s score") + " " + t +
           " or more but no list or affiliates rule in force restricts " +
           (matches.size() == 1 ? "it" : "them") + " on this date";
  }
  return out;
}

}  // namespace ecg::screen
