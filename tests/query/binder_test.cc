#include "query/bind/binder.h"

#include <string>

#include <gtest/gtest.h>

#include "query/parse/parser.h"
#include "query/plan/planner.h"
#include "tests/testutil/testutil.h"

namespace ecg::query {
namespace {

// Parses, binds and plans; returns the plan text or "error: <message>".
std::string PlanText(std::string_view text, const Params& params = {}) {
  Parser parser(text);
  Result<ast::Query> ast = parser.Parse();
  if (!ast.ok()) {
    return "error: " + ast.status().message();
  }
  Binder binder(text, params);
  Result<BoundQuery> bound = binder.Bind(*ast);
  if (!bound.ok()) {
    return "error: " + bound.status().message();
  }
  Result<LogicalPlan> plan = Planner().Plan(std::move(bound).value());
  if (!plan.ok()) {
    return "error: " + plan.status().message();
  }
  return plan->ToString();
}

struct Case {
  const char* input;
  const char* expected;
};

// Golden plans: what `explain` prints.
const Case kPlans[] = {
    {"entity \"Huawei\"",
     "Project id=id, kind=kind, key=key, name=name\n"
     "  Lookup entity key-or-name \"Huawei\"\n"
     "Time: valid today, known now\n"},
    {"entity ~\"華為\" | count",
     "Aggregate keys [] aggs [count=count]\n"
     "  FuzzyName entity \"華為\"\n"
     "Time: valid today, known now\n"},
    {"entity where name = \"ACME\"",
     "Project id=id, kind=kind, key=key, name=name\n"
     "  Filter (= name \"ACME\")\n"
     "    NameIndex entity \"ACME\"\n"
     "Time: valid today, known now\n"},
    {"rule 2022-21658 -> adds entity | where country = \"CN\" | select name, citation",
     "Project name=name, citation=edge.citation\n"
     "  Filter (= country \"CN\")\n"
     "    Expand out adds -> entity +edges\n"
     "      Lookup rule key-or-name \"2022-21658\"\n"
     "Time: valid today, known now\n"},
    {"eccn 3A090 <- amends rule -> adds entity | as of 2024-12-31 | count by country",
     "Sort count=#count desc, country=#country\n"
     "  Aggregate keys [country=country] aggs [count=count]\n"
     "    Expand out adds -> entity\n"
     "      Expand in amends -> rule\n"
     "        Lookup eccn key-or-name \"3A090\"\n"
     "Time: valid 2024-12-31, known now\n"},
    {"entity ~\"Huawei\" -> owns*[pct >= 50] entity | path",
     "Project path=path\n"
     "  ExpandVar out owns hops 1..max_depth -> entity [(>= edge.pct 50)] +paths\n"
     "    FuzzyName entity \"Huawei\"\n"
     "Time: valid today, known now\n"},
    {"entity \"A\" | affiliates(25) | known at 2025-01-01",
     "Project id=id, kind=kind, key=key, name=name, pct=pct, owners=owners, rule=rule\n"
     "  Affiliates threshold 25%\n"
     "    Lookup entity key-or-name \"A\"\n"
     "Time: valid today, known 2025-01-01\n"},
    {"list \"Entity List\" <- listed_on entity | diff 2024-01-01 .. 2025-01-01",
     "Diff 2024-01-01 .. 2025-01-01\n"
     "  Expand in listed_on -> entity +edges\n"
     "    Lookup list key-or-name \"Entity List\"\n"
     "Time: valid today, known now\n"},
    {"article where lang = \"zh\" -> mentions entity | where listed | count by name | limit 5",
     "Limit 5\n"
     "  Sort count=#count desc, name=#name\n"
     "    Aggregate keys [name=name] aggs [count=count]\n"
     "      Filter (listed)\n"
     "        Expand out mentions -> entity\n"
     "          Filter (= lang \"zh\")\n"
     "            ScanKind article\n"
     "Time: valid today, known now\n"},
    {"entity | group by country, sum(pct), max(date) | sort sum_pct desc",
     "error: property 'pct' does not apply to entity (it belongs to owns edges) at 1:28"},
    {"entity -> owns entity | group by country, sum(pct), max(date) | sort sum_pct desc",
     "Sort sum_pct=#sum_pct desc\n"
     "  Aggregate keys [country=country] aggs [sum_pct=sum(edge.pct), max_date=max(date)]\n"
     "    Expand out owns -> entity +edges\n"
     "      ScanKind entity\n"
     "Time: valid today, known now\n"},
    {"entity $who | where date >= $since and alias ~ \"^華\"",
     "Project id=id, kind=kind, key=key, name=name\n"
     "  Filter (and (>= date 2020-01-01) (~ alias \"^華\"))\n"
     "    Lookup entity key-or-name \"Huawei\"\n"
     "Time: valid today, known now\n"},
    {"entity | select name | distinct | sort name desc",
     "Sort name=#name desc\n"
     "  Distinct\n"
     "    Project name=name\n"
     "      ScanKind entity\n"
     "Time: valid today, known now\n"},
    {"entity ~\"SMIC\" | history | where event = \"edge in\"",
     "Filter (= #event \"edge in\")\n"
     "  History\n"
     "    FuzzyName entity \"SMIC\"\n"
     "Time: valid today, known now\n"},
};

TEST(PlannerTest, ProducesGoldenPlans) {
  Params params = {{"who", Value("Huawei")}, {"since", Value("2020-01-01")}};
  for (const Case& c : kPlans) {
    EXPECT_EQ(PlanText(c.input, params), c.expected) << "input: " << c.input;
  }
}

// Every binder error path, with its position and hint.
const Case kErrors[] = {
    {"entty", "unknown vertex kind 'entty' (did you mean 'entity'?) at 1:1"},
    {"entity -> own entity", "unknown edge type 'own' (did you mean 'owns'?) at 1:11"},
    {"entity -> owns entiy", "unknown vertex kind 'entiy' (did you mean 'entity'?) at 1:16"},
    {"entity -> owns list", "edge type 'owns' never leads to a list in this direction at 1:16"},
    {"entity | where contry = \"CN\"",
     "unknown property 'contry' for entity (did you mean 'country'?) at 1:16"},
    {"entity -> owns[pcd > 5]",
     "unknown property 'pcd' for owns edges (did you mean 'pct'?) at 1:16"},
    {"entity | where edge.pct > 5", "'edge.pct' needs a step before it at 1:16"},
    {"entity | where lang = \"zh\"",
     "property 'lang' does not apply to entity (it belongs to article) at 1:16"},
    {"entity -> listed_on[policy ~ \"denial\"] list",
     "unknown property 'policy' for listed_on edges (did you mean 'license_policy'?) at 1:21"},
    {"entity -> listed_on list | where edge.pct > 5",
     "unknown property 'pct' for listed_on edges at 1:34"},
    {"entity | where foo.name = \"x\"",
     "unknown step name 'foo' (name a step with 'as', e.g. 'rule as r') at 1:16"},
    {"entity | select name | where country = \"CN\"",
     "unknown column 'country'; the columns here are: name at 1:30"},
    {"entity | select name | sort nme",
     "unknown column 'nme' (did you mean 'name'?); the columns here are: name at 1:29"},
    {"entity | count -> owns",
     "a step needs vertices, but the pipeline produces a table here at 1:16"},
    {"entity | count | history",
     "'history' needs vertices, but the pipeline produces a table here at 1:18"},
    {"rule | affiliates", "affiliates needs a set of entities at 1:8"},
    {"entity | affiliates(150)", "affiliates threshold must be a percentage in (0, 100] at 1:21"},
    {"entity | as of 2024-01-01 | as of 2025-01-01",
     "'as-of' given twice; a query has one time point at 1:29"},
    {"entity | diff 2025-01-01 .. 2024-01-01",
     "diff needs the second date after the first at 1:29"},
    {"entity $nobody", "no value for parameter $nobody at 1:8"},
    {"entity | as of $when", "no value for parameter $when at 1:16"},
    {"entity | where date > \"soon\"",
     "cannot compare date field 'date' with string 'soon' at 1:23"},
    {"entity -> owns[pct > \"x\"]",
     "cannot compare double field 'edge.pct' with string 'x' at 1:22"},
    {"entity | where kind = \"entty\"", "unknown vertex kind 'entty' at 1:23"},
    {"entity | where name ~ \"(\"", "bad regular expression: missing ): ( at 1:23"},
    {"entity | where name ~ name",
     "the right side of '~' must be a quoted regular expression at 1:23"},
    {"entity -> owns[listed]", "'listed' applies to vertices, not here at 1:16"},
    {"entity | limit $n", "limit needs a non-negative integer at 1:16"},
};

TEST(BinderTest, ReportsErrorsWithPositionAndHint) {
  Params params = {{"n", Value("ten")}};
  for (const Case& c : kErrors) {
    EXPECT_EQ(PlanText(c.input, params), std::string("error: ") + c.expected)
        << "input: " << c.input;
  }
}

TEST(BinderTest, AcceptsEveryKindAndEdgeType) {
  for (VertexKind k : kAllVertexKinds) {
    std::string q = std::string(VertexKindName(k)) + " | count";
    EXPECT_EQ(PlanText(q).rfind("error", 0), std::string::npos) << q;
  }
  for (EdgeType t : kAllEdgeTypes) {
    std::string q = "entity -- " + std::string(EdgeTypeName(t)) + " | count";
    EXPECT_EQ(PlanText(q).rfind("error", 0), std::string::npos) << q;
  }
}

}  // namespace
}  // namespace ecg::query
