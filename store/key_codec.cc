#include "store/key_codec.h"

#include <cstring>

namespace ecg::store {

KeyBuilder& KeyBuilder::U8(uint8_t v) {
  key_.push_back(static_cast<char>(v));
  return *this;
}

KeyBuilder& KeyBuilder::U16(uint16_t v) {
  key_.push_back(static_cast<char>(v >> 8));
  key_.push_back(static_cast<char>(v));
  return *this;
}

KeyBuilder& KeyBuilder::U32(uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) {
    key_.push_back(static_cast<char>(v >> shift));
  }
  return *this;
}

KeyBuilder& KeyBuilder::U64(uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) {
    key_.push_back(static_cast<char>(v >> shift));
  }
  return *this;
}

KeyBuilder& KeyBuilder::I32(int32_t v) {
  return U32(static_cast<uint32_t>(v) ^ 0x80000000u);
}

KeyBuilder& KeyBuilder::I64(int64_t v) {
  return U64(static_cast<uint64_t>(v) ^ 0x8000000000000000ull);
}

KeyBuilder& KeyBuilder::Str(std::string_view s) {
  for (char c : s) {
    key_.push_back(c);
    if (c == '\0') {
      key_.push_back('\xFF');
    }
  }
  key_.push_back('\0');
  key_.push_back('\x01');
  return *this;
}

KeyBuilder& KeyBuilder::Raw(std::string_view s) {
  key_.append(s);
  return *this;
}

namespace {

bool ReadBigEndian(std::string_view* in, int bytes, uint64_t* v) {
  if (in->size() < static_cast<size_t>(bytes)) {
    return false;
  }
  uint64_t out = 0;
  for (int i = 0; i < bytes; ++i) {
    out = (out << 8) | static_cast<uint8_t>((*in)[i]);
  }
  in->remove_prefix(bytes);
  *v = out;
  return true;
}

}  // namespace

bool KeyReader::U8(uint8_t* v) {
  uint64_t x = 0;
  if (!ReadBigEndian(&in_, 1, &x)) {
    return false;
  }
  *v = static_cast<uint8_t>(x);
  return true;
}

bool KeyReader::U16(uint16_t* v) {
  uint64_t x = 0;
  if (!ReadBigEndian(&in_, 2, &x)) {
    return false;
  }
  *v = static_cast<uint16_t>(x);
  return true;
}

bool KeyReader::U32(uint32_t* v) {
  uint64_t x = 0;
  if (!ReadBigEndian(&in_, 4, &x)) {
    return false;
  }
  *v = static_cast<uint32_t>(x);
  return true;
}

bool KeyReader::U64(uint64_t* v) {
  return ReadBigEndian(&in_, 8, v);
}

bool KeyReader::I32(int32_t* v) {
  uint32_t x = 0;
  if (!U32(&x)) {
    return false;
  }
  *v = static_cast<int32_t>(x ^ 0x80000000u);
  return true;
}

bool KeyReader::I64(int64_t* v) {
  uint64_t x = 0;
  if (!U64(&x)) {
    return false;
  }
  *v = static_cast<int64_t>(x ^ 0x8000000000000000ull);
  return true;
}

bool KeyReader::Str(std::string* s) {
  s->clear();
  size_t i = 0;
  while (i < in_.size()) {
    char c = in_[i];
    if (c != '\0') {
      s->push_back(c);
      ++i;
      continue;
    }
    if (i + 1 >= in_.size()) {
      return false;
    }
    char next = in_[i + 1];
    if (next == '\x01') {
      in_.remove_prefix(i + 2);
      return true;
    }
    if (next != '\xFF') {
      return false;
    }
    s->push_back('\0');
    i += 2;
  }
  return false;
}

std::string PrefixSuccessor(std::string_view prefix) {
  std::string out(prefix);
  while (!out.empty()) {
    auto& last = reinterpret_cast<unsigned char&>(out.back());
    if (last != 0xFF) {
      ++last;
      return out;
    }
    out.pop_back();
  }
  return out;
}

void PutVarint64(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

bool GetVarint64(std::string_view* in, uint64_t* v) {
  uint64_t result = 0;
  for (int shift = 0; shift <= 63 && !in->empty(); shift += 7) {
    auto byte = static_cast<uint8_t>(in->front());
    in->remove_prefix(1);
    result |= static_cast<uint64_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) {
      *v = result;
      return true;
    }
  }
  return false;
}

void PutFixed32(std::string* out, uint32_t v) {
  char buf[4];
  std::memcpy(buf, &v, 4);
  out->append(buf, 4);
}

bool GetFixed32(std::string_view* in, uint32_t* v) {
  if (in->size() < 4) {
    return false;
  }
  std::memcpy(v, in->data(), 4);
  in->remove_prefix(4);
  return true;
}

void PutFixed64(std::string* out, uint64_t v) {
  char buf[8];
  std::memcpy(buf, &v, 8);
  out->append(buf, 8);
}

bool GetFixed64(std::string_view* in, uint64_t* v) {
  if (in->size() < 8) {
    return false;
  }
  std::memcpy(v, in->data(), 8);
  in->remove_prefix(8);
  return true;
}

void PutLengthPrefixed(std::string* out, std::string_view s) {
  PutVarint64(out, s.size());
  out->append(s);
}

bool GetLengthPrefixed(std::string_view* in, std::string_view* s) {
  uint64_t len = 0;
  if (!GetVarint64(in, &len) || len > in->size()) {
    return false;
  }
  *s = in->substr(0, len);
  in->remove_prefix(len);
  return true;
}

}  // namespace ecg::store
