// A corpus of malformed variants of the real formats, generated here from
// real files in ../shared/data and the project's fixtures: each is rejected
// with the location of the fault (and the graph is exactly as before), or
// the one bad record is quarantined with its line and the rest loads.
#include <functional>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/reliability/in_process.h"
#include "tests/testutil/testutil.h"

namespace ecg::reliability {
namespace {

struct Variant {
  std::string name;
  std::string file_name;  // the label the ingest sees (detection, dates)
  std::string bytes;
  bool quarantined = false;  // else rejected
  // Rejected: a text the error must hold (the location). Quarantined: the
  // line of the bad record, and a text its reason must hold.
  std::string where;
  uint64_t line = 0;
};

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) {
      nl = text.size();
    }
    out.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) {
    out += l + "\n";
  }
  return out;
}

// Header and the first 12 records of China's 2026-06-29 list.
std::vector<std::string> CnCsv() {
  auto lines = Lines(testutil::ReadFile(
      testutil::SharedData("cn_sanctions_opensanctions/sanctions_2026-06-29.csv")));
  lines.resize(13);
  return lines;
}

// Inserts `what` into the Name field (third column) of CSV line `index`.
std::string IntoName(std::vector<std::string> lines, size_t index, const std::string& what) {
  std::string& l = lines[index];
  size_t a = l.find(',');
  size_t b = l.find(',', a + 1);
  l.insert(b + 3, what);
  return Join(lines);
}

// A compact CSL file of the real tables and 8 real entries, one per line:
// entry k is on line k + 2.
struct Csl {
  nlohmann::json head;
  std::vector<nlohmann::json> entries;
  std::string Dump() const {
    std::string h = head.dump();
    h.pop_back();  // the closing brace
    std::string out = h + ",\"entries\":[\n";
    for (size_t i = 0; i < entries.size(); ++i) {
      out += entries[i].dump() + (i + 1 < entries.size() ? ",\n" : "\n");
    }
    return out + "]}\n";
  }
};

Csl LoadCsl() {
  nlohmann::json j = nlohmann::json::parse(
      testutil::ReadFile(testutil::SharedData("csl_compact_seelpeed/screening-list.json")));
  Csl c;
  for (auto& [k, v] : j.items()) {
    if (k != "entries") {
      c.head[k] = v;
    }
  }
  for (size_t i = 0; i < 8; ++i) {
    c.entries.push_back(j["entries"][i]);
  }
  return c;
}

std::string Truncate(const std::string& s, double at) {
  return s.substr(0, static_cast<size_t>(static_cast<double>(s.size()) * at));
}

// `what` inserted at byte `at`; the variant expects the error to name it.
Variant InsertAt(std::string name, std::string file, std::string bytes, size_t at,
                 const std::string& what) {
  bytes.insert(at, what);
  return {std::move(name), std::move(file), std::move(bytes), false, " " + std::to_string(at)};
}

// Just after the first `"` at or after `from` (inside a string).
size_t InString(const std::string& s, size_t from) {
  return s.find('"', from) + 1;
}

