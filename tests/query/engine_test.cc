#include "query/engine.h"

#include <thread>

#include <gtest/gtest.h>

#include "query/error.h"
#include "query/format.h"
#include "tests/query/demo_graph.h"
#include "tests/testutil/testutil.h"

namespace ecg::query {
namespace {

class EngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_OK_AND_ASSIGN(store_, testing::BuildDemoGraph(dir_.Sub("db")));
    engine_ = std::make_unique<Engine>(*store_, testing::DemoOptions());
  }

  testutil::TempDir dir_;
  std::unique_ptr<store::GraphStore> store_;
  std::unique_ptr<Engine> engine_;
};

TEST_F(EngineTest, PreparedQueryRunsRepeatedlyAndConcurrently) {
  ASSERT_OK_AND_ASSIGN(Prepared p, engine_->Prepare("entity -> owns* entity | count"));
  EXPECT_EQ(p.columns(), std::vector<std::string>{"count"});
  ASSERT_OK_AND_ASSIGN(ResultSet first, engine_->Execute(p));
  ASSERT_EQ(first.rows.size(), 1u);
  std::vector<int64_t> counts(4, -1);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      Result<ResultSet> r = engine_->Execute(p);
      counts[i] = r.ok() ? r->rows[0][0].as_int() : -2;
    });
  }
  for (auto& t : threads) {
    t.join();
  }
  for (int64_t c : counts) {
    EXPECT_EQ(c, first.rows[0][0].as_int());
  }
}

TEST_F(EngineTest, ParametersAreValuesNotSyntax) {
  Params params = {{"who", Value("x\" | count")}};
  ASSERT_OK_AND_ASSIGN(ResultSet r, engine_->Run("entity $who | select name", params));
  EXPECT_EQ(r.columns, std::vector<std::string>{"name"});
  EXPECT_TRUE(r.rows.empty());
}

TEST_F(EngineTest, ErrorsRenderWithCaret) {
  std::string text = "entity ~\"華為\" -> own entity";
  Result<Prepared> p = engine_->Prepare(text);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(RenderError(text, p.status()),
            "unknown edge type 'own' (did you mean 'owns'?) at 1:17\n"
            "  entity ~\"華為\" -> own entity\n  " +
                std::string(18, ' ') + "^");
  EXPECT_EQ(*ErrorOffset(text, p.status()), text.find("own "));
}

TEST_F(EngineTest, CollectsGraphForDotAndGraphml) {
  ExecOptions options = testing::DemoOptions();
  options.collect_graph = true;
  ASSERT_OK_AND_ASSIGN(Prepared p,
                       engine_->Prepare("entity \"Subsidiary B\" <- owns*1..2 entity | path"));
  ASSERT_OK_AND_ASSIGN(ResultSet r, engine_->Execute(p, options));
  EXPECT_EQ(r.rows.size(), 3u);  // Joint Venture A, then Huawei and HiSilicon
  EXPECT_EQ(r.graph.vertices.size(), 4u);
  EXPECT_EQ(r.graph.edges.size(), 3u);
  std::string dot = FormatDot(r);
  EXPECT_NE(dot.find("[label=\"owns 60%\"]"), std::string::npos) << dot;
  EXPECT_NE(FormatGraphml(r).find("<data key=\"label\">Subsidiary B</data>"), std::string::npos);
  // Without the option the graph stays empty.
  ASSERT_OK_AND_ASSIGN(ResultSet plain, engine_->Execute(p));
  EXPECT_TRUE(plain.graph.empty());
}

TEST_F(EngineTest, ReportsUnknownAffiliatesRule) {
  ExecOptions options = testing::DemoOptions();
  options.rules.affiliates_rule_key = "1999-00000";
  ASSERT_OK_AND_ASSIGN(Prepared p,
                       engine_->Prepare("entity \"Huawei Technologies Co., Ltd.\" | affiliates "
                                        "| select name, rule"));
  ASSERT_OK_AND_ASSIGN(ResultSet r, engine_->Execute(p, options));
  ASSERT_EQ(r.rows.size(), 3u);  // HiSilicon, Joint Venture A, Subsidiary B
  EXPECT_EQ(r.rows[0][1].ToString(), "unknown (rule 1999-00000 is not in the graph)");
}

TEST_F(EngineTest, StopsAtTimeout) {
  ExecOptions options = testing::DemoOptions();
  options.timeout = std::chrono::milliseconds(-1);
  ASSERT_OK_AND_ASSIGN(Prepared p, engine_->Prepare("entity | count"));
  Result<ResultSet> r = engine_->Execute(p, options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(r.status().message().find("timeout"), std::string::npos);
}

TEST_F(EngineTest, MarksTruncatedResults) {
  ExecOptions options = testing::DemoOptions();
  options.max_rows = 3;
  ASSERT_OK_AND_ASSIGN(Prepared p, engine_->Prepare("entity"));
  ASSERT_OK_AND_ASSIGN(ResultSet r, engine_->Execute(p, options));
  EXPECT_EQ(r.rows.size(), 3u);
  EXPECT_TRUE(r.truncated);
  EXPECT_EQ(r.stopped_by, "max_rows");
}

TEST_F(EngineTest, RendersJsonLinesWithTypedValues) {
  ASSERT_OK_AND_ASSIGN(ResultSet r,
                       engine_->Run("rule \"2025-19001\" | select key, effective_date, alias"));
  EXPECT_EQ(FormatJsonLines(r),
            "{\"key\":\"2025-19001\",\"effective_date\":\"2025-09-29\",\"alias\":null}\n");
  ASSERT_OK_AND_ASSIGN(ResultSet aliases, engine_->Run("entity \"SMIC\" | select alias"));
  EXPECT_EQ(FormatJsonLines(aliases), "{\"alias\":[\"SMIC\",\"中芯国际\"]}\n");
}

TEST_F(EngineTest, ExplainDoesNotRun) {
  ASSERT_OK_AND_ASSIGN(Prepared p, engine_->Prepare("explain entity -> owns* entity"));
  EXPECT_TRUE(p.is_explain());
  ExecOptions options = testing::DemoOptions();
  options.max_expansions = 0;  // would stop any real execution at once
  ASSERT_OK_AND_ASSIGN(ResultSet r, engine_->Execute(p, options));
  EXPECT_EQ(r.columns, std::vector<std::string>{"plan"});
  EXPECT_EQ(r.rows[0][0].ToString(), "Project id=id, kind=kind, key=key, name=name");
}

}  // namespace
}  // namespace ecg::query
