// Tests of ecg::text::DecodeToUtf8 and RepairC1 on real files and on bytes
// built here.
#include "text/decode.h"

#include <string>

#include <gtest/gtest.h>

#include "tests/testutil/testutil.h"

namespace ecg::text {
namespace {

TEST(DecodeTest, Windows1252FileFromSharedDataDecodes) {
  // SOURCES.md: this CSV is Windows-1252 and has the byte 0x85 (an ellipsis).
  const std::string bytes =
      testutil::ReadFile(testutil::SharedData("ccl_index_ita_2015/eccn.descs.2015.05.20.csv"));
  ASSERT_FALSE(bytes.empty());
  const size_t ellipsis = bytes.find('\x85');
  ASSERT_NE(ellipsis, std::string::npos);
  EXPECT_NE(FirstInvalidUtf8(bytes), std::string::npos);

  ASSERT_OK_AND_ASSIGN(std::string detected, DecodeToUtf8(bytes, "", "eccn.descs.csv"));
  EXPECT_NE(detected.find("\u2026"), std::string::npos);
  EXPECT_EQ(FirstInvalidUtf8(detected), std::string::npos);
  ASSERT_OK_AND_ASSIGN(std::string declared, DecodeToUtf8(bytes, "windows-1252", "eccn"));
  EXPECT_EQ(declared, detected);
  ASSERT_OK_AND_ASSIGN(std::string cp, DecodeToUtf8(bytes, "CP1252", "eccn"));
  EXPECT_EQ(cp, detected);

  // Declared as UTF-8 it is an error that names the file and the offset.
  Result<std::string> as_utf8 = DecodeToUtf8(bytes, "utf-8", "eccn.descs.csv");
  ASSERT_FALSE(as_utf8.ok());
  EXPECT_EQ(as_utf8.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(as_utf8.status().message().find("eccn.descs.csv"), std::string::npos);
  EXPECT_NE(as_utf8.status().message().find("UTF-8"), std::string::npos);
  EXPECT_NE(as_utf8.status().message().find(std::to_string(FirstInvalidUtf8(bytes))),
            std::string::npos);
}

TEST(DecodeTest, InvalidUtf8ReportsByteOffset) {
  // "Huawei " then a lone continuation byte at offset 7.
  const std::string bytes = "Huawei \x80Technologies";
  Result<std::string> r = DecodeToUtf8(bytes, "UTF-8", "names.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(), "names.csv: invalid byte at offset 7 (expected UTF-8)");

  // A truncated 3-byte sequence (华 is E5 8D 8E) at offset 2, after a BOM
  // that counts in the file's offsets.
  const std::string truncated =
      "\xEF\xBB\xBF"
      "ab\xE5\x8D";
  Result<std::string> t = DecodeToUtf8(truncated, "utf8", "t.txt");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().message(), "t.txt: invalid byte at offset 5 (expected UTF-8)");
  EXPECT_EQ(FirstInvalidUtf8("ab\xC0\xAF"), 2u);  // overlong encoding of '/'
}

TEST(DecodeTest, Utf8BomIsStripped) {
  ASSERT_OK_AND_ASSIGN(std::string s, DecodeToUtf8("\xEF\xBB\xBF华为", "", "bom.txt"));
  EXPECT_EQ(s, "华为");
  ASSERT_OK_AND_ASSIGN(std::string d, DecodeToUtf8("\xEF\xBB\xBF华为", "utf-8", "bom.txt"));
  EXPECT_EQ(d, "华为");
}

TEST(DecodeTest, Gb18030FixtureDecodesDeclaredAndDetected) {
  const std::string bytes = testutil::ReadFile(testutil::TestData("text/names_gb18030.txt"));
  // 华 is BB AA in GB2312/GBK/GB18030.
  ASSERT_EQ(bytes.substr(0, 2), "\xBB\xAA");
  const std::string expected =
      "华为技术有限公司\n中芯国际集成电路制造有限公司\n拓荆科技股份有限公司\n";
  ASSERT_OK_AND_ASSIGN(std::string declared, DecodeToUtf8(bytes, "GB18030", "names"));
  EXPECT_EQ(declared, expected);
  ASSERT_OK_AND_ASSIGN(std::string gbk, DecodeToUtf8(bytes, "gbk", "names"));
  EXPECT_EQ(gbk, expected);
  ASSERT_OK_AND_ASSIGN(std::string detected, DecodeToUtf8(bytes, "", "names"));
  EXPECT_EQ(detected, expected);
}

TEST(DecodeTest, Gb18030FourByteSequencesAndErrors) {
  // Â (U+00C2) is the four-byte sequence 81 30 87 30 in GB18030 (it is not
  // in GBK), 𠀀 (U+20000) is 95 32 82 36, and 中 is D6 D0.
  const std::string bytes = "\x81\x30\x87\x30 \x95\x32\x82\x36 \xD6\xD0";
  ASSERT_OK_AND_ASSIGN(std::string s, DecodeToUtf8(bytes, "gb18030", "gb"));
  EXPECT_EQ(s, "\u00c2 \U00020000 中");
  // A lead byte followed by a space is invalid at the lead byte.
  Result<std::string> bad = DecodeToUtf8("ab\xD6 x", "gb18030", "gb.txt");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "gb.txt: invalid byte at offset 2 (expected GB18030)");
}

TEST(DecodeTest, Windows1252UndefinedByteIsAnError) {
  Result<std::string> r = DecodeToUtf8("abc\x81", "windows-1252", "w.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "w.txt: invalid byte at offset 3 (expected Windows-1252)");
  // Detection: not UTF-8, not GB18030, not Windows-1252.
  Result<std::string> d = DecodeToUtf8("abc\x81", "", "w.txt");
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("offset 3"), std::string::npos);
}

TEST(DecodeTest, UnknownEncodingIsNotSupported) {
  Result<std::string> r = DecodeToUtf8("abc", "EBCDIC", "x");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotSupported);
}

TEST(DecodeTest, RepairC1MapsWindows1252Punctuation) {
  EXPECT_EQ(RepairC1("CAST Xi\u0092an"), "CAST Xi\u2019an");
  EXPECT_EQ(RepairC1("a\u0085b\u0093c\u0094"), "a\u2026b\u201cc\u201d");
  EXPECT_EQ(RepairC1("x\u0081y"), "xy");  // undefined in Windows-1252: dropped
  EXPECT_EQ(RepairC1("Société 华为"), "Société 华为");
}

}  // namespace
}  // namespace ecg::text
