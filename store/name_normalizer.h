// NameNormalizer: turns a name into the keys the name index stores. The ICU
// pipeline of ingest/text implements it; LowercaseNormalizer is the plain
// fallback. Implementations must be safe for concurrent use (const methods).
#ifndef ECG_STORE_NAME_NORMALIZER_H_
#define ECG_STORE_NAME_NORMALIZER_H_

#include <string>
#include <string_view>
#include <vector>

namespace ecg::store {

class NameNormalizer {
 public:
  virtual ~NameNormalizer() = default;
  // Index keys for `name`, most specific first, without duplicates. A key
  // never contains the byte 0x00. An empty result means "not indexable".
  virtual std::vector<std::string> Keys(std::string_view name) const = 0;
  // Fuzzy-recall postings for `name` (tokens, character n-grams), written to
  // the `grams` column family in the same batch as the name's Keys. Without
  // duplicates; a key never contains 0x00. The default indexes nothing.
  virtual std::vector<std::string> GramKeys(std::string_view /*name*/) const { return {}; }
  // A short identifier stored in the database, so that a database indexed
  // by one normalizer is not silently read with another ("lower-v1").
  virtual std::string_view id() const = 0;
};

// ASCII lower-casing with runs of whitespace and punctuation collapsed to one
// space and trimmed. Bytes >= 0x80 pass through unchanged.
class LowercaseNormalizer final : public NameNormalizer {
 public:
  std::vector<std::string> Keys(std::string_view name) const override;
  std::string_view id() const override { return "lower-v1"; }
};

}  // namespace ecg::store

#endif  // ECG_STORE_NAME_NORMALIZER_H_
