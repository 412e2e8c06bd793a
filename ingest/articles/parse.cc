// Format detection, plain text, HTML and JSON-lines articles, and language
// detection. Markdown lives in parse_markdown.cc.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>
#include <simdjson.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "ingest/articles/article.h"
#include "ingest/articles/internal.h"

#include "text/ascii.h"
#include "text/decode.h"

namespace ecg::ingest {
namespace {

using text::AsciiLower;
using text::StripBom;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return text::EndsWithAsciiLower(s, suffix);
}

Result<std::vector<Article>> ParseText(std::string_view utf8, std::string_view label) {
  std::string_view body = StripBom(utf8);
  size_t nl = body.find('\n');
  Article a;
  a.title = articles_internal::Trim(body.substr(0, nl));
  if (a.title.empty()) {
    return Status::InvalidArgument(std::string(label) + ": line 1: no title on the first line");
  }
  a.text = nl == std::string_view::npos ? std::string() : std::string(body.substr(nl + 1));
  a.date = articles_internal::TrailingDate(a.text);
  return std::vector<Article>{std::move(a)};
}

Result<std::vector<Article>> ParseHtml(std::string_view utf8, std::string_view label) {
  Article a;
  ECG_ASSIGN_OR_RETURN(a.text, HtmlToText(utf8, label, &a.title));
  if (a.text.empty()) {
    return Status::InvalidArgument(std::string(label) + ": byte 0: HTML document without text");
  }
  if (a.title.empty()) {
    size_t nl = a.text.find('\n');
    a.title = a.text.substr(0, nl);
  }
  // Metadata of <meta> tags: date and language as publishers commonly write them.
  static const re2::RE2 kDate(
      R"re((?i)<meta[^>]+(?:name|property)="(?:date|article:published_time|dc\.date)"[^>]*content="(\d{4}-\d{2}-\d{2}))re");
  static const re2::RE2 kLang(R"re((?i)<html[^>]*\slang="([a-zA-Z]{2,3}))re");
  static const re2::RE2 kUrl(R"re((?i)<link[^>]+rel="canonical"[^>]*href="([^"]+)")re");
  std::string date;
  std::string lang;
  if (re2::RE2::PartialMatch(utf8, kDate, &date)) {
    if (auto d = Date::Parse(date); d.ok()) {
      a.date = *d;
    }
  }
  if (re2::RE2::PartialMatch(utf8, kLang, &lang)) {
    a.lang = AsciiLower(lang);
  }
  re2::RE2::PartialMatch(utf8, kUrl, &a.url);
  return std::vector<Article>{std::move(a)};
}

std::string Field(simdjson::dom::object obj, std::string_view key) {
  std::string_view v;
  if (obj[key].get(v) != simdjson::SUCCESS) {
    return std::string();
  }
  return std::string(v);
}

Result<std::vector<Article>> ParseJsonl(std::string_view utf8, std::string_view label) {
  std::vector<Article> out;
  simdjson::dom::parser parser;
  size_t pos = 0;
  size_t line_no = 0;
  const std::string file(label);
  while (pos < utf8.size()) {
    size_t end = utf8.find('\n', pos);
    std::string_view line =
        utf8.substr(pos, end == std::string_view::npos ? utf8.size() - pos : end - pos);
    pos = end == std::string_view::npos ? utf8.size() : end + 1;
    ++line_no;
    if (articles_internal::Trim(line).empty()) {
      continue;
    }
    simdjson::dom::object obj;
    simdjson::error_code err = parser.parse(line.data(), line.size()).get(obj);
    if (err != simdjson::SUCCESS) {
      return Status::InvalidArgument(file + ": line " + std::to_string(line_no) +
                                     ": not a JSON object: " + simdjson::error_message(err));
    }
    Article a;
    a.line = line_no;
    a.title = Field(obj, "title");
    a.text = Field(obj, "text");
    a.lang = AsciiLower(Field(obj, "lang"));
    a.url = Field(obj, "url");
    if (a.text.empty()) {
      return Status::InvalidArgument(file + ": line " + std::to_string(line_no) +
                                     ": no \"text\" string");
    }
    std::string date = Field(obj, "date");
    if (!date.empty()) {
      Result<Date> d = Date::Parse(date.substr(0, 10));
      if (!d.ok()) {
        std::string msg = file + ": line " + std::to_string(line_no) + ": bad date '";
        msg.append(date).push_back('\'');
        return Status::InvalidArgument(msg);
      }
      a.date = *d;
    }
    out.push_back(std::move(a));
  }
  if (out.empty()) {
    return Status::InvalidArgument(file + ": line 1: no JSON lines");
  }
  return out;
}

}  // namespace

std::optional<std::string> DetectArticleFormat(std::string_view utf8, std::string_view file_name) {
  std::string_view s = StripBom(utf8);
  std::string_view head = s.substr(0, 512);
  size_t first = head.find_first_not_of(" \t\r\n");
  head = first == std::string_view::npos ? std::string_view() : head.substr(first);
  std::string lower = AsciiLower(head.substr(0, 64));
  if (lower.rfind("<!doctype html", 0) == 0 || lower.rfind("<html", 0) == 0 ||
      EndsWith(file_name, ".html") || EndsWith(file_name, ".htm")) {
    return std::string(kFormatArticleHtml);
  }
  if (s.rfind("---\n", 0) == 0 || s.rfind("---\r\n", 0) == 0) {
    // Front matter with a title: an article (regulation posts are claimed
    // by the regs handler, which runs first).
    if (s.substr(0, 4096).find("\ntitle:") != std::string_view::npos) {
      return std::string(kFormatArticleMarkdown);
    }
    return std::nullopt;
  }
  if (head.rfind('{', 0) == 0 && EndsWith(file_name, ".jsonl")) {
    return std::string(kFormatArticleJsonl);
  }
  if (head.rfind('{', 0) == 0 && head.find("\"text\"") != std::string_view::npos &&
      head.find("\"title\"") != std::string_view::npos) {
    return std::string(kFormatArticleJsonl);
  }
  if (EndsWith(file_name, ".txt") && !head.empty()) {
    return std::string(kFormatArticleText);
  }
  return std::nullopt;
}

std::string DetectLanguage(std::string_view utf8) {
  size_t han = 0;
  size_t letters = 0;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(utf8.size());
  while (i < n) {
    UChar32 c = 0;
    U8_NEXT(utf8.data(), i, n, c);
    if (c < 0 || !u_isalpha(c)) {
      continue;
    }
    ++letters;
    UErrorCode status = U_ZERO_ERROR;
    if (uscript_getScript(c, &status) == USCRIPT_HAN) {
      ++han;
    }
  }
  return letters > 0 && han * 20 >= letters ? "zh" : "en";
}

Result<std::vector<Article>> ParseArticles(std::string_view utf8, std::string_view format,
                                           std::string_view file_label) {
  size_t bad = text::FirstInvalidUtf8(utf8);
  if (bad != std::string_view::npos) {
    size_t line = 1 + static_cast<size_t>(std::count(utf8.begin(), utf8.begin() + bad, '\n'));
    return Status::InvalidArgument(std::string(file_label) + ": line " + std::to_string(line) +
                                   ", byte " + std::to_string(bad) + ": invalid UTF-8");
  }
  Result<std::vector<Article>> parsed = Status::InvalidArgument(
      std::string(file_label) + ": unknown article format '" + std::string(format) + "'");
  if (format == kFormatArticleText) {
    parsed = ParseText(utf8, file_label);
  } else if (format == kFormatArticleMarkdown) {
    parsed = articles_internal::ParseMarkdown(utf8, file_label);
  } else if (format == kFormatArticleHtml) {
    parsed = ParseHtml(utf8, file_label);
  } else if (format == kFormatArticleJsonl) {
    parsed = ParseJsonl(utf8, file_label);
  }
  if (!parsed.ok()) {
    return parsed;
  }
  for (Article& a : *parsed) {
    if (a.lang.empty()) {
      a.lang = DetectLanguage(a.title + "\n" + a.text);
    }
  }
  return parsed;
}

}  // namespace ecg::ingest
