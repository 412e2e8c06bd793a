// The web page in a real browser: headless Chromium (Debian's package) loads
// the page from a running server, searches a Chinese and an English name,
// opens an entity page and checks what a person sees (the DOM after the
// page's scripts ran, and a screenshot). Skipped when chromium is missing.
#include <cstdio>
#include <cstdlib>
#include <string>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "tests/serve/serve_test_util.h"
#include "tests/testutil/testutil.h"

namespace ecg::serve {
namespace {

bool HaveChromium() {
  return std::system("command -v chromium >/dev/null 2>&1") == 0;
}

// Chromium's flags for a root container without a display or D-Bus; the
// virtual time budget lets the page's fetches finish before the dump.
std::string Chromium(const std::string& action, const std::string& url) {
  const std::string cmd =
      "timeout 90 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage "
      "--hide-scrollbars --window-size=1200,1500 --virtual-time-budget=8000 " +
      action + " '" + url + "' 2>/dev/null";
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) {
    return out;
  }
  char buf[4096];
  size_t n = 0;
  while ((n = fread(buf, 1, sizeof(buf), p)) > 0) {
    out.append(buf, n);
  }
  pclose(p);
  return out;
}

class BrowserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!HaveChromium()) {
      GTEST_SKIP() << "chromium is not installed (scripts/setup.sh installs it)";
    }
    server_ = std::make_unique<testing::RunningServer>(testing::DemoDb(), testing::TestOptions());
    ASSERT_TRUE(server_->ok());
    base_ = "http://127.0.0.1:" + std::to_string(server_->port()) + "/";
  }
  std::unique_ptr<testing::RunningServer> server_;
  std::string base_;
};

TEST_F(BrowserTest, SearchesChineseAndEnglishNames) {
  const std::string zh =
      Chromium("--dump-dom", base_ + "#/search?q=" + httplib::detail::encode_query_param("华为"));
  ASSERT_NE(zh.find("id=\"results\""), std::string::npos) << zh.substr(0, 3000);
  EXPECT_NE(zh.find(">Huawei Technologies Co., Ltd.</a>"), std::string::npos);
  EXPECT_NE(zh.find("reasons: exact"), std::string::npos);
  const std::string en = Chromium("--dump-dom", base_ + "#/search?q=SMIC");
  EXPECT_NE(en.find(">Semiconductor Manufacturing International Corporation</a>"),
            std::string::npos)
      << en.substr(0, 3000);
  const std::string none = Chromium("--dump-dom", base_ + "#/search?q=Zyxwvut%20Quux");
  EXPECT_NE(none.find("id=\"no-results\""), std::string::npos) << none.substr(0, 3000);
}

TEST_F(BrowserTest, EntityPageShowsListingsMentionsAndRenders) {
  httplib::Client c("127.0.0.1", server_->port());
  auto s = c.Get("/search?q=Huawei%20Technologies");
  ASSERT_TRUE(s);
  const std::string id = nlohmann::json::parse(s->body)["results"][0]["id"].get<std::string>();
  const std::string url = base_ + "#/entity/" + httplib::detail::encode_query_param(id);
  const std::string dom = Chromium("--dump-dom", url);
  EXPECT_NE(dom.find("<h1 id=\"entity-name\">Huawei Technologies Co., Ltd.</h1>"),
            std::string::npos)
      << dom.substr(0, 3000);
  EXPECT_NE(dom.find("Entity List (EL) - Bureau of Industry and Security"), std::string::npos);
  EXPECT_NE(dom.find("华为技术有限公司"), std::string::npos);
  EXPECT_NE(dom.find("<mark>"), std::string::npos) << "no highlighted mention";
  EXPECT_NE(dom.find("Huawei Investment &amp; Holding Co., Ltd."), std::string::npos);
  testutil::TempDir dir;
  const std::string png = dir.Sub("entity.png");
  (void)Chromium("--screenshot=" + png, url);
  const std::string image = testutil::ReadFile(png);
  ASSERT_GT(image.size(), 20000u) << "no screenshot, or an empty page";
  EXPECT_EQ(image.substr(1, 3), "PNG");
}

}  // namespace
}  // namespace ecg::serve
