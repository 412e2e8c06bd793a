// Helpers shared by the article parsers; not part of the public API.
// All functions are pure and safe for concurrent use.
#ifndef ECG_INGEST_ARTICLES_INTERNAL_H_
#define ECG_INGEST_ARTICLES_INTERNAL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/articles/article.h"
#include "schema/date.h"
#include "schema/result.h"

namespace ecg::ingest::articles_internal {

// `s` without leading and trailing ASCII whitespace and U+3000.
std::string Trim(std::string_view s);

// A "YYYY-MM-DD" line among the last ten non-empty lines of `text` (blogs put
// the publication date after the body), else nullopt.
std::optional<Date> TrailingDate(std::string_view text);

// Markdown with YAML front matter (parse_markdown.cc).
Result<std::vector<Article>> ParseMarkdown(std::string_view utf8, std::string_view file_label);

}  // namespace ecg::ingest::articles_internal

#endif  // ECG_INGEST_ARTICLES_INTERNAL_H_
