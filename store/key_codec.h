// Order-preserving key encoding: the only place where key bytes are built and
// read (see store/FORMAT.md). Encoded keys compare, as unsigned bytes, in the
// same order as the tuples they encode. Stateless helpers; thread-safe.
#ifndef ECG_STORE_KEY_CODEC_H_
#define ECG_STORE_KEY_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace ecg::store {

// Appends components to a key. Each Append* keeps tuple order:
// unsigned ints big-endian, signed ints with the sign bit flipped, strings
// escaped (0x00 -> 0x00 0xFF) and terminated by 0x00 0x01 so that a shorter
// string sorts before its extensions.
class KeyBuilder {
 public:
  KeyBuilder& U8(uint8_t v);
  KeyBuilder& U16(uint16_t v);
  KeyBuilder& U32(uint32_t v);
  KeyBuilder& U64(uint64_t v);
  KeyBuilder& I32(int32_t v);
  KeyBuilder& I64(int64_t v);
  KeyBuilder& Str(std::string_view s);
  // Raw bytes, unescaped: only as the last component.
  KeyBuilder& Raw(std::string_view s);

  const std::string& key() const { return key_; }
  std::string Release() { return std::move(key_); }

 private:
  std::string key_;
};

// Reads components back in the order they were appended. Each Read* returns
// false on truncated or malformed input and leaves the output unspecified.
class KeyReader {
 public:
  explicit KeyReader(std::string_view key) : in_(key) {}
  bool U8(uint8_t* v);
  bool U16(uint16_t* v);
  bool U32(uint32_t* v);
  bool U64(uint64_t* v);
  bool I32(int32_t* v);
  bool I64(int64_t* v);
  bool Str(std::string* s);
  // The unread rest.
  std::string_view rest() const { return in_; }
  bool done() const { return in_.empty(); }

 private:
  std::string_view in_;
};

// The smallest key greater than every key that starts with `prefix` (for
// iterate_upper_bound). Empty when no such key exists (prefix all 0xFF).
std::string PrefixSuccessor(std::string_view prefix);

// Varint and fixed-width helpers for values (not order-preserving).
void PutVarint64(std::string* out, uint64_t v);
bool GetVarint64(std::string_view* in, uint64_t* v);
void PutFixed32(std::string* out, uint32_t v);
bool GetFixed32(std::string_view* in, uint32_t* v);
void PutFixed64(std::string* out, uint64_t v);
bool GetFixed64(std::string_view* in, uint64_t* v);
void PutLengthPrefixed(std::string* out, std::string_view s);
bool GetLengthPrefixed(std::string_view* in, std::string_view* s);

}  // namespace ecg::store

#endif  // ECG_STORE_KEY_CODEC_H_
