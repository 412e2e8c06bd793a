#include "tools/batch_input.h"

#include <algorithm>

#include "ingest/util/csv.h"

#include "screen/screener.h"
#include "text/ascii.h"

namespace ecg::tools {
namespace {

using text::AsciiLower;

// Upper case without spaces: " cn" and "c n" are "CN".
std::string Upper(std::string_view s) {
  std::string out = text::AsciiUpper(s);
  out.erase(std::remove(out.begin(), out.end(), ' '), out.end());
  return out;
}

void Check(BatchItem* item) {
  if (std::string err = screen::Utf8Error(item->name); !err.empty()) {
    item->error = "name is not valid UTF-8: " + err;
    item->name.clear();
  } else if (std::string cerr = screen::Utf8Error(item->country); !cerr.empty()) {
    item->error = "country is not valid UTF-8: " + cerr;
    item->country.clear();
  }
}

Result<std::vector<BatchItem>> ReadCsvItems(std::string_view bytes, size_t name_col,
                                            int country_col) {
  ECG_ASSIGN_OR_RETURN(std::vector<ingest::util::CsvRecord> records,
                       ingest::util::ReadCsv(bytes, "batch"));
  std::vector<BatchItem> items;
  for (size_t i = 1; i < records.size(); ++i) {
    const ingest::util::CsvRecord& r = records[i];
    BatchItem item;
    item.line = r.line;
    if (r.unterminated) {
      item.error = "unterminated quoted field";
    } else if (r.fields.size() <= name_col) {
      item.error = "no name column in this record";
    } else {
      item.name = r.fields[name_col];
      if (country_col >= 0 && static_cast<size_t>(country_col) < r.fields.size()) {
        item.country = Upper(r.fields[static_cast<size_t>(country_col)]);
      }
      Check(&item);
    }
    items.push_back(std::move(item));
  }
  return items;
}

}  // namespace

Result<std::vector<BatchItem>> ReadBatchInput(std::string_view bytes) {
  bytes = text::StripBom(bytes);
  const size_t first_end = std::min(bytes.find('\n'), bytes.size());
  const std::string_view first = bytes.substr(0, first_end);
  if (first.find(',') != std::string_view::npos && first.size() < 4096) {
    std::vector<std::string> header = ingest::util::ReadCsvHeader(bytes);
    for (std::string& h : header) {
      h = AsciiLower(h);
      h.erase(std::remove(h.begin(), h.end(), '\r'), h.end());
    }
    const int name_col = ingest::util::ColumnIndex(header, "name");
    if (name_col >= 0) {
      return ReadCsvItems(bytes, static_cast<size_t>(name_col),
                          ingest::util::ColumnIndex(header, "country"));
    }
  }
  std::vector<BatchItem> items;
  size_t start = 0;
  uint64_t line = 0;
  while (start < bytes.size()) {
    size_t end = bytes.find('\n', start);
    end = end == std::string_view::npos ? bytes.size() : end;
    std::string_view text = bytes.substr(start, end - start);
    if (!text.empty() && text.back() == '\r') {
      text.remove_suffix(1);
    }
    BatchItem item;
    item.line = ++line;
    item.name = std::string(text);
    Check(&item);
    items.push_back(std::move(item));
    start = end + 1;
  }
  return items;
}

}  // namespace ecg::tools
