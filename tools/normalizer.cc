// The process-wide name normalizer of the CLI: the ICU TextNormalizer, so
// that the name index meets names across scripts (华为 and Huawei).
#include "text/normalizer.h"

#include <iostream>

#include "store/name_normalizer.h"
#include "tools/commands.h"

namespace ecg::tools {

// Also used by `ecg ingest` (declared in tools/cmd_ingest.cc). nullptr when
// ICU's data lacks a transliterator (reported once on stderr).
const text::TextNormalizer* DefaultTextNormalizer() {
  static const std::unique_ptr<text::TextNormalizer> kNormalizer = [] {
    auto n = text::TextNormalizer::Create();
    if (!n.ok()) {
      std::cerr << "ecg: text normalizer unavailable: " << n.status().message() << "\n";
      return std::unique_ptr<text::TextNormalizer>();
    }
    return std::move(n).value();
  }();
  return kNormalizer.get();
}

const store::NameNormalizer* DefaultNormalizer() {
  if (const text::TextNormalizer* n = DefaultTextNormalizer()) {
    return n;
  }
  static const store::LowercaseNormalizer kFallback;
  return &kFallback;
}

}  // namespace ecg::tools