std::vector<Variant> Corpus() {
  std::vector<Variant> v;
  const std::string cn_name = "sanctions_2026-06-29.csv";
  // China's sanctions list (CSV).
  v.push_back({"csv NUL in a name", cn_name, IntoName(CnCsv(), 3, std::string(1, '\0')), true,
               "NUL byte", 4});
  v.push_back({"csv BOM in mid-line", cn_name, IntoName(CnCsv(), 5, "\xEF\xBB\xBF"), true,
               "byte-order mark", 6});
  v.push_back({"csv NUL and BOM on one line", cn_name,
               IntoName(CnCsv(), 9, std::string("\0\xEF\xBB\xBF", 4)), true, "NUL", 10});
  {
    auto l = CnCsv();
    l[6] += ",extra";
    v.push_back({"csv extra column", cn_name, Join(l), false, ":7 ("});
  }
  {
    auto l = CnCsv();
    l[4] = l[4].substr(0, l[4].find(',', l[4].find(',') + 1));
    v.push_back({"csv missing columns", cn_name, Join(l), false, ":5 ("});
  }
  {
    auto l = CnCsv();
    l[2].insert(l[2].find(',') + 1, "\xFF");
    std::string bytes = Join(l);
    const size_t at = bytes.find('\xFF');
    v.push_back({"csv invalid UTF-8", cn_name, bytes, false, "offset " + std::to_string(at)});
  }
  {
    auto l = CnCsv();
    l[0].replace(l[0].find("Name"), 4, "Nmae");
    v.push_back({"csv header without Name", cn_name, Join(l), false, "a CSV whose header names"});
  }
  {
    auto l = CnCsv();
    const std::string& last = l.back();
    std::string bytes = Join(l);
    // Cut inside the last record, three columns in, without a line break.
    bytes.resize(bytes.size() - last.size() - 1 + last.find(',', last.find(',') + 1) + 3);
    v.push_back({"csv last record cut off", cn_name, bytes, true, "cut off", 13});
  }
  {
    auto l = CnCsv();
    l[7].insert(l[7].find(',') + 1, "\"unterminated ");
    v.push_back({"csv quote opened mid-file", cn_name, Join(l), true, "cut off", 8});
  }
  // The compact CSL (JSON).
  const std::string csl_name = "screening-list.json";
  auto csl_with = [&](size_t entry, const std::function<void(nlohmann::json&)>& f) {
    Csl c = LoadCsl();
    f(c.entries[entry]);
    return c.Dump();
  };
  v.push_back({"csl a is a string", csl_name,
               csl_with(2, [](nlohmann::json& e) { e["a"] = "notalist"; }), true, "field `a`", 4});
  v.push_back({"csl c is an object", csl_name,
               csl_with(3,
                        [](nlohmann::json& e) {
                          e["c"] = {{"x", 1}};
                        }),
               true, "field `c`", 5});
  v.push_back({"csl n is a number", csl_name, csl_with(1, [](nlohmann::json& e) { e["n"] = 5; }),
               true, "field `n`", 3});
  v.push_back({"csl s is a string", csl_name, csl_with(4, [](nlohmann::json& e) { e["s"] = "x"; }),
               true, "field `s`", 6});
  v.push_back({"csl alias list holds a number", csl_name,
               csl_with(5, [](nlohmann::json& e) { e["a"] = {1}; }), true, "of field `a`", 7});
  v.push_back({"csl negative index", csl_name, csl_with(6, [](nlohmann::json& e) { e["u"] = -3; }),
               true, "field `u`", 8});
  v.push_back({"csl source index out of range", csl_name,
               csl_with(0, [](nlohmann::json& e) { e["s"] = 9999; }), true, "out of range", 2});
  v.push_back({"csl entry is not an object", csl_name,
               csl_with(7,
                        [](nlohmann::json& e) {
                          e = nlohmann::json::array({1, 2});
                        }),
               true, "", 9});
  const std::string csl = LoadCsl().Dump();
  v.push_back({"csl truncated", csl_name, Truncate(csl, 0.6), false, "looks truncated"});
  v.push_back(InsertAt("csl NUL inside a string", csl_name, csl,
                       InString(csl, csl.find("\"n\":", csl.find("\"entries\""))),
                       std::string(1, '\0')));
  {
    Variant deep = InsertAt("csl deep nesting", csl_name, csl, csl.find("\"entries\"") - 1,
                            "\"deep\":" + std::string(2000, '[') + std::string(2000, ']') + ",");
    // The root object is level 1: the 1024th bracket is one too many.
    deep.where = " " + std::to_string(csl.find("\"entries\"") - 1 + 7 + 1023);
    v.push_back(deep);
  }
  v.push_back({"csl trailing garbage", csl_name, csl + "}{", false, ":11 ("});
  // The eCFR list extract (BIS MEU list).
  const std::string meu =
      testutil::ReadFile(testutil::SharedData("bis_entity_list_ecfr_nsfreg/bis_meu.json"));
  v.push_back({"ecfr truncated", "bis_meu.json", Truncate(meu, 0.5), false, "looks truncated"});
  v.push_back(InsertAt("ecfr NUL inside a string", "bis_meu.json", meu,
                       InString(meu, meu.find("\"name\"") + 7), std::string(1, '\0')));
  v.push_back(InsertAt("ecfr NUL between values", "bis_meu.json", meu, meu.find(','),
                       std::string(1, '\0')));
  {
    Variant deep = InsertAt("ecfr deep nesting", "bis_meu.json", meu, 1,
                            "\"x\":" + std::string(1500, '[') + std::string(1500, ']') + ",");
    deep.where = " " + std::to_string(1 + 4 + 1023);
    v.push_back(deep);
  }
  // China's lists (JSON).
  const std::string cn_json = testutil::ReadFile(testutil::SharedData("cn_lists_xyna/cn.json"));
  v.push_back({"cn json truncated", "cn.json", Truncate(cn_json, 0.7), false, "looks truncated"});
  {
    std::string bytes = cn_json;
    const size_t at = bytes.find("\xE4");  // the first Chinese character
    bytes.erase(at + 1, 1);                // loses a continuation byte
    v.push_back({"cn json invalid UTF-8", "cn.json", bytes, false, "offset " + std::to_string(at)});
  }
  v.push_back(InsertAt("cn json NUL inside a string", "cn.json", cn_json, InString(cn_json, 10),
                       std::string(1, '\0')));
  // Federal Register XML, JSON and posts.
  const std::string xml = testutil::ReadFile(testutil::TestData("regs/fr_entity_list_rule.xml"));
  v.push_back({"fr xml truncated", "rule.xml", Truncate(xml, 0.5), false, "line"});
  {
    std::string bytes = xml;
    bytes.replace(bytes.find("</"), 2, "</X");
    v.push_back({"fr xml mismatched tag", "rule.xml", bytes, false, "line"});
  }
  {
    std::string bytes = xml;
    bytes.insert(bytes.find('>', 60) + 1, std::string(1, '\0'));
    v.push_back(
        {"fr xml NUL byte", "rule.xml", bytes, false, "expected a Federal Register <RULE>"});
  }
  {
    std::string bytes = xml;
    const size_t at = bytes.find('>', 80) + 1;
    bytes.insert(at, "\xFE");
    v.push_back({"fr xml invalid UTF-8", "rule.xml", bytes, false, "offset " + std::to_string(at)});
  }
  const std::string frj = testutil::ReadFile(testutil::TestData("regs/fr_api_document.json"));
  v.push_back({"fr json truncated", "doc.json", Truncate(frj, 0.5), false, "end of input"});
  v.push_back(InsertAt("fr json NUL inside a string", "doc.json", frj, InString(frj, 5),
                       std::string(1, '\0')));
  {
    Variant deep = InsertAt("fr json deep nesting", "doc.json", frj, 1,
                            "\"x\":" + std::string(1100, '[') + std::string(1100, ']') + ",");
    deep.where = " " + std::to_string(1 + 4 + 1023);
    v.push_back(deep);
  }
  const std::string post_name =
      "2020-01-06-19-08-02-addition-of-software-specially-designed-to-automate-the-anal-2f1e43.md";
  const std::string post =
      testutil::ReadFile(testutil::SharedData("fr_metadata_deepseek_news/_posts/" + post_name));
  {
    auto l = Lines(post);
    l[3] = "date: [2026-02-05";  // an unclosed flow sequence on line 4
    v.push_back({"fr post broken YAML", post_name, Join(l), false, "line"});
  }
  {
    std::string bytes = post;
    bytes.erase(bytes.find("\n---", 3) + 1, 3);  // no closing ---
    v.push_back({"fr post front matter not closed", post_name, bytes, false, "line 1"});
  }
  // Articles (Markdown and JSON lines).
  const std::string art =
      testutil::ReadFile(testutil::SharedData("news_zh_hkcnews/article_11847.md"));
  {
    auto l = Lines(art);
    l[2] = "author: \"unclosed";
    v.push_back({"article broken YAML", "article_11847.md", Join(l), false, "line"});
  }
  {
    std::string bytes = art;
    const size_t at = bytes.find("\n---", 3) + 20;
    bytes.insert(at, "\xC0\xAF");  // an overlong '/'
    v.push_back({"article invalid UTF-8", "article_11847.md", bytes, false,
                 "offset " + std::to_string(at)});
  }
  {
    auto l = Lines(testutil::ReadFile(testutil::TestData("articles/articles.jsonl")));
    l[1] = "{\"title\": \"cut";
    v.push_back({"jsonl bad line", "articles.jsonl", Join(l), false, "line 2"});
  }
  // Not any format.
  v.push_back({"binary noise", "noise.bin", std::string("\x01\x02garbage\x7f\x03", 12), false,
               "format not recognised"});
  v.push_back({"xml of no known shape", "unknown.xml", "<?xml version=\"1.0\"?>\n<root/>\n", false,
               "expected"});
  v.push_back({"empty file", "empty.csv", "", false, "empty"});
  return v;
}

