// Manifest parsing with yaml-cpp: every key checked, every error located.
#include "update/manifest.h"

#include <glob.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "ingest/util/fields.h"

#include <yaml-cpp/yaml.h>

namespace ecg::update {

namespace {

namespace fs = std::filesystem;

std::string Where(std::string_view file, const YAML::Node& n) {
  return std::string(file) + ":" + std::to_string(n.Mark().line + 1);
}

bool ValidName(const std::string& name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
  });
}

// "64M", "512K", "2G" or a plain byte count.
bool ParseSize(const std::string& text, uint64_t* out) {
  uint64_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end == text.data()) {
    return false;
  }
  std::string unit(end, text.data() + text.size());
  int shift = 0;
  if (unit == "K" || unit == "KB" || unit == "KiB") {
    shift = 10;
  } else if (unit == "M" || unit == "MB" || unit == "MiB") {
    shift = 20;
  } else if (unit == "G" || unit == "GB" || unit == "GiB") {
    shift = 30;
  } else if (!unit.empty()) {
    return false;
  }
  *out = n << shift;
  return true;
}

std::vector<std::string> StringList(const YAML::Node& n) {
  std::vector<std::string> out;
  if (n.IsSequence()) {
    for (const auto& item : n) {
      out.push_back(item.as<std::string>());
    }
  } else {
    out.push_back(n.as<std::string>());
  }
  return out;
}

// `columns:` as a mapping (pct: percentage) or as the --columns text
// ("pct=percentage,owner=holder").
Result<std::vector<ingest::util::ColumnRename>> ColumnsOf(const YAML::Node& n) {
  if (!n.IsMap()) {
    return ingest::util::ParseColumnRenames(n.as<std::string>());
  }
  std::vector<ingest::util::ColumnRename> out;
  for (const auto& kv : n) {
    ingest::util::ColumnRename r{ingest::util::CleanText(kv.first.as<std::string>()),
                                 ingest::util::CleanText(kv.second.as<std::string>())};
    if (r.name.empty() || r.column.empty()) {
      return Status::InvalidArgument(
          "expected NAME: COLUMN (the name the format expects, "
          "then the file's column), e.g. pct: percentage");
    }
    for (const auto& o : out) {
      if (o.name == r.name) {
        return Status::InvalidArgument("'" + r.name + "' is mapped twice");
      }
    }
    out.push_back(std::move(r));
  }
  return out;
}

Result<SourceSpec> ParseSource(const YAML::Node& n, std::string_view file) {
  if (!n.IsMap()) {
    return Status::InvalidArgument(Where(file, n) +
                                   ": a source is a mapping (name: ..., url: ...)");
  }
  SourceSpec s;
  for (const auto& kv : n) {
    const std::string key = kv.first.as<std::string>();
    const YAML::Node& v = kv.second;
    if (key == "name") {
      s.name = v.as<std::string>();
    } else if (key == "url") {
      s.url = v.as<std::string>();
    } else if (key == "path") {
      s.path = v.as<std::string>();
    } else if (key == "format") {
      s.format = v.as<std::string>();
      if (s.format == "detect") {
        s.format.clear();
      }
    } else if (key == "feed") {
      s.feed = v.as<std::string>();
    } else if (key == "snapshot") {
      s.snapshot = v.as<bool>();
    } else if (key == "complete") {
      s.complete = StringList(v);
    } else if (key == "columns") {
      Result<std::vector<ingest::util::ColumnRename>> renames = ColumnsOf(v);
      if (!renames.ok()) {
        return Status::InvalidArgument(Where(file, v) +
                                       ": columns: " + std::string(renames.status().message()));
      }
      s.columns = std::move(renames).value();
    } else if (key == "content_type") {
      s.content_types = StringList(v);
    } else if (key == "max_bytes") {
      if (!ParseSize(v.as<std::string>(), &s.max_bytes)) {
        return Status::InvalidArgument(Where(file, v) + ": max_bytes '" + v.as<std::string>() +
                                       "' is not a size (bytes, or with K, M or G)");
      }
    } else {
      return Status::InvalidArgument(
          Where(file, kv.first) + ": unknown key '" + key +
          "' (expected name, url, path, format, feed, snapshot, complete, columns, "
          "content_type, max_bytes)");
    }
  }
  if (!ValidName(s.name)) {
    return Status::InvalidArgument(Where(file, n) +
                                   ": a source needs a name of letters, digits, "
                                   "'.', '_' or '-' (got '" +
                                   s.name + "')");
  }
  if (s.url.empty() == s.path.empty()) {
    return Status::InvalidArgument(Where(file, n) + ": source '" + s.name +
                                   "' needs exactly one of url and path");
  }
  if (!s.url.empty() && s.url.rfind("http://", 0) != 0 && s.url.rfind("https://", 0) != 0) {
    return Status::InvalidArgument(Where(file, n) + ": source '" + s.name + "': url '" + s.url +
                                   "' is not http:// or https://");
  }
  return s;
}

