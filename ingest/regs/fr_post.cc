#include "ingest/regs/fr_post.h"

#include <string>

#include <re2/re2.h>

#include "ingest/regs/fr_text.h"
#include "ingest/util/front_matter.h"

#include "text/ascii.h"

namespace ecg::ingest {
namespace {

using text::Trim;

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
  Result<util::FrontMatter> fm = util::SplitFrontMatter(bytes.substr(0, 8192), "");
  if (!fm.ok()) {
    return false;
  }
  static const RE2 kItem(R"((?m)^item_id:\s*["']?federal_register:)");
  return RE2::PartialMatch(fm->yaml, kItem);
}

Result<FrDocument> ParseFrPost(std::string_view bytes, std::string_view file_name) {
  const std::string file(file_name);
  ECG_ASSIGN_OR_RETURN(util::FrontMatter fm, util::SplitFrontMatter(bytes, file));
  ECG_ASSIGN_OR_RETURN(YAML::Node root, util::LoadFrontMatter(fm.yaml, file));
  FrDocument doc;
  doc.source_files.push_back(file);
  doc.item_id = util::YamlScalar(root, "item_id");
  static const RE2 kItemId(R"(federal_register:([0-9]{4}-[0-9]{4,6}|[A-Z0-9-]+))");
  if (!RE2::FullMatch(doc.item_id, kItemId, &doc.document_number)) {
    return Status::InvalidArgument(file + ": item_id \"" + doc.item_id +
                                   "\" is not federal_register:<document number>");
  }
  doc.title = CleanFrTypography(util::YamlScalar(root, "title"));
  if (doc.title.empty()) {
    return Status::InvalidArgument(file + ": front matter has no title");
  }
  ECG_ASSIGN_OR_RETURN(doc.publication_date,
                       util::FrontMatterDate(root, "original_published", file));
  doc.abstract = CleanFrTypography(Section(fm.body, "Summary"));
  doc.action = ActionFromAbstract(doc.abstract);
  static const RE2 kUrl(R"(Primary source: \[[^\]]*\]\((https?://[^)\s]+)\))");
  std::string url;
  if (RE2::PartialMatch(fm.body, kUrl, &url)) {
    doc.url = url;
  }
  TextFacts facts = AnalyzeFrText(doc.abstract, doc.publication_date);
  doc.eccns = std::move(facts.eccns);
  doc.counts = std::move(facts.counts);
  doc.related = std::move(facts.related);
  return doc;
}

}  // namespace ecg::ingest
