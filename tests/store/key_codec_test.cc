#include "store/key_codec.h"

#include <algorithm>
#include <random>
#include <tuple>

#include <gtest/gtest.h>

namespace ecg::store {
namespace {

using Tuple = std::tuple<uint64_t, int32_t, std::string, uint16_t>;

std::string Encode(const Tuple& t) {
  return KeyBuilder()
      .U64(std::get<0>(t))
      .I32(std::get<1>(t))
      .Str(std::get<2>(t))
      .U16(std::get<3>(t))
      .Release();
}

std::string RandomString(std::mt19937_64& rng) {
  // Small alphabet with 0x00 and 0xFF so that escapes and prefixes are common.
  static const char kAlphabet[] = {'\0', '\x01', 'a', 'b', '\xFF', '\xFE'};
  std::string s(rng() % 5, ' ');
  for (auto& c : s) {
    c = kAlphabet[rng() % sizeof(kAlphabet)];
  }
  return s;
}

TEST(KeyCodecTest, PreservesTupleOrderForRandomKeys) {
  std::mt19937_64 rng(20261128);
  std::vector<Tuple> tuples;
  for (int i = 0; i < 5000; ++i) {
    tuples.emplace_back(rng() % 4 == 0 ? rng() : rng() % 3,
                        rng() % 7 == 0 ? INT32_MIN + static_cast<int32_t>(rng() % 5)
                                       : static_cast<int32_t>(rng() % 5) - 2,
                        RandomString(rng), static_cast<uint16_t>(rng() % 3));
  }
  for (size_t i = 0; i + 1 < tuples.size(); ++i) {
    const auto& a = tuples[i];
    const auto& b = tuples[i + 1];
    // std::string compares char, which may be signed: compare as unsigned bytes.
    auto as_unsigned = [](const std::string& s) {
      return std::vector<unsigned char>(s.begin(), s.end());
    };
    auto ta = std::make_tuple(std::get<0>(a), std::get<1>(a), as_unsigned(std::get<2>(a)),
                              std::get<3>(a));
    auto tb = std::make_tuple(std::get<0>(b), std::get<1>(b), as_unsigned(std::get<2>(b)),
                              std::get<3>(b));
    std::string ka = Encode(a);
    std::string kb = Encode(b);
    int key_cmp = ka.compare(kb);  // std::string::compare uses char_traits: unsigned bytes
    int tuple_cmp = ta < tb ? -1 : (tb < ta ? 1 : 0);
    ASSERT_EQ(key_cmp < 0, tuple_cmp < 0) << i;
    ASSERT_EQ(key_cmp == 0, tuple_cmp == 0) << i;
  }
}

TEST(KeyCodecTest, RoundTripsEveryComponent) {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 2000; ++i) {
    uint64_t u = rng();
    int32_t s32 = static_cast<int32_t>(rng());
    int64_t s64 = static_cast<int64_t>(rng());
    std::string str = RandomString(rng);
    auto key = KeyBuilder().U8(3).U64(u).I32(s32).Str(str).I64(s64).U16(9).Release();
    KeyReader r(key);
    uint8_t a = 0;
    uint64_t b = 0;
    int32_t c = 0;
    std::string d;
    int64_t e = 0;
    uint16_t f = 0;
    ASSERT_TRUE(r.U8(&a) && r.U64(&b) && r.I32(&c) && r.Str(&d) && r.I64(&e) && r.U16(&f));
    EXPECT_TRUE(r.done());
    EXPECT_EQ(a, 3);
    EXPECT_EQ(b, u);
    EXPECT_EQ(c, s32);
    EXPECT_EQ(d, str);
    EXPECT_EQ(e, s64);
    EXPECT_EQ(f, 9);
  }
}

TEST(KeyCodecTest, RejectsTruncatedKeys) {
  auto key = KeyBuilder().U64(5).Str("abc").Release();
  for (size_t n = 0; n < key.size(); ++n) {
    KeyReader r(std::string_view(key).substr(0, n));
    uint64_t v = 0;
    std::string s;
    EXPECT_FALSE(r.U64(&v) && r.Str(&s)) << n;
  }
}

TEST(KeyCodecTest, PrefixSuccessorBoundsAllExtensions) {
  EXPECT_EQ(PrefixSuccessor("ab"), "ac");
  EXPECT_EQ(PrefixSuccessor(std::string("a\xFF", 2)), "b");
  EXPECT_EQ(PrefixSuccessor(std::string("\xFF\xFF", 2)), "");
}

TEST(KeyCodecTest, VarintsRoundTrip) {
  for (uint64_t v : {0ull, 1ull, 127ull, 128ull, 300ull, ~0ull}) {
    std::string s;
    PutVarint64(&s, v);
    std::string_view in(s);
    uint64_t out = 0;
    ASSERT_TRUE(GetVarint64(&in, &out));
    EXPECT_EQ(out, v);
    EXPECT_TRUE(in.empty());
  }
}

}  // namespace
}  // namespace ecg::store
