// Tests of ecg::text::WordSegmenter (ICU word BreakIterator) on Chinese and
// English text, including the real seed article.
#include "text/segment.h"

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/testutil/testutil.h"

namespace ecg::text {
namespace {

std::vector<std::string> Texts(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) {
    out.push_back(t.text);
  }
  return out;
}

TEST(WordSegmenterTest, SegmentsEnglishWithOffsets) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<WordSegmenter> seg, WordSegmenter::Create());
  ASSERT_OK_AND_ASSIGN(std::vector<Token> tokens, seg->Segment("Huawei, 2019: Entity List."));
  EXPECT_EQ(Texts(tokens), (std::vector<std::string>{"Huawei", "2019", "Entity", "List"}));
  EXPECT_EQ(tokens[1].kind, WordKind::kNumber);
  EXPECT_EQ(tokens[0].kind, WordKind::kLetter);
  EXPECT_EQ(tokens[2].byte_begin, 14u);
  EXPECT_EQ(tokens[2].byte_end, 20u);
  EXPECT_EQ(tokens[2].utf16_begin, 14u);
  EXPECT_EQ(tokens[2].cp_begin, 14u);
}

TEST(WordSegmenterTest, SegmentsChineseWithThreeKindsOfOffsets) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<WordSegmenter> seg, WordSegmenter::Create());
  // 𠀀 (U+20000) is outside the BMP: 4 UTF-8 bytes, 2 UTF-16 units.
  const std::string text = "𠀀 美国商务部将华为列入实体清单";
  ASSERT_OK_AND_ASSIGN(std::vector<Token> tokens, seg->Segment(text));
  ASSERT_GE(tokens.size(), 4u);
  bool found = false;
  for (const Token& t : tokens) {
    EXPECT_EQ(text.substr(t.byte_begin, t.byte_end - t.byte_begin), t.text);
    if (t.text == "美国") {
      found = true;
      EXPECT_EQ(t.kind, WordKind::kIdeographic);
      // "𠀀 " is 2 code points, 3 UTF-16 units and 5 bytes.
      EXPECT_EQ(t.cp_begin, 2u);
      EXPECT_EQ(t.cp_end, 4u);
      EXPECT_EQ(t.utf16_begin, 3u);
      EXPECT_EQ(t.utf16_end, 5u);
      EXPECT_EQ(t.byte_begin, 5u);
      EXPECT_EQ(t.byte_end, 11u);
    }
  }
  EXPECT_TRUE(found) << ::testing::PrintToString(Texts(tokens));
}

TEST(WordSegmenterTest, RejectsInvalidUtf8) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<WordSegmenter> seg, WordSegmenter::Create());
  Result<std::vector<Token>> r = seg->Segment("ab\xFF");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("offset 2"), std::string::npos);
}

TEST(WordSegmenterTest, SegmentsTheSeedArticle) {
  ASSERT_OK_AND_ASSIGN(std::unique_ptr<WordSegmenter> seg, WordSegmenter::Create());
  const std::string text =
      testutil::ReadFile(testutil::SharedData("seed_article_zh/000_66573e9969ddc2ed.txt"));
  ASSERT_FALSE(text.empty());
  ASSERT_OK_AND_ASSIGN(std::vector<Token> tokens, seg->Segment(text));
  EXPECT_GT(tokens.size(), 500u);
  size_t ideo = 0;
  size_t prev_end = 0;
  for (const Token& t : tokens) {
    ideo += t.kind == WordKind::kIdeographic ? 1 : 0;
    EXPECT_GE(t.byte_begin, prev_end);
    prev_end = t.byte_end;
    ASSERT_EQ(text.compare(t.byte_begin, t.byte_end - t.byte_begin, t.text), 0);
  }
  EXPECT_GT(ideo, tokens.size() / 2);
  // The article names NVIDIA's chips in Latin script inside Chinese text.
  bool h100 = false;
  for (const Token& t : tokens) {
    h100 = h100 || t.text == "H100";
  }
  EXPECT_TRUE(h100);
}

}  // namespace
}  // namespace ecg::text
