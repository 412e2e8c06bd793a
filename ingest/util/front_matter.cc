#include "ingest/util/front_matter.h"

#include "text/ascii.h"

namespace ecg::ingest::util {

Result<FrontMatter> SplitFrontMatter(std::string_view bytes, std::string_view file) {
  bytes = text::StripBom(bytes);
  auto line_at = [&](size_t pos) {
    size_t end = bytes.find('\n', pos);
    std::string_view line =
        bytes.substr(pos, end == std::string_view::npos ? bytes.size() - pos : end - pos);
    if (line.ends_with('\r')) {
      line.remove_suffix(1);
    }
    return std::pair{line, end};
  };
  auto [first, first_end] = line_at(0);
  if (text::Trim(first) != "---" || first_end == std::string_view::npos) {
    return Status::InvalidArgument(std::string(file) +
                                   ": line 1: no YAML front matter (\"---\" ... \"---\")");
  }
  const size_t start = first_end + 1;
  size_t line_no = 2;
  for (size_t pos = start; pos < bytes.size(); ++line_no) {
    auto [line, end] = line_at(pos);
    if (line == "---" || line == "...") {
      return FrontMatter{bytes.substr(start, pos - start),
                         end == std::string_view::npos ? std::string_view() : bytes.substr(end + 1),
                         static_cast<int>(line_no) + 1};
    }
    if (end == std::string_view::npos) {
      break;
    }
    pos = end + 1;
  }
  return Status::InvalidArgument(std::string(file) + ": line " + std::to_string(line_no - 1) +
                                 ": front matter opened at line 1 is not closed by \"---\"");
}

Result<YAML::Node> LoadFrontMatter(std::string_view yaml, std::string_view file) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(std::string(file) + ": line " + std::to_string(e.mark.line + 2) +
                                   ", column " + std::to_string(e.mark.column + 1) +
                                   ": bad YAML front matter: " + e.msg);
  }
  if (!root.IsMap()) {
    return Status::InvalidArgument(std::string(file) +
                                   ": line 2: front matter is not a YAML mapping");
  }
  return root;
}

std::string YamlScalar(const YAML::Node& root, const char* key) {
  YAML::Node n = root[key];
  if (!n || !n.IsScalar()) {
    return std::string();
  }
  return n.Scalar();
}

Result<std::optional<Date>> FrontMatterDate(const YAML::Node& root, const char* key,
                                            std::string_view file) {
  std::string text(text::Trim(YamlScalar(root, key)));
  if (text.empty()) {
    return std::optional<Date>();
  }
  Result<Date> d = Date::Parse(text.substr(0, 10));
  if (!d.ok()) {
    return Status::InvalidArgument(std::string(file) + ": front matter: " + key + " '" + text +
                                   "' is not a date (YYYY-MM-DD)");
  }
  return std::optional<Date>(*d);
}

}  // namespace ecg::ingest::util
