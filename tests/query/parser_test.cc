#include "query/parse/parser.h"

#include <string>

#include <gtest/gtest.h>

#include "tests/testutil/testutil.h"

namespace ecg::query {
namespace {

std::string Dump(std::string_view text) {
  Parser parser(text);
  Result<ast::Query> q = parser.Parse();
  if (!q.ok()) {
    return "error: " + q.status().message();
  }
  return q->ToString();
}

struct ParseCase {
  const char* input;
  const char* dump;
};

// The re2 parse_test.cc pattern: {input, expected AST dump}.
const ParseCase kCases[] = {
    {"entity", "(query (start entity))"},
    {"entity \"Huawei Technologies Co., Ltd.\"",
     "(query (start entity name \"Huawei Technologies Co., Ltd.\"))"},
    {"entity ~\"華為\"", "(query (start entity fuzzy \"華為\"))"},
    {"rule 2022-21658 -> adds entity | where country = \"CN\" | select name, citation",
     "(query (start rule key \"2022-21658\") (step out adds entity) (where (= country \"CN\")) "
     "(select name citation))"},
    {"rule \"89 FR 96790\"", "(query (start rule name \"89 FR 96790\"))"},
    {"eccn 3A090 <- amends rule -> adds entity | as of 2024-12-31 | count by country",
     "(query (start eccn key \"3A090\") (step in amends rule) (step out adds entity) "
     "(as-of date:2024-12-31) (count-by country))"},
    {"rule as r -> adds entity as e | select r.title, e.name, e.edge.from",
     "(query (start rule as r) (step out adds entity as e) (select r.title e.name e.edge.from))"},
    {"rule 2022-21658 as r where r.key = \"x\" -- * as n",
     "(query (start rule key \"2022-21658\" as r (where (= r.key \"x\"))) (step both * as n))"},
    {"entity -> *[pct > 1] entity", "(query (start entity) (step out * [(> pct 1)] entity))"},
    {"entity ~\"Huawei\" -> owns*[pct >= 50] entity",
     "(query (start entity fuzzy \"Huawei\") (step out owns *1..inf [(>= pct 50)] entity))"},
    {"entity -> owns*1..3 entity | path",
     "(query (start entity) (step out owns *1..3 entity) (path))"},
    {"entity -- owns*2", "(query (start entity) (step both owns *2..2))"},
    {"entity -> owns*..4", "(query (start entity) (step out owns *1..4))"},
    {"entity ~\"SMIC\" | history", "(query (start entity fuzzy \"SMIC\") (history))"},
    {"list \"Entity List\" <- listed_on entity | diff 2024-01-01 .. 2025-01-01",
     "(query (start list name \"Entity List\") (step in listed_on entity) "
     "(diff date:2024-01-01 date:2025-01-01))"},
    {"article where lang = \"zh\" -> mentions entity | where listed | count by name",
     "(query (start article (where (= lang \"zh\"))) (step out mentions entity) "
     "(where (listed)) (count-by name))"},
    {"entity | where listed(\"Entity List\") and not country in [\"CN\", \"HK\"] or name ~ "
     "\"^Hua\"",
     "(query (start entity) (where (or (and (listed \"Entity List\") (not (in country \"CN\" "
     "\"HK\"))) (~ name \"^Hua\"))))"},
    {"entity | where country not in [\"US\"]",
     "(query (start entity) (where (not (in country \"US\"))))"},
    {"entity | where exists(alias) and (date >= 2020-01-01 or edge.pct < -1.5)",
     "(query (start entity) (where (and (exists alias) (or (>= date date:2020-01-01) "
     "(< edge.pct -1.5)))))"},
    {"entity | where name contains $q", "(query (start entity) (where (contains name $q)))"},
    {"entity | sort name desc, country | limit 10 | distinct",
     "(query (start entity) (sort name desc country) (limit 10) (distinct))"},
    {"entity | group by country, count, sum(pct), min(date)",
     "(query (start entity) (group-by country count sum(pct) min(date)))"},
    {"entity | count", "(query (start entity) (count))"},
    {"entity \"A\" | affiliates | known at \"2025-01-01\"",
     "(query (start entity name \"A\") (affiliates) (known-at date:2025-01-01))"},
    {"entity | affiliates(25.5) | affiliates($t)",
     "(query (start entity) (affiliates 25.5) (affiliates $t))"},
    {"explain entity $who -> listed_on list",
     "(explain (query (start entity name $who) (step out listed_on list)))"},
    {"eccn EAR99", "(query (start eccn key \"EAR99\"))"},
    {"entity | diff 2020-01-01 .. today | as of today",
     "(query (start entity) (diff date:2020-01-01 today) (as-of today))"},
    {"entity | where flag = true", "(query (start entity) (where (= flag true)))"},
};

TEST(ParserTest, ProducesGoldenAstDumps) {
  for (const ParseCase& c : kCases) {
    EXPECT_EQ(Dump(c.input), c.dump) << "input: " << c.input;
  }
}

const ParseCase kErrors[] = {
    {"",
     "error: expected a vertex kind (entity, rule, list, eccn, ...), found end of query at 1:1"},
    {"entity as", "error: expected a name for the step after 'as', found end of query at 1:10"},
    {"entity -> owns as where",
     "error: expected a name for the step after 'as', found 'where' at 1:19"},
    {"entity ->", "error: expected an edge type or '*' after '->', found end of query at 1:10"},
    {"entity | cout", "error: unknown operator 'cout' (did you mean 'count'?) at 1:10"},
    {"entity | where", "error: expected a field or a value, found end of query at 1:15"},
    {"entity | where name",
     "error: expected a comparison after 'name' (=, !=, <, in, contains, ~), found end of query at "
     "1:20"},
    {"entity | where 5", "error: a literal is not a condition at 1:16"},
    {"entity | where (name = \"x\"",
     "error: expected ')' to close '(', found end of query at 1:27"},
    {"entity -> owns*3..1", "error: hop range 3..1 is empty at 1:16"},
    {"entity -> owns[pct > 5",
     "error: expected ']' to close the edge filter, found end of query at 1:23"},
    {"entity | limit x", "error: expected a row count after 'limit', found 'x' at 1:16"},
    {"entity | as of 2024-02-30", "error: '2024-02-30' is not a calendar date at 1:16"},
    {"entity | as of \"soon\"", "error: 'soon' is not a date (YYYY-MM-DD) at 1:16"},
    {"entity | diff 2024-01-01",
     "error: expected '..' between the two dates of 'diff', found end of query at 1:25"},
    {"entity | group country", "error: expected 'by' after 'group', found 'country' at 1:16"},
    {"entity | group by sum(", "error: expected a field name, found end of query at 1:23"},
    {"entity \"x\" \"y\"",
     "error: expected '->', '<-', '--', '|' or end of query, found string \"y\" at 1:12"},
    {"entity ~ 5", "error: expected a quoted name after '~', found '5' at 1:10"},
    {"entity | where listed(5)", "error: expected a quoted list name, found '5' at 1:23"},
    {"entity | affiliates(x)",
     "error: expected an ownership threshold in percent, found 'x' at 1:21"},
};

TEST(ParserTest, ReportsErrorsWithPosition) {
  for (const ParseCase& c : kErrors) {
    EXPECT_EQ(Dump(c.input), c.dump) << "input: " << c.input;
  }
}

TEST(ParserTest, CapsExpressionDepth) {
  std::string text = "entity | where ";
  for (int i = 0; i < 200; ++i) {
    text += "(";
  }
  text += "name = \"x\"";
  for (int i = 0; i < 200; ++i) {
    text += ")";
  }
  std::string dump = Dump(text);
  EXPECT_NE(dump.find("nested deeper than"), std::string::npos) << dump;
  std::string nots = "entity | where ";
  for (int i = 0; i < 10000; ++i) {
    nots += "not ";
  }
  nots += "listed";
  EXPECT_NE(Dump(nots).find("nested deeper than"), std::string::npos);
}

TEST(ParserTest, CapsStageCount) {
  std::string text = "entity";
  for (int i = 0; i < 300; ++i) {
    text += " | distinct";
  }
  EXPECT_NE(Dump(text).find("more than 256 stages"), std::string::npos);
}

}  // namespace
}  // namespace ecg::query
