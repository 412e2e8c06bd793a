// Reading `ecg screen --batch` input (tools/batch_input.h).
#include "tools/batch_input.h"

#include <gtest/gtest.h>

#include "tests/testutil/testutil.h"

namespace ecg::tools {
namespace {

TEST(BatchInputTest, ReadsLinesAndFlagsInvalidUtf8PerLine) {
  ASSERT_OK_AND_ASSIGN(auto items,
                       ReadBatchInput("Huawei\r\n\n\xC3\x28 bad\nZTE Corporation, Ltd\n"));
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].name, "Huawei");
  EXPECT_TRUE(items[1].name.empty());
  EXPECT_NE(items[2].error.find("UTF-8"), std::string::npos);
  EXPECT_EQ(items[2].line, 3u);
  EXPECT_EQ(items[3].name, "ZTE Corporation, Ltd");
}

TEST(BatchInputTest, ReadsCsvWithNameAndCountry) {
  ASSERT_OK_AND_ASSIGN(auto items,
                       ReadBatchInput("id,Name,Country\n1,\"Huawei Technologies Co., Ltd.\",cn\n"
                                      "2,Acme,\n"));
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].name, "Huawei Technologies Co., Ltd.");
  EXPECT_EQ(items[0].country, "CN");
  EXPECT_EQ(items[0].line, 2u);
  EXPECT_EQ(items[1].country, "");
}

}  // namespace
}  // namespace ecg::tools
