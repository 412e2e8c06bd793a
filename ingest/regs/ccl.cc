#include "ingest/regs/ccl.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>
#include <utility>

#include <re2/re2.h>
#include <simdjson.h>

#include "ingest/util/eccn.h"
#include "ingest/util/json.h"

#include "text/ascii.h"

namespace ecg::ingest {
namespace {

using util::GetRawString;

struct Item {
  std::string paragraph;  // "" for text lines
  std::string kind;       // item / note / text
  int64_t depth = 0;
  std::string text;
};

void AddUnique(std::vector<double>* out, double v) {
  if (std::find(out->begin(), out->end(), v) == out->end()) {
    out->push_back(v);
  }
}

std::optional<double> ToDouble(std::string_view s) {
  std::string clean;
  for (char c : s) {
    if (c != ',') {
      clean.push_back(c);
    }
  }
  while (!clean.empty() && clean.back() == '.') {
    clean.pop_back();
  }
  double v = 0;
  auto [p, ec] = std::from_chars(clean.data(), clean.data() + clean.size(), v);
  if (ec != std::errc() || p != clean.data() + clean.size()) {
    return std::nullopt;
  }
  return v;
}

// Notes inside the flattened tree restart their own lettering ("a", "b", ...)
// before or after the real paragraphs, and nothing in the file marks them.
// The real top-level paragraphs are the strictly increasing letter chain of
// highest weight: an item with sub-paragraphs weighs 3, a plain item 1, and an
// item phrased as a sentence ("The ...", "If ...", "For purposes ...") -0.5,
// so it is only ever chosen for lack of anything else.
double TopLevelWeight(const std::vector<Item>& items, size_t i) {
  const Item& it = items[i];
  for (size_t j = i + 1; j < items.size(); ++j) {
    if (items[j].kind != "item" || items[j].paragraph.empty()) {
      continue;
    }
    if (items[j].depth <= 1) {
      break;
    }
    if (items[j].depth == 2 && items[j].paragraph.rfind(it.paragraph + ".", 0) == 0) {
      return 3;
    }
    break;
  }
  static const RE2 kSentence(R"(^(?:The|If|For|When|It|In|Aggregate|This|These|Such|See|Note)\b)");
  return RE2::PartialMatch(it.text, kSentence) ? -0.5 : 1;
}

std::vector<size_t> RealParagraphs(const std::vector<Item>& items) {
  // Weighted longest increasing chain over the depth-1 items.
  std::vector<size_t> tops;
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].kind == "item" && items[i].depth == 1 && !items[i].paragraph.empty() &&
        items[i].paragraph.find('.') == std::string::npos) {
      tops.push_back(i);
    }
  }
  std::vector<double> best(tops.size(), 0);
  std::vector<int> prev(tops.size(), -1);
  int best_end = -1;
  for (size_t k = 0; k < tops.size(); ++k) {
    double w = TopLevelWeight(items, tops[k]);
    best[k] = w;
    for (size_t j = 0; j < k; ++j) {
      if (items[tops[j]].paragraph < items[tops[k]].paragraph && best[j] + w > best[k]) {
        best[k] = best[j] + w;
        prev[k] = static_cast<int>(j);
      }
    }
    if (best_end < 0 || best[k] > best[static_cast<size_t>(best_end)]) {
      best_end = static_cast<int>(k);
    }
  }
  std::set<size_t> chosen;
  for (int k = best_end; k >= 0; k = prev[static_cast<size_t>(k)]) {
    chosen.insert(tops[static_cast<size_t>(k)]);
  }
  // Deeper items count when their parent paragraph is real; an item seen
  // again (a note reusing "a.1") keeps its first, real occurrence.
  std::vector<size_t> out;
  std::set<std::string> accepted;
  for (size_t i = 0; i < items.size(); ++i) {
    const Item& it = items[i];
    if (it.kind != "item" || it.paragraph.empty() || accepted.count(it.paragraph) != 0) {
      continue;
    }
    if (it.depth == 1) {
      if (chosen.count(i) != 0) {
        accepted.insert(it.paragraph);
        out.push_back(i);
      }
      continue;
    }
    std::vector<std::string> segs = text::SplitTrim(it.paragraph, ".");
    std::string parent = it.paragraph.substr(0, it.paragraph.rfind('.'));
    if (static_cast<int64_t>(segs.size()) == it.depth && accepted.count(parent) != 0) {
      accepted.insert(it.paragraph);
      out.push_back(i);
    }
  }
  return out;
}

std::vector<std::string> RelatedEccns(std::string_view text) {
  std::vector<std::string> out;
  for (const util::EccnMatch& m : util::FindEccns(text)) {
    if (std::find(out.begin(), out.end(), m.code) == out.end()) {
      out.emplace_back(m.code);
    }
  }
  return out;
}

Result<std::vector<Item>> ReadItems(simdjson::dom::element entry) {
  std::vector<Item> items;
  simdjson::dom::array arr;
  if (entry["items"].get_array().get(arr) != simdjson::SUCCESS) {
    return items;
  }
  for (simdjson::dom::element e : arr) {
    Item it;
    it.paragraph = GetRawString(e, "paragraph");
    it.kind = GetRawString(e, "kind");
    it.text = GetRawString(e, "text");
    if (e["depth"].get_int64().get(it.depth) != simdjson::SUCCESS) {
      it.depth = 0;
    }
    items.push_back(std::move(it));
  }
  return items;
}

