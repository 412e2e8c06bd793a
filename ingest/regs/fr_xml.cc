#include "ingest/regs/fr_xml.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <charconv>
#include <memory>
#include <string>

#include <re2/re2.h>

#include "ingest/regs/fr_text.h"
#include "ingest/regs/internal/fr_xml_internal.h"
#include "ingest/regs/internal/text_util.h"
#include "ingest/util/dates.h"

#include "text/ascii.h"

namespace ecg::ingest {
namespace regs_internal {

bool IsElement(const xmlNode* node, std::string_view name) {
  return node != nullptr && node->type == XML_ELEMENT_NODE &&
         name == reinterpret_cast<const char*>(node->name);
}

std::string NodeText(const xmlNode* node) {
  if (node == nullptr) {
    return "";
  }
  xmlChar* content = xmlNodeGetContent(node);
  if (content == nullptr) {
    return "";
  }
  std::string out = text::CollapseSpace(reinterpret_cast<const char*>(content));
  xmlFree(content);
  return out;
}

xmlNode* Child(const xmlNode* node, std::string_view name) {
  for (xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (IsElement(c, name)) {
      return c;
    }
  }
  return nullptr;
}

void Descendants(xmlNode* node, std::string_view name, std::vector<xmlNode*>* out) {
  // Iterative walk: FR documents can nest deeply, and recursion depth would
  // then follow the input.
  std::vector<xmlNode*> stack;
  for (xmlNode* c = node->last; c != nullptr; c = c->prev) {
    stack.push_back(c);
  }
  while (!stack.empty()) {
    xmlNode* n = stack.back();
    stack.pop_back();
    if (IsElement(n, name)) {
      out->push_back(n);
    }
    for (xmlNode* c = n->last; c != nullptr; c = c->prev) {
      stack.push_back(c);
    }
  }
}

std::string Attr(const xmlNode* node, const char* name) {
  xmlChar* v = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) {
    return "";
  }
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

}  // namespace regs_internal

namespace {

using regs_internal::Child;
using regs_internal::IsElement;
using regs_internal::NodeText;

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct CtxtFree {
  void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
};

// Issue-level facts from the FEDREG header.
struct IssueHeader {
  std::optional<int> volume;
  std::optional<Date> date;
};

std::optional<int> ToInt(std::string_view s) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) {
    return std::nullopt;
  }
  return v;
}

// The text of a preamble part without its "HD" caption ("SUMMARY:").
std::string SectionText(const xmlNode* section) {
  if (section == nullptr) {
    return "";
  }
  std::string out;
  for (xmlNode* c = section->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || IsElement(c, "HD")) {
      continue;
    }
    std::string t = NodeText(c);
    if (!t.empty()) {
      out += out.empty() ? t : " " + t;
    }
  }
  return out;
}

// The first page: a PRTPAGE seen before any document text marks the page the
// document starts on; a later one marks the next page.
std::optional<int> StartPage(xmlNode* document) {
  std::vector<xmlNode*> stack = {document};
  bool seen_text = false;
  while (!stack.empty()) {
    xmlNode* n = stack.back();
    stack.pop_back();
    if (n->type == XML_TEXT_NODE &&
        !text::Trim(reinterpret_cast<const char*>(n->content)).empty()) {
      seen_text = true;
    }
    if (IsElement(n, "PRTPAGE")) {
      std::optional<int> p = ToInt(regs_internal::Attr(n, "P"));
      if (p) {
        return seen_text ? *p - 1 : *p;
      }
    }
    for (xmlNode* c = n->last; c != nullptr; c = c->prev) {
      stack.push_back(c);
    }
  }
  return std::nullopt;
}

std::vector<std::string> CfrParts(std::string_view cfr) {
  // "15 CFR Parts 740, 742, and 744" -> 740, 742, 744.
  static const RE2 kPart(R"(\b([0-9]{1,4}[a-z]?)\b)");
  std::vector<std::string> out;
  size_t pos = cfr.find("CFR");
  if (pos == std::string_view::npos) {
    return out;
  }
  re2::StringPiece rest(cfr.data() + pos, cfr.size() - pos);
  std::string part;
  while (RE2::FindAndConsume(&rest, kPart, &part)) {
    out.push_back(part);
  }
  return out;
}

