#include "store/name_normalizer.h"
#include "tools/commands.h"

namespace ecg::tools {

const store::NameNormalizer* DefaultNormalizer() {
  static const store::LowercaseNormalizer kNormalizer;
  return &kNormalizer;
}

}  // namespace ecg::tools
