#include "ingest/util/eccn.h"

#include <string>

#include <re2/re2.h>

namespace ecg::ingest::util {
namespace {

const std::string& EccnPattern() {
  static const std::string kPattern = std::string(kEccnBasePattern) + R"((?:\.[a-z0-9]+)*)";
  return kPattern;
}

}  // namespace

std::vector<EccnMatch> FindEccns(std::string_view text) {
  static const RE2 kWord("\\b(" + EccnPattern() + ")\\b");
  std::vector<EccnMatch> out;
  re2::StringPiece rest(text.data(), text.size());
  re2::StringPiece code;
  while (RE2::FindAndConsume(&rest, kWord, &code)) {
    out.push_back({std::string_view(code.data(), code.size()),
                   static_cast<size_t>(code.data() - text.data())});
  }
  return out;
}

bool IsEccn(std::string_view text) {
  static const RE2 kWhole(EccnPattern());
  return RE2::FullMatch(text, kWhole);
}

}  // namespace ecg::ingest::util
