#include "ingest/regs/detect.h"

#include "ingest/regs/fr_json.h"
#include "ingest/regs/fr_post.h"
#include "ingest/regs/fr_xml.h"

namespace ecg::ingest {
namespace {

bool HasTechnologiesHeader(std::string_view bytes) {
  size_t pos = 0;
  while (pos < bytes.size() && pos < 65536) {
    size_t end = bytes.find('\n', pos);
    std::string_view line =
        bytes.substr(pos, (end == std::string_view::npos ? bytes.size() : end) - pos);
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    if (line.rfind("#", 0) != 0) {
      return line == kTechnologiesHeader;
    }
    if (end == std::string_view::npos) {
      break;
    }
    pos = end + 1;
  }
  return false;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The eCFR-derived JSON files, by their citation, then by their keys.
std::string_view DetectEcfrJson(std::string_view head, std::string_view file_name) {
  if (head.find("(Commerce Control List)") != std::string_view::npos) {
    return kFormatCcl;
  }
  if (head.find("(Country Groups)") != std::string_view::npos) {
    return kFormatCountryGroups;
  }
  if (head.find("(Commerce Country Chart)") != std::string_view::npos) {
    return kFormatCountryChart;
  }
  if (head.find("\"entries\"") != std::string_view::npos &&
      head.find("\"reasonForControl\"") != std::string_view::npos) {
    return kFormatCcl;
  }
  if (head.find("\"byCountry\"") != std::string_view::npos ||
      EndsWith(file_name, "country-groups.json")) {
    return kFormatCountryGroups;
  }
  if (head.find("\"columnLabels\"") != std::string_view::npos ||
      EndsWith(file_name, "country-chart.json")) {
    return kFormatCountryChart;
  }
  return {};
}

}  // namespace

Result<std::string> DetectRegFormat(std::string_view bytes, std::string_view file_name) {
  if (LooksLikeFrPost(bytes)) {
    return std::string(kFormatFrPost);
  }
  if (LooksLikeFrXml(bytes)) {
    return std::string(kFormatFrXml);
  }
  if (LooksLikeCclIndex(bytes)) {
    return std::string(kFormatCclIndex);
  }
  if (HasTechnologiesHeader(bytes)) {
    return std::string(kFormatTechnologies);
  }
  size_t first = bytes.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && bytes[first] == '{') {
    std::string_view ecfr = DetectEcfrJson(bytes.substr(0, 8192), file_name);
    if (!ecfr.empty()) {
      return std::string(ecfr);
    }
    if (LooksLikeFrJson(bytes)) {
      return std::string(kFormatFrJson);
    }
  }
  return Status::NotSupported(std::string(file_name) +
                              ": not a regulation source this build can read (expected a "
                              "Federal Register post, XML or API JSON, ccl.json, "
                              "country-groups.json, country-chart.json, the 2015 CCL index or "
                              "technologies.csv)");
}

Result<RegFile> ParseRegFile(std::string_view bytes, std::string_view file_name) {
  RegFile out;
  ECG_ASSIGN_OR_RETURN(out.format, DetectRegFormat(bytes, file_name));
  // One branch per format, each filling the member of its own type.
  if (out.format == kFormatFrPost) {
    ECG_ASSIGN_OR_RETURN(FrDocument doc, ParseFrPost(bytes, file_name));
    out.documents.push_back(std::move(doc));
  } else if (out.format == kFormatFrXml) {
    ECG_ASSIGN_OR_RETURN(out.documents, ParseFrXml(bytes, file_name));
  } else if (out.format == kFormatFrJson) {
    ECG_ASSIGN_OR_RETURN(out.documents, ParseFrJson(bytes, file_name));
  } else if (out.format == kFormatCcl) {
    ECG_ASSIGN_OR_RETURN(out.ccl, ParseCcl(bytes, file_name));
  } else if (out.format == kFormatCountryGroups) {
    ECG_ASSIGN_OR_RETURN(out.countries, ParseCountryGroups(bytes, file_name));
  } else if (out.format == kFormatCountryChart) {
    ECG_ASSIGN_OR_RETURN(out.countries, ParseCountryChart(bytes, file_name));
  } else if (out.format == kFormatCclIndex) {
    ECG_ASSIGN_OR_RETURN(out.index, ParseCclIndex(bytes, file_name));
  } else if (out.format == kFormatTechnologies) {
    ECG_ASSIGN_OR_RETURN(out.technologies, LoadTechnologies(bytes, file_name));
  }
  return out;
}

}  // namespace ecg::ingest
