// libFuzzer targets for the ingest parsers: one executable per parser, chosen
// at compile time by ECG_FUZZ_PARSER (a name below). A parser must return a
// value or an error for any bytes: never crash, hang, leak or read out of
// bounds (ASan, UBSan). Built only with cmake -DECG_FUZZ=ON (clang); the guard
// keeps this file out of every library. scripts/fuzz.sh runs them all.
#ifdef ECG_FUZZ_PARSER

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/articles/article.h"
#include "ingest/lists/alias_csv.h"
#include "ingest/lists/detect.h"
#include "ingest/regs/ccl.h"
#include "ingest/regs/ccl_index.h"
#include "ingest/regs/country_groups.h"
#include "ingest/regs/fr_json.h"
#include "ingest/regs/fr_post.h"
#include "ingest/regs/fr_xml.h"

#include "text/decode.h"

namespace {

constexpr std::string_view kParser = ECG_FUZZ_PARSER;
constexpr std::string_view kLabel = "fuzz-input";

template <typename R>
void Consume(const R& r) {
  // Reading the error message exercises the location code as well.
  if (!r.ok()) {
    (void)r.status().message().size();
  }
}

}  // namespace

// One branch per parser: the branches repeat one shape because each calls a
// different parser with the same two arguments; a table of lambdas would
// repeat it as well.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  namespace in = ecg::ingest;
  if (kParser == "decode") {
    Consume(ecg::text::DecodeToUtf8(bytes, "", kLabel));
  } else if (kParser == "detect-list") {
    Consume(in::DetectAndParseListFile(bytes, kLabel));
  } else if (kParser == "alias-csv") {
    Consume(in::ParseAliasCsv(bytes, kLabel));
  } else if (kParser == "fr-post") {
    Consume(in::ParseFrPost(bytes, kLabel));
  } else if (kParser == "fr-xml") {
    Consume(in::ParseFrXml(bytes, kLabel));
  } else if (kParser == "fr-json") {
    Consume(in::ParseFrJson(bytes, kLabel));
  } else if (kParser == "ccl") {
    Consume(in::ParseCcl(bytes, kLabel));
  } else if (kParser == "ccl-index") {
    Consume(in::ParseCclIndex(bytes, kLabel));
  } else if (kParser == "country-groups") {
    Consume(in::ParseCountryGroups(bytes, kLabel));
  } else if (kParser == "country-chart") {
    Consume(in::ParseCountryChart(bytes, kLabel));
  } else if (kParser.starts_with("article-")) {
    Consume(in::ParseArticles(bytes, kParser, kLabel));
  } else {
    // A list format by its name (ListFormats()).
    Consume(in::ParseListFile(bytes, kParser, kLabel));
  }
  return 0;
}

#endif  // ECG_FUZZ_PARSER