Result<Manifest> ParseRoot(const YAML::Node& root, std::string_view file, std::string_view dir) {
  Manifest m;
  m.file = std::string(file);
  m.base = std::string(dir);
  if (!root.IsMap()) {
    return Status::InvalidArgument(std::string(file) +
                                   ": a manifest is a mapping with a 'sources' list");
  }
  for (const auto& kv : root) {
    const std::string key = kv.first.as<std::string>();
    const YAML::Node& v = kv.second;
    if (key == "base") {
      m.base = (fs::path(dir) / v.as<std::string>()).lexically_normal().string();
    } else if (key == "keep") {
      m.keep = v.as<int>();
      if (m.keep < 1) {
        return Status::InvalidArgument(Where(file, v) + ": keep must be at least 1");
      }
    } else if (key == "sources") {
      if (!v.IsSequence()) {
        return Status::InvalidArgument(Where(file, v) + ": 'sources' is a list");
      }
      std::set<std::string> names;
      for (const auto& item : v) {
        ECG_ASSIGN_OR_RETURN(SourceSpec s, ParseSource(item, file));
        if (!names.insert(s.name).second) {
          return Status::InvalidArgument(Where(file, item) + ": duplicate source name '" + s.name +
                                         "'");
        }
        m.sources.push_back(std::move(s));
      }
    } else {
      return Status::InvalidArgument(Where(file, kv.first) + ": unknown key '" + key +
                                     "' (expected base, keep, sources)");
    }
  }
  if (m.sources.empty()) {
    return Status::InvalidArgument(std::string(file) + ": no sources");
  }
  return m;
}

}  // namespace

// yaml-cpp reports errors as exceptions (YAML::Exception, with a mark); this
// is the one place update/ catches them.
Result<Manifest> ParseManifest(std::string_view yaml, std::string_view file, std::string_view dir) {
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    return ParseRoot(root, file, dir);
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(std::string(file) + ":" + std::to_string(e.mark.line + 1) +
                                   ": " + e.msg);
  }
}

Result<Manifest> LoadManifest(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::IOError(path + ": cannot open the manifest");
  }
  std::ostringstream os;
  os << in.rdbuf();
  std::string dir = fs::path(path).parent_path().string();
  return ParseManifest(os.str(), path, dir.empty() ? "." : dir);
}

Result<std::vector<std::string>> ExpandPath(const Manifest& m, const SourceSpec& s) {
  fs::path p(s.path);
  std::string pattern =
      p.is_absolute() ? s.path : (fs::path(m.base) / p).lexically_normal().string();
  if (pattern.find_first_of("*?[") == std::string::npos) {
    if (!fs::exists(pattern)) {
      return Status::NotFound(m.file + ": source '" + s.name + "': " + pattern + " not found");
    }
    return std::vector<std::string>{pattern};
  }
  glob_t g{};
  int rc = glob(pattern.c_str(), 0, nullptr, &g);
  std::vector<std::string> out;
  if (rc == 0) {
    for (size_t i = 0; i < g.gl_pathc; ++i) {
      out.emplace_back(g.gl_pathv[i]);
    }
  }
  globfree(&g);
  if (out.empty()) {
    return Status::NotFound(m.file + ": source '" + s.name + "': nothing matches " + pattern);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace ecg::update