Result<EccnEntry> ParseEntry(simdjson::dom::element e, std::vector<EccnEntry>* paragraphs) {
  EccnEntry entry;
  entry.code = GetRawString(e, "eccn");
  entry.category = GetRawString(e, "category");
  entry.product_group = GetRawString(e, "productGroup");
  entry.heading = text::CollapseSpace(GetRawString(e, "heading"));
  for (const std::string& r : text::SplitTrim(GetRawString(e, "reasonForControl"), ",")) {
    entry.reasons.push_back(r);
  }
  simdjson::dom::object flags;
  if (e["licenceExceptionFlags"].get_object().get(flags) == simdjson::SUCCESS) {
    for (auto [key, value] : flags) {
      std::string_view text;
      if (value.get_string().get(text) != simdjson::SUCCESS) {
        continue;
      }
      LicenseExceptionFlag flag{std::string(key), std::string(text), text.rfind("Yes", 0) == 0};
      entry.license_exceptions.push_back(std::move(flag));
    }
  }
  simdjson::dom::array chart;
  if (e["countryChart"].get_array().get(chart) == simdjson::SUCCESS) {
    for (simdjson::dom::element c : chart) {
      entry.controls.push_back({GetRawString(c, "control"), GetRawString(c, "countryChart")});
    }
  }
  entry.related_controls = text::CollapseSpace(GetRawString(e, "relatedControls"));
  entry.related_eccns = RelatedEccns(entry.related_controls);
  ExtractCclThresholds(entry.heading, &entry.tpp, &entry.performance_density, &entry.operations);

  ECG_ASSIGN_OR_RETURN(std::vector<Item> items, ReadItems(e));
  std::vector<size_t> real = RealParagraphs(items);
  // Index into *paragraphs of the top-level paragraph being filled; pointers
  // would dangle when the vector grows.
  std::optional<size_t> current;
  for (size_t idx : real) {
    const Item& it = items[idx];
    entry.paragraphs.push_back(it.paragraph);
    ExtractCclThresholds(it.text, &entry.tpp, &entry.performance_density, &entry.operations);
    if (it.depth == 1) {
      current.reset();
      if (it.text.find("[Reserved]") != std::string::npos) {
        continue;
      }
      EccnEntry p;
      p.code = entry.code + "." + it.paragraph;
      p.parent = entry.code;
      p.category = entry.category;
      p.product_group = entry.product_group;
      p.heading = text::CollapseSpace(it.text);
      p.reasons = entry.reasons;
      paragraphs->push_back(std::move(p));
      current = paragraphs->size() - 1;
    }
    if (current) {
      EccnEntry& p = (*paragraphs)[*current];
      ExtractCclThresholds(it.text, &p.tpp, &p.performance_density, &p.operations);
    }
  }
  return entry;
}

}  // namespace

void ExtractCclThresholds(std::string_view text, std::vector<double>* tpp,
                          std::vector<double>* performance_density,
                          std::optional<double>* operations) {
  static const RE2 kTpp(
      R"((?i)(?:total processing performance|TPP)'?\s+(?:\('TPP'\)\s+)?of\s+([0-9][0-9,]*(?:\.[0-9]+)?))");
  static const RE2 kDensity(R"((?i)performance density'?\s+of\s+([0-9]+(?:\.[0-9]+)?))");
  // Superscripts are flattened in the source: "10 26" is 10^26.
  static const RE2 kOps(
      R"((?:([0-9]+(?:\.[0-9]+)?)\s*×\s*)?\b10 ([0-9]{1,2})\s+(?:or more\s+)?'?operations)");
  re2::StringPiece rest(text.data(), text.size());
  std::string num;
  while (RE2::FindAndConsume(&rest, kTpp, &num)) {
    if (std::optional<double> v = ToDouble(num)) {
      AddUnique(tpp, *v);
    }
  }
  rest = re2::StringPiece(text.data(), text.size());
  while (RE2::FindAndConsume(&rest, kDensity, &num)) {
    if (std::optional<double> v = ToDouble(num)) {
      AddUnique(performance_density, *v);
    }
  }
  std::string mantissa;
  std::string exponent;
  if (!operations->has_value() && RE2::PartialMatch(text, kOps, &mantissa, &exponent)) {
    double m = mantissa.empty() ? 1.0 : ToDouble(mantissa).value_or(1.0);
    *operations = m * std::pow(10.0, ToDouble(exponent).value_or(0));
  }
}

Result<CclDocument> ParseCcl(std::string_view bytes, std::string_view file_name) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(bytes);
  simdjson::dom::element root;
  if (auto err = parser.parse(padded).get(root)) {
    return util::JsonSyntaxError(err, bytes, file_name);
  }
  CclDocument doc;
  doc.ecfr_issue_date = GetRawString(root, "ecfrIssueDate");
  simdjson::dom::array entries;
  if (root["entries"].get_array().get(entries) != simdjson::SUCCESS) {
    return Status::InvalidArgument(std::string(file_name) +
                                   ": not a CCL file: no \"entries\" array");
  }
  size_t index = 0;
  for (simdjson::dom::element e : entries) {
    std::vector<EccnEntry> paragraphs;
    ECG_ASSIGN_OR_RETURN(EccnEntry entry, ParseEntry(e, &paragraphs));
    if (entry.code.empty()) {
      return Status::InvalidArgument(std::string(file_name) + ": entries[" + std::to_string(index) +
                                     "] has no \"eccn\"");
    }
    doc.entries.push_back(std::move(entry));
    for (EccnEntry& p : paragraphs) {
      doc.entries.push_back(std::move(p));
    }
    ++index;
  }
  return doc;
}

}  // namespace ecg::ingest