FrDocument ReadDocument(xmlNode* node, const IssueHeader& header, std::string_view file_name) {
  static const RE2 kRin(R"(RIN\s+([0-9]{4}-[A-Z0-9]{4}))");
  static const RE2 kFrDoc(R"(FR Doc\.?\s+([0-9]{4}-[0-9]{3,6}|[A-Z0-9-]+))");
  FrDocument doc;
  doc.source_files.emplace_back(file_name);
  const std::string kind = reinterpret_cast<const char*>(node->name);
  doc.type = kind == "RULE"      ? "Rule"
             : kind == "PRORULE" ? "Proposed Rule"
             : kind == "NOTICE"  ? "Notice"
                                 : "Presidential Document";
  xmlNode* preamb = Child(node, "PREAMB");
  if (preamb != nullptr) {
    doc.agency = NodeText(Child(preamb, "SUBAGY"));
    if (doc.agency.empty()) {
      doc.agency = NodeText(Child(preamb, "AGENCY"));
    }
    doc.cfr_parts = CfrParts(NodeText(Child(preamb, "CFR")));
    std::string rin;
    if (RE2::PartialMatch(NodeText(Child(preamb, "RIN")), kRin, &rin)) {
      doc.rin = rin;
    }
    doc.title = CleanFrTypography(NodeText(Child(preamb, "SUBJECT")));
    doc.action = text::Trim(SectionText(Child(preamb, "ACT")), " .");
    doc.abstract = CleanFrTypography(SectionText(Child(preamb, "SUM")));
    doc.effective_date = FindEffectiveDate(SectionText(Child(preamb, "DATES")));
  }
  std::string number;
  if (RE2::PartialMatch(NodeText(Child(node, "FRDOC")), kFrDoc, &number)) {
    doc.document_number = number;
  }
  doc.publication_date = header.date;
  doc.volume = header.volume;
  doc.start_page = StartPage(node);
  if (doc.volume && doc.start_page) {
    doc.citation = std::to_string(*doc.volume) + " FR " + std::to_string(*doc.start_page);
  }
  TextFacts facts =
      AnalyzeFrText(doc.abstract, doc.effective_date ? doc.effective_date : doc.publication_date);
  doc.eccns = std::move(facts.eccns);
  doc.counts = std::move(facts.counts);
  doc.related = std::move(facts.related);
  doc.changes = regs_internal::ReadEntityListChanges(node);
  return doc;
}

bool IsDocumentElement(const xmlNode* n) {
  return IsElement(n, "RULE") || IsElement(n, "PRORULE") || IsElement(n, "NOTICE") ||
         IsElement(n, "PRESDOCU");
}

IssueHeader ReadHeader(xmlNode* fedreg) {
  IssueHeader h;
  h.volume = ToInt(NodeText(Child(fedreg, "VOL")));
  std::string date = NodeText(Child(fedreg, "DATE"));  // "Monday, December 2, 2024"
  size_t comma = date.find(", ");
  if (comma != std::string::npos) {
    h.date = util::ParseEnglishDate(date.substr(comma + 2), util::EnglishDateMatch::kPrefix);
  }
  return h;
}

}  // namespace

bool LooksLikeFrXml(std::string_view bytes) {
  static const RE2 kRoot(
      R"(^(?:\xEF\xBB\xBF)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--(?s:.*?)-->\s*)*(?:<!DOCTYPE[^>]*>\s*)?<(FEDREG|RULE|PRORULE|NOTICE)[\s>])");
  return RE2::PartialMatch(bytes.substr(0, 16384), kRoot);
}

Result<std::vector<FrDocument>> ParseFrXml(std::string_view bytes, std::string_view file_name) {
  static const bool kInit = [] {
    xmlInitParser();
    return true;
  }();
  (void)kInit;
  std::unique_ptr<xmlParserCtxt, CtxtFree> ctxt(xmlNewParserCtxt());
  if (ctxt == nullptr) {
    return Status::Internal("libxml2: cannot allocate a parser context");
  }
  std::unique_ptr<xmlDoc, DocFree> xml(xmlCtxtReadMemory(
      ctxt.get(), bytes.data(), static_cast<int>(bytes.size()), std::string(file_name).c_str(),
      nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE));
  if (xml == nullptr || ctxt->wellFormed == 0) {
    const xmlError* err = xmlCtxtGetLastError(ctxt.get());
    std::string what =
        err != nullptr && err->message != nullptr ? text::Trim(err->message) : "not well-formed";
    int line = err != nullptr ? err->line : 0;
    int column = err != nullptr ? err->int2 : 0;
    return Status::InvalidArgument(std::string(file_name) + ": line " + std::to_string(line) +
                                   ", column " + std::to_string(column) +
                                   ": malformed XML: " + what);
  }
  xmlNode* root = xmlDocGetRootElement(xml.get());
  IssueHeader header;
  if (IsElement(root, "FEDREG")) {
    header = ReadHeader(root);
  }
  std::vector<FrDocument> docs;
  if (IsDocumentElement(root)) {
    docs.push_back(ReadDocument(root, header, file_name));
  } else if (root != nullptr) {
    std::vector<xmlNode*> stack = {root};
    while (!stack.empty()) {
      xmlNode* n = stack.back();
      stack.pop_back();
      if (IsDocumentElement(n)) {
        docs.push_back(ReadDocument(n, header, file_name));
        continue;
      }
      for (xmlNode* c = n->last; c != nullptr; c = c->prev) {
        if (c->type == XML_ELEMENT_NODE) {
          stack.push_back(c);
        }
      }
    }
  }
  if (docs.empty()) {
    return Status::InvalidArgument(std::string(file_name) +
                                   ": no RULE, PRORULE or NOTICE element in the XML");
  }
  return docs;
}

}  // namespace ecg::ingest