nlohmann::json Counts(store::GraphStore& store) {
  auto stats = store.NewReadView()->ComputeStats();
  EXPECT_TRUE(stats.ok());
  nlohmann::json j;
  for (const auto& k : stats->kinds) {
    j["v"].push_back(k.vertices);
  }
  for (const auto& e : stats->edges) {
    j["e"].push_back({e.open, e.closed, e.superseded});
  }
  j["p"] = stats->property_statements;
  return j;
}

// Well-formed JSON of no known shape is not data (a manifest or an index
// beside the data files, issue 13): skipped with a warning naming the file,
// the graph unchanged, the run not failed.
TEST(MalformedCorpusTest, JsonOfNoKnownShapeIsSkippedNotLoaded) {
  testutil::TempDir dir;
  Graph g(dir.Sub("db"), /*in_memory=*/true);
  const nlohmann::json before = Counts(g.store());
  ingest::FileReport r = g.IngestBytes("unknown.json", "{\"foo\": 1, \"bar\": [2]}\n");
  EXPECT_EQ(r.status, ingest::FileReport::Status::kSkipped);
  EXPECT_NE(r.error.find("unknown.json"), std::string::npos) << r.error;
  EXPECT_EQ(Counts(g.store()), before);
}

TEST(MalformedCorpusTest, EveryVariantIsRejectedOrQuarantinedWithItsLocation) {
  const std::vector<Variant> corpus = Corpus();
  ASSERT_GE(corpus.size(), 40u);
  testutil::TempDir dir;
  Graph g(dir.Sub("db"), /*in_memory=*/true);
  ASSERT_EQ(g.Ingest(testutil::TestData("regs/fr_api_document.json")).status,
            ingest::FileReport::Status::kLoaded);
  for (const Variant& v : corpus) {
    SCOPED_TRACE(v.name);
    const nlohmann::json before = Counts(g.store());
    ingest::FileReport r = g.IngestBytes(v.file_name, v.bytes);
    if (!v.quarantined) {
      EXPECT_EQ(r.status, ingest::FileReport::Status::kRejected)
          << "loaded with " << r.quarantine.size() << " quarantined";
      EXPECT_NE(r.error.find(v.where), std::string::npos)
          << "error does not say '" << v.where << "': " << r.error;
      EXPECT_NE(r.error.find(v.file_name), std::string::npos) << r.error;
      EXPECT_EQ(Counts(g.store()), before) << "a rejected file changed the graph";
      continue;
    }
    EXPECT_EQ(r.status, ingest::FileReport::Status::kLoaded) << r.error;
    bool found = false;
    for (const auto& q : r.quarantine) {
      if (q.line == v.line && q.reason.find(v.where) != std::string::npos) {
        found = true;
      }
    }
    std::string got;
    for (const auto& q : r.quarantine) {
      got += " [line " + std::to_string(q.line) + ": " + q.reason + "]";
    }
    EXPECT_TRUE(found) << "expected line " << v.line << " quarantined for '" << v.where << "'; got"
                       << got;
  }
}

}  // namespace
}  // namespace ecg::reliability
