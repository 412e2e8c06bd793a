#include "ingest/regs/fr_json.h"

#include <string>

#include <re2/re2.h>
#include <simdjson.h>

#include "ingest/regs/fr_text.h"
#include "ingest/util/json.h"

#include "text/ascii.h"

namespace ecg::ingest {
namespace {

using util::GetIntOrString;
using util::GetRawString;

Result<std::optional<Date>> DateField(simdjson::dom::element obj, std::string_view key,
                                      const std::string& where) {
  std::string s = GetRawString(obj, key);
  if (s.empty()) {
    return std::optional<Date>();
  }
  Result<Date> d = Date::Parse(s);
  if (!d.ok()) {
    return Status::InvalidArgument(where + ": field \"" + std::string(key) +
                                   "\": " + d.status().message());
  }
  return std::optional<Date>(*d);
}

std::optional<int> IntField(simdjson::dom::element obj, std::string_view key) {
  int64_t v = 0;
  if (obj[key].get_int64().get(v) != simdjson::SUCCESS) {
    return std::nullopt;
  }
  return static_cast<int>(v);
}

Result<FrDocument> ReadDocument(simdjson::dom::element e, const std::string& where,
                                std::string_view file_name) {
  FrDocument doc;
  doc.source_files.emplace_back(file_name);
  doc.document_number = GetRawString(e, "document_number");
  if (doc.document_number.empty()) {
    return Status::InvalidArgument(where + ": no \"document_number\"");
  }
  doc.title = CleanFrTypography(GetRawString(e, "title"));
  doc.type = GetRawString(e, "type");
  doc.abstract = CleanFrTypography(GetRawString(e, "abstract"));
  doc.action = text::Trim(GetRawString(e, "action"), " .");
  doc.url = GetRawString(e, "html_url");
  ECG_ASSIGN_OR_RETURN(doc.publication_date, DateField(e, "publication_date", where));
  ECG_ASSIGN_OR_RETURN(doc.effective_date, DateField(e, "effective_on", where));
  if (!doc.effective_date) {
    doc.effective_date = FindEffectiveDate(GetRawString(e, "dates"));
  }
  doc.volume = IntField(e, "volume");
  doc.start_page = IntField(e, "start_page");
  doc.citation = GetRawString(e, "citation");
  if (doc.citation.empty() && doc.volume && doc.start_page) {
    doc.citation = std::to_string(*doc.volume) + " FR " + std::to_string(*doc.start_page);
  }
  simdjson::dom::array arr;
  if (e["cfr_references"].get_array().get(arr) == simdjson::SUCCESS) {
    for (simdjson::dom::element ref : arr) {
      std::string part = GetIntOrString(ref, "part");
      if (!part.empty()) {
        doc.cfr_parts.push_back(part);
      }
    }
  }
  if (e["agencies"].get_array().get(arr) == simdjson::SUCCESS) {
    for (simdjson::dom::element agency : arr) {
      std::string raw = GetRawString(agency, "raw_name");
      std::string name = GetRawString(agency, "name");
      // raw_name is the document's own spelling ("Bureau of Industry and
      // Security"), except for departments, which it writes in capitals.
      bool shouting = raw.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos;
      std::string pick = !raw.empty() && !shouting ? raw : name;
      if (!pick.empty()) {
        doc.agency = pick;
      }
    }
  }
  if (e["regulation_id_numbers"].get_array().get(arr) == simdjson::SUCCESS) {
    for (simdjson::dom::element r : arr) {
      std::string_view s;
      if (r.get_string().get(s) == simdjson::SUCCESS && doc.rin.empty()) {
        doc.rin = std::string(s);
      }
    }
  }
  TextFacts facts =
      AnalyzeFrText(doc.abstract, doc.effective_date ? doc.effective_date : doc.publication_date);
  doc.eccns = std::move(facts.eccns);
  doc.counts = std::move(facts.counts);
  doc.related = std::move(facts.related);
  static const RE2 kNumber(R"(/([0-9]{4}-[0-9]{4,6})(?:/|\.json|$))");
  std::string corrected;
  if (RE2::PartialMatch(GetRawString(e, "correction_of"), kNumber, &corrected)) {
    RuleRef ref;
    ref.relation = RuleRelation::kCorrects;
    ref.document_number = corrected;
    doc.related.push_back(std::move(ref));
  }
  return doc;
}

}  // namespace

bool LooksLikeFrJson(std::string_view bytes) {
  static const RE2 kStart(R"(^(?:\xEF\xBB\xBF)?\s*\{)");
  std::string_view head = bytes.substr(0, 65536);
  // A file cut short may end before "document_number": the API's own URLs
  // identify it as well.
  return RE2::PartialMatch(head, kStart) &&
         (head.find("\"document_number\"") != std::string_view::npos ||
          head.find("https://www.federalregister.gov/") != std::string_view::npos);
}

Result<std::vector<FrDocument>> ParseFrJson(std::string_view bytes, std::string_view file_name) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(bytes);
  simdjson::dom::element root;
  if (auto err = parser.parse(padded).get(root)) {
    return util::JsonSyntaxError(err, bytes, file_name);
  }
  const std::string file(file_name);
  std::vector<FrDocument> docs;
  simdjson::dom::array results;
  if (root["results"].get_array().get(results) == simdjson::SUCCESS) {
    size_t i = 0;
    for (simdjson::dom::element e : results) {
      ECG_ASSIGN_OR_RETURN(FrDocument doc,
                           ReadDocument(e, file + ": results[" + std::to_string(i) + "]", file));
      docs.push_back(std::move(doc));
      ++i;
    }
    return docs;
  }
  if (root.type() != simdjson::dom::element_type::OBJECT) {
    return Status::InvalidArgument(file + ": not a Federal Register API document");
  }
  ECG_ASSIGN_OR_RETURN(FrDocument doc, ReadDocument(root, file, file));
  docs.push_back(std::move(doc));
  return docs;
}

}  // namespace ecg::ingest
