// Article parsers: plain text, Markdown with YAML front matter, HTML and JSON
// lines, each turned into Article records (title, date, language, URL and the
// plain text that mentions are counted in). All functions are pure and safe
// for concurrent use.
#ifndef ECG_INGEST_ARTICLES_ARTICLE_H_
#define ECG_INGEST_ARTICLES_ARTICLE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema/date.h"
#include "schema/result.h"

namespace ecg::ingest {

// Format names (values of `ecg ingest --format`).
inline constexpr std::string_view kFormatArticleText = "article-text";
inline constexpr std::string_view kFormatArticleMarkdown = "article-md";
inline constexpr std::string_view kFormatArticleHtml = "article-html";
inline constexpr std::string_view kFormatArticleJsonl = "article-jsonl";

// One article as parsed. `text` is the plain text without markup: the title
// is not repeated in it unless the source repeats it, and mention offsets
// always refer to `text` (the article vertex's `text` property).
struct Article {
  std::string title;
  std::optional<Date> date;  // publication date when the source states one
  std::string lang;          // "zh", "en", ... (given, else detected from the script)
  std::string url;           // source URL; "" when unknown
  std::string text;
  // 1-based line of the record in its file (JSON lines; 1 otherwise).
  size_t line = 1;
};

// The article format of `utf8` judged by content (and the file name's
// extension for plain text), or nullopt. Markdown whose front matter is
// truncated is still recognised, so that it is rejected with its location
// rather than reported as unknown.
std::optional<std::string> DetectArticleFormat(std::string_view utf8, std::string_view file_name);

// Parses a file of `format` (one of the kFormatArticle* names). Every error
// is kInvalidArgument naming `file_label` and the line (or byte offset) at
// fault: invalid UTF-8, front matter that is not closed or not YAML, HTML
// without text, a JSON line that is not an object with "text". JSON lines
// yield one Article per line; the other formats exactly one.
Result<std::vector<Article>> ParseArticles(std::string_view utf8, std::string_view format,
                                           std::string_view file_label);

// "zh" when the text has Han characters (at least one in twenty letters),
// else "en".
std::string DetectLanguage(std::string_view utf8);

// The text of an HTML document or fragment (libxml2's HTML parser): scripts,
// styles and images dropped, block elements ending lines, whitespace of inline
// runs collapsed. Returns kInvalidArgument (naming `file_label`) when libxml2
// cannot build a tree.
Result<std::string> HtmlToText(std::string_view html, std::string_view file_label,
                               std::string* title = nullptr);

}  // namespace ecg::ingest

#endif  // ECG_INGEST_ARTICLES_ARTICLE_H_
