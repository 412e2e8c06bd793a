#include "ingest/regs/fr_post.h"

#include <string>

#include <re2/re2.h>

#include "ingest/regs/fr_text.h"

#include "text/ascii.h"
#include <yaml-cpp/yaml.h>

namespace ecg::ingest {
namespace {

using text::Trim;

struct FrontMatter {
  std::string_view yaml;  // between the two "---" lines
  std::string_view body;  // after the closing "---" line
};

// Splits "---\n<yaml>\n---\n<body>". nullopt when there is no front matter.
std::optional<FrontMatter> SplitFrontMatter(std::string_view bytes) {
  bytes = text::StripBom(bytes);
  if (bytes.rfind("---\n", 0) != 0 && bytes.rfind("---\r\n", 0) != 0) {
    return std::nullopt;
  }
  size_t start = bytes.find('\n') + 1;
  size_t pos = start;
  while (pos < bytes.size()) {
    size_t end = bytes.find('\n', pos);
    std::string_view line =
        bytes.substr(pos, end == std::string_view::npos ? bytes.size() - pos : end - pos);
    if (line == "---" || line == "---\r") {
      FrontMatter fm;
      fm.yaml = bytes.substr(start, pos - start);
      fm.body = end == std::string_view::npos ? std::string_view() : bytes.substr(end + 1);
      return fm;
    }
    if (end == std::string_view::npos) {
      break;
    }
    pos = end + 1;
  }
  return std::nullopt;
}

// yaml-cpp reports errors as C++ exceptions (YAML::Exception). This is the one place
// the regulation parsers meet an exception: it is turned into a Status here
// and never crosses the ingest boundary.
Result<YAML::Node> LoadYaml(std::string_view yaml, std::string_view file_name) {
  try {
    return YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    // Line 1 of the front matter is line 2 of the file.
    return Status::InvalidArgument(
        std::string(file_name) + ": line " + std::to_string(e.mark.line + 2) + ", column " +
        std::to_string(e.mark.column + 1) + ": bad YAML front matter: " + e.msg);
  }
}

// A scalar field, "" when absent or not a scalar.
std::string Scalar(const YAML::Node& root, const char* key) {
  YAML::Node n = root[key];
  if (!n || !n.IsScalar()) {
    return "";
  }
  return n.Scalar();
}

// The text of a "## <heading>" section, up to the next "## " heading.
std::string_view Section(std::string_view body, std::string_view heading) {
  std::string marker = "## " + std::string(heading);
  size_t pos = body.find(marker);
  while (pos != std::string_view::npos && pos != 0 && body[pos - 1] != '\n') {
    pos = body.find(marker, pos + 1);
  }
  if (pos == std::string_view::npos) {
    return {};
  }
  size_t start = body.find('\n', pos);
  if (start == std::string_view::npos) {
    return {};
  }
  size_t end = body.find("\n## ", start);
  return body.substr(start + 1,
                     end == std::string_view::npos ? std::string_view::npos : end - start - 1);
}

// The document type an abstract announces: "In this final rule, ..." etc.
std::string ActionFromAbstract(std::string_view abstract) {
  static const RE2 kAction(
      R"((?i)\b(interim final rule|final rule|proposed rule|advance notice of proposed rulemaking|notice of inquiry|request for comments?)\b)");
  std::string action;
  std::string_view first = abstract.substr(0, std::min<size_t>(abstract.size(), 300));
  if (!RE2::PartialMatch(first, kAction, &action)) {
    return "";
  }
  std::string out = text::AsciiLower(action);
  out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

}  // namespace

bool LooksLikeFrPost(std::string_view bytes) {
  std::optional<FrontMatter> fm = SplitFrontMatter(bytes.substr(0, 8192));
  if (!fm) {
    return false;
  }
  static const RE2 kItem(R"((?m)^item_id:\s*["']?federal_register:)");
  return RE2::PartialMatch(fm->yaml, kItem);
}

Result<FrDocument> ParseFrPost(std::string_view bytes, std::string_view file_name) {
  const std::string file(file_name);
  std::optional<FrontMatter> fm = SplitFrontMatter(bytes);
  if (!fm) {
    return Status::InvalidArgument(file + ": line 1: no YAML front matter (\"---\" ... \"---\")");
  }
  ECG_ASSIGN_OR_RETURN(YAML::Node root, LoadYaml(fm->yaml, file_name));
  if (!root.IsMap()) {
    return Status::InvalidArgument(file + ": line 2: front matter is not a YAML mapping");
  }
  FrDocument doc;
  doc.source_files.push_back(file);
  doc.item_id = Scalar(root, "item_id");
  static const RE2 kItemId(R"(federal_register:([0-9]{4}-[0-9]{4,6}|[A-Z0-9-]+))");
  if (!RE2::FullMatch(doc.item_id, kItemId, &doc.document_number)) {
    return Status::InvalidArgument(file + ": item_id \"" + doc.item_id +
                                   "\" is not federal_register:<document number>");
  }
  doc.title = CleanFrTypography(Scalar(root, "title"));
  if (doc.title.empty()) {
    return Status::InvalidArgument(file + ": front matter has no title");
  }
  std::string published = Trim(Scalar(root, "original_published"));
  if (!published.empty()) {
    Result<Date> d = Date::Parse(published.substr(0, 10));
    if (!d.ok()) {
      return Status::InvalidArgument(file + ": original_published \"" + published +
                                     "\": " + d.status().message());
    }
    doc.publication_date = *d;
  }
  doc.abstract = CleanFrTypography(Section(fm->body, "Summary"));
  doc.action = ActionFromAbstract(doc.abstract);
  static const RE2 kUrl(R"(Primary source: \[[^\]]*\]\((https?://[^)\s]+)\))");
  std::string url;
  if (RE2::PartialMatch(fm->body, kUrl, &url)) {
    doc.url = url;
  }
  TextFacts facts = AnalyzeFrText(doc.abstract, doc.publication_date);
  doc.eccns = std::move(facts.eccns);
  doc.counts = std::move(facts.counts);
  doc.related = std::move(facts.related);
  return doc;
}

}  // namespace ecg::ingest
