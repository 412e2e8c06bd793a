// Helpers for the list parser tests: load shared data, and count records
// through paths independent of the parsers under test.
#ifndef ECG_TESTS_INGEST_LISTS_TEST_UTIL_H_
#define ECG_TESTS_INGEST_LISTS_TEST_UTIL_H_

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

#include "ingest/lists/list_record.h"
#include "tests/testutil/testutil.h"

namespace ecg::ingest::lists_test {

inline std::string Load(const std::string& shared_relative) {
  return testutil::ReadFile(testutil::SharedData(shared_relative));
}

inline std::string LoadDemo(const std::string& relative) {
  return testutil::ReadFile(std::string(ECG_SOURCE_DIR) + "/demo/lists/" + relative);
}

// Number of elements of the array `key` of the root object (or of the root
// array when `key` is empty), counted with simdjson's DOM. 0 on error.
inline size_t JsonArraySize(const std::string& bytes, std::string_view key) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(bytes).get(root) != simdjson::SUCCESS) {
    return 0;
  }
  simdjson::dom::array arr;
  auto err = key.empty() ? root.get(arr) : root[key].get(arr);
  return err == simdjson::SUCCESS ? arr.size() : 0;
}

// Number of non-blank CSV records, by a quote-aware scan of the bytes (a
// method independent of libcsv). A record cut off inside quotes still counts.
inline size_t CountCsvRecords(std::string_view bytes) {
  size_t count = 0;
  bool in_quotes = false;
  bool content = false;
  for (char c : bytes) {
    if (c == '"') {
      in_quotes = !in_quotes;
      content = true;
    } else if (c == '\n' && !in_quotes) {
      count += content ? 1 : 0;
      content = false;
    } else if (c != '\r' && c != ' ') {
      content = true;
    }
  }
  return count + (content ? 1 : 0);
}

inline const ListRecord* Find(const ParsedList& parsed, std::string_view code,
                              std::string_view name) {
  for (const ListRecord& r : parsed.records) {
    if (r.list_code == code && r.name == name) {
      return &r;
    }
  }
  return nullptr;
}

inline bool Has(const std::vector<std::string>& values, std::string_view v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

}  // namespace ecg::ingest::lists_test

#endif  // ECG_TESTS_INGEST_LISTS_TEST_UTIL_H_
