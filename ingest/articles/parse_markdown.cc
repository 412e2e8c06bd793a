// Markdown articles with YAML front matter (title, date, url / original_url,
// lang); HTML blocks in the body go through the HTML parser.
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "ingest/articles/article.h"
#include "ingest/articles/internal.h"
#include "ingest/util/front_matter.h"

#include "text/ascii.h"

namespace ecg::ingest::articles_internal {
namespace {

std::vector<std::string_view> Lines(std::string_view s) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t end = s.find('\n', pos);
    if (end == std::string_view::npos) {
      out.push_back(s.substr(pos));
      break;
    }
    std::string_view line = s.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    out.push_back(line);
    pos = end + 1;
  }
  return out;
}

bool StartsHtmlBlock(std::string_view line) {
  return line.size() >= 2 && line[0] == '<' &&
         ((line[1] >= 'a' && line[1] <= 'z') || (line[1] >= 'A' && line[1] <= 'Z') ||
          line[1] == '/' || line[1] == '!');
}

// One Markdown line as plain text: heading and quote markers, images, link
// targets and emphasis markers go; the words stay.
std::string InlineText(std::string_view line) {
  static const re2::RE2 kBlockPrefix(R"(^(?:#{1,6}\s+|>\s?))");
  static const re2::RE2 kRule(R"(^\s*(?:-{3,}|\*{3,}|_{3,})\s*$)");
  static const re2::RE2 kImage(R"(!\[[^\]]*\]\([^)]*\))");
  static const re2::RE2 kLink(R"(\[([^\]]*)\]\([^)]*\))");
  static const re2::RE2 kEmphasis(R"(\*\*|__)");
  std::string s(line);
  if (re2::RE2::FullMatch(s, kRule)) {
    return std::string();
  }
  re2::RE2::Replace(&s, kBlockPrefix, "");
  re2::RE2::GlobalReplace(&s, kImage, "");
  re2::RE2::GlobalReplace(&s, kLink, "\\1");
  re2::RE2::GlobalReplace(&s, kEmphasis, "");
  return s;
}

Result<std::string> BodyText(std::string_view body, const std::string& file, size_t first_line) {
  std::vector<std::string_view> lines = Lines(body);
  std::string out;
  size_t blank_run = 0;
  auto emit = [&](std::string_view text) {
    std::string t = Trim(text);
    if (t.empty()) {
      ++blank_run;
      return;
    }
    if (!out.empty()) {
      out += blank_run > 0 ? "\n\n" : "\n";
    }
    out += t;
    blank_run = 0;
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!StartsHtmlBlock(lines[i])) {
      emit(InlineText(lines[i]));
      continue;
    }
    // An HTML block runs to the next blank line (CommonMark).
    std::string html;
    size_t start = i;
    while (i < lines.size() && !Trim(lines[i]).empty()) {
      html.append(lines[i]).push_back('\n');
      ++i;
    }
    ECG_ASSIGN_OR_RETURN(std::string text,
                         HtmlToText(html, file + ": line " + std::to_string(first_line + start)));
    for (std::string_view t : Lines(text)) {
      emit(t);
    }
    ++blank_run;
  }
  return out;
}

}  // namespace

Result<std::vector<Article>> ParseMarkdown(std::string_view utf8, std::string_view file_label) {
  const std::string file(file_label);
  ECG_ASSIGN_OR_RETURN(util::FrontMatter fm, util::SplitFrontMatter(utf8, file));
  ECG_ASSIGN_OR_RETURN(YAML::Node root, util::LoadFrontMatter(fm.yaml, file));
  Article a;
  a.title = Trim(util::YamlScalar(root, "title"));
  if (a.title.empty()) {
    return Status::InvalidArgument(file + ": line 2: front matter has no title");
  }
  ECG_ASSIGN_OR_RETURN(a.date, util::FrontMatterDate(root, "date", file));
  // The publisher's own address when known; archive copies name it
  // original_url and put the archive address in url.
  a.url = Trim(util::YamlScalar(root, "original_url"));
  if (a.url.empty()) {
    a.url = Trim(util::YamlScalar(root, "url"));
  }
  a.lang = Trim(util::YamlScalar(root, "lang"));
  ECG_ASSIGN_OR_RETURN(a.text, BodyText(fm.body, file, fm.body_line));
  return std::vector<Article>{std::move(a)};
}

std::string Trim(std::string_view s) {
  static constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    if (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n') {
      s.remove_prefix(1);
      changed = true;
    } else if (s.rfind(kIdeographicSpace, 0) == 0) {
      s.remove_prefix(3);
      changed = true;
    }
    if (s.empty()) {
      break;
    }
    if (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n') {
      s.remove_suffix(1);
      changed = true;
    } else if (s.size() >= 3 && s.substr(s.size() - 3) == kIdeographicSpace) {
      s.remove_suffix(3);
      changed = true;
    }
  }
  return std::string(s);
}

std::optional<Date> TrailingDate(std::string_view text) {
  static const re2::RE2 kDate(R"(\s*(\d{4}-\d{2}-\d{2})\s*)");
  std::vector<std::string_view> lines = Lines(text);
  size_t seen = 0;
  for (size_t i = lines.size(); i > 0 && seen < 10; --i) {
    std::string line = Trim(lines[i - 1]);
    if (line.empty()) {
      continue;
    }
    ++seen;
    std::string d;
    if (re2::RE2::FullMatch(line, kDate, &d)) {
      if (Result<Date> date = Date::Parse(d); date.ok()) {
        return *date;
      }
    }
  }
  return std::nullopt;
}

}  // namespace ecg::ingest::articles_internal
