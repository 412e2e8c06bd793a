#include "query/format.h"

#include <gtest/gtest.h>

#include "query/display_width.h"
#include "tests/testutil/testutil.h"

namespace ecg::query {
namespace {

ResultSet Sample() {
  ResultSet r;
  r.columns = {"name", "country", "pct"};
  r.rows.push_back({Value("华为技术有限公司"), Value("CN"), Value(60.0)});
  r.rows.push_back({Value("ACME, \"Inc\""), Value(), Value(int64_t{5})});
  return r;
}

TEST(DisplayWidthTest, CountsWideCharactersTwice) {
  EXPECT_EQ(DisplayWidth("abc"), 3u);
  EXPECT_EQ(DisplayWidth("华为"), 4u);
  EXPECT_EQ(DisplayWidth("ＡＢ"), 4u);       // fullwidth forms
  EXPECT_EQ(DisplayWidth("e\xCC\x81"), 1u);  // e + combining acute
}

TEST(FormatTest, AlignsTableByDisplayWidth) {
  EXPECT_EQ(FormatTable(Sample()),
            "name              country  pct\n"
            "----------------  -------  ---\n"
            "华为技术有限公司  CN        60\n"
            "ACME, \"Inc\"                  5\n"
            "(2 rows)\n");
}

TEST(FormatTest, TableShowsNotices) {
  ResultSet r;
  r.columns = {"count"};
  r.rows.push_back({Value(int64_t{1})});
  r.notices.push_back("result cut at max_rows (1 rows)");
  EXPECT_EQ(FormatTable(r),
            "count\n-----\n    1\n(1 row)\nnote: result cut at max_rows (1 rows)\n");
}

TEST(FormatTest, WritesJsonLines) {
  ResultSet r = Sample();
  r.rows.push_back(
      {Value(Value::StringList{"a", "b"}), Value(Date::FromYmd(2024, 1, 2)), Value(true)});
  EXPECT_EQ(FormatJsonLines(r),
            "{\"name\":\"华为技术有限公司\",\"country\":\"CN\",\"pct\":60.0}\n"
            "{\"name\":\"ACME, \\\"Inc\\\"\",\"country\":null,\"pct\":5}\n"
            "{\"name\":[\"a\",\"b\"],\"country\":\"2024-01-02\",\"pct\":true}\n");
}

TEST(FormatTest, WritesRfc4180Csv) {
  ResultSet r = Sample();
  r.rows.push_back({Value("line\nbreak"), Value("x"), Value(1)});
  EXPECT_EQ(FormatCsv(r),
            "name,country,pct\r\n"
            "华为技术有限公司,CN,60\r\n"
            "\"ACME, \"\"Inc\"\"\",,5\r\n"
            "\"line\nbreak\",x,1\r\n");
}

TEST(FormatTest, WritesDotAndGraphml) {
  ResultSet r;
  r.graph.vertices.push_back({VertexId(1), VertexKind::kEntity, "e1", "A \"big\" & co"});
  r.graph.vertices.push_back({VertexId(2), VertexKind::kEntity, "e2", "B"});
  r.graph.edges.push_back({VertexId(1), VertexId(2), EdgeType::kOwns, "owns 60%"});
  EXPECT_EQ(FormatDot(r),
            "digraph ecgraph {\n  node [shape=box];\n"
            "  v1 [label=\"A \\\"big\\\" & co (entity)\"];\n"
            "  v2 [label=\"B (entity)\"];\n"
            "  v1 -> v2 [label=\"owns 60%\"];\n}\n");
  std::string xml = FormatGraphml(r);
  EXPECT_NE(xml.find("<node id=\"v1\"><data key=\"kind\">entity</data><data key=\"key\">e1</data>"
                     "<data key=\"label\">A &quot;big&quot; &amp; co</data></node>"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<edge id=\"e0\" source=\"v1\" target=\"v2\"><data key=\"type\">owns</data>"),
            std::string::npos);
}

TEST(FormatTest, ParsesFormatNames) {
  EXPECT_EQ(*ParseFormat("json"), Format::kJson);
  EXPECT_EQ(*ParseFormat("graphml"), Format::kGraphml);
  EXPECT_FALSE(ParseFormat("xml").ok());
}

// A result with cells far wider than any terminal: a long alias list, CJK
// text and a long title.
ResultSet WideSample() {
  ResultSet r;
  r.columns = {"key", "name", "alias", "title"};
  Value::StringList aliases;
  for (int i = 0; i < 200; ++i) {
    aliases.push_back("Alias Number " + std::to_string(i) + " 华为技术有限公司");
  }
  r.rows.push_back({Value("huawei"), Value("Huawei Technologies Co., Ltd."), Value(aliases),
                    Value(std::string(600, 'x'))});
  r.rows.push_back({Value("smic"),
                    Value("中芯国际集成电路制造有限公司中芯国际集成电路制造有限公司"),
                    Value(Value::StringList{"SMIC"}), Value("short")});
  return r;
}

TEST(FormatTest, TableFitsTheTerminalAt80And120Columns) {
  for (size_t width : {80u, 120u}) {
    TableOptions options;
    options.width = width;
    options.max_values = 3;
    std::string table = FormatTable(WideSample(), options);
    size_t start = 0;
    while (start < table.size()) {
      size_t end = table.find('\n', start);
      std::string line = table.substr(start, end - start);
      EXPECT_LE(DisplayWidth(line), width) << line;
      start = end + 1;
    }
    EXPECT_NE(table.find("\xE2\x80\xA6"), std::string::npos) << table;  // cells cut with "…"
  }
}

TEST(FormatTest, MultiValuedCellsAreCappedWithACount) {
  TableOptions options;
  options.max_values = 3;
  std::string table = FormatTable(WideSample(), options);
  EXPECT_NE(table.find("Alias Number 2 华为技术有限公司; +197 more"), std::string::npos);
  EXPECT_EQ(table.find("Alias Number 3 "), std::string::npos);
  // Without a width or cap (--wide), every value is shown whole.
  std::string wide = FormatTable(WideSample());
  EXPECT_NE(wide.find("Alias Number 199 华为技术有限公司"), std::string::npos);
  EXPECT_NE(wide.find(std::string(600, 'x')), std::string::npos);
}

TEST(FormatTest, FitWidthCutsByDisplayColumns) {
  EXPECT_EQ(FitWidth("abcdef", 6), "abcdef");
  EXPECT_EQ(FitWidth("abcdef", 4), "abc\xE2\x80\xA6");
  EXPECT_EQ(FitWidth("华为技术", 5), "华为\xE2\x80\xA6");  // 2+2 columns, then the ellipsis
  EXPECT_EQ(DisplayWidth(FitWidth("华为技术", 4)), 3u);    // a wide char is never split
}

TEST(FormatTest, EveryFormatStatesTruncation) {
  ResultSet r = Sample();
  r.truncated = true;
  r.stopped_by = "max_rows";
  r.notices.push_back("result cut at max_rows (2 rows)");
  EXPECT_NE(FormatTable(r).find("(2 rows, truncated)"), std::string::npos);
  std::string json = FormatJsonLines(r);
  std::string last = json.substr(json.rfind('\n', json.size() - 2) + 1);
  auto trailer = nlohmann::json::parse(last);
  EXPECT_EQ(trailer["truncated"], true);
  EXPECT_EQ(trailer["stopped_by"], "max_rows");
  EXPECT_EQ(trailer["rows"], 2);
  // A complete result has no trailer.
  EXPECT_EQ(FormatJsonLines(Sample()).find("truncated"), std::string::npos);
}

}  // namespace
}  // namespace ecg::query
