#include "store/name_normalizer.h"

namespace ecg::store {

std::vector<std::string> LowercaseNormalizer::Keys(std::string_view name) const {
  std::string key;
  bool pending_space = false;
  for (char c : name) {
    auto u = static_cast<unsigned char>(c);
    bool separator =
        u < 0x80 && !((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z'));
    if (separator) {
      pending_space = !key.empty();
      continue;
    }
    if (pending_space) {
      key.push_back(' ');
      pending_space = false;
    }
    key.push_back(u >= 'A' && u <= 'Z' ? static_cast<char>(u - 'A' + 'a') : c);
  }
  if (key.empty()) {
    return {};
  }
  return {key};
}

}  // namespace ecg::store
