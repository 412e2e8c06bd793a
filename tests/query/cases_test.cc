// Runs the data-driven end-to-end cases in tests/query/cases/*.test over the
// demo graph. Format of a case (blank lines separate cases, # comments):
//   query: <text>            the query; following lines that start with two
//                            spaces continue it
//   params: a=x; n=5         optional $parameters (all digits: an integer)
//   options: max_rows=2      optional ExecOptions (max_rows, max_depth,
//                            max_expansions, today)
//   ----
//   col1 | col2              the column names, then one line per row with
//   v1 | v2                  values as Value::ToString, or
//   error: <message>         the expected error message (with position), and
//   note: <text>             optional expected notices
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "query/engine.h"
#include "query/format.h"
#include "tests/query/demo_graph.h"
#include "tests/testutil/testutil.h"

namespace ecg::query {
namespace {

struct Case {
  std::string file;
  int line = 0;
  std::string query;
  Params params;
  ExecOptions options = testing::DemoOptions();
  std::vector<std::string> expected;
};

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) {
    s.pop_back();
  }
  size_t i = s.find_first_not_of(' ');
  return i == std::string::npos ? "" : s.substr(i);
}

Value ParamValue(const std::string& text) {
  bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
  return digits ? Value(static_cast<int64_t>(std::stoll(text))) : Value(text);
}

void ApplyOption(const std::string& name, const std::string& value, ExecOptions* o) {
  if (name == "max_rows") {
    o->max_rows = std::stoul(value);
  } else if (name == "max_depth") {
    o->max_depth = static_cast<uint32_t>(std::stoul(value));
  } else if (name == "max_expansions") {
    o->max_expansions = std::stoull(value);
  } else if (name == "today") {
    o->today = *Date::Parse(value);
  } else {
    ADD_FAILURE() << "unknown option " << name;
  }
}

// Splits "a=x; b=y" into pairs.
std::vector<std::pair<std::string, std::string>> Pairs(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> out;
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ';')) {
    size_t eq = item.find('=');
    if (eq != std::string::npos) {
      out.emplace_back(Trim(item.substr(0, eq)), Trim(item.substr(eq + 1)));
    }
  }
  return out;
}

std::vector<Case> LoadCases() {
  std::vector<Case> cases;
  std::string dir = std::string(ECG_SOURCE_DIR) + "/tests/query/cases";
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".test") {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  for (const std::string& file : files) {
    std::ifstream in(file);
    std::string line;
    int n = 0;
    Case cur;
    bool in_expected = false;
    auto flush = [&]() {
      if (!cur.query.empty()) {
        cases.push_back(cur);
      }
      cur = Case();
      in_expected = false;
    };
    while (std::getline(in, line)) {
      ++n;
      if (!line.empty() && line.back() == '\r') {
        line.pop_back();
      }
      if (line.empty()) {
        flush();
        continue;
      }
      if (line[0] == '#' && !in_expected) {
        continue;
      }
      if (in_expected) {
        cur.expected.push_back(line);
      } else if (line.rfind("query: ", 0) == 0) {
        cur.file = std::filesystem::path(file).filename().string();
        cur.line = n;
        cur.query = line.substr(7);
      } else if (line.rfind("  ", 0) == 0 && !cur.query.empty()) {
        cur.query += "\n" + line.substr(2);
      } else if (line.rfind("params: ", 0) == 0) {
        for (const auto& [k, v] : Pairs(line.substr(8))) {
          cur.params[k] = ParamValue(v);
        }
      } else if (line.rfind("options: ", 0) == 0) {
        for (const auto& [k, v] : Pairs(line.substr(9))) {
          ApplyOption(k, v, &cur.options);
        }
      } else if (line == "----") {
        in_expected = true;
      } else {
        ADD_FAILURE() << file << ":" << n << ": cannot read line: " << line;
      }
    }
    flush();
  }
  return cases;
}

std::vector<std::string> Actual(const Engine& engine, const Case& c) {
  Result<Prepared> prepared = engine.Prepare(c.query, c.params);
  if (!prepared.ok()) {
    return {"error: " + prepared.status().message()};
  }
  Result<ResultSet> result = engine.Execute(*prepared, c.options);
  if (!result.ok()) {
    return {"error: " + result.status().message()};
  }
  std::vector<std::string> out;
  auto join = [](const std::vector<std::string>& parts) {
    std::string s;
    for (size_t i = 0; i < parts.size(); ++i) {
      s += (i == 0 ? "" : " | ") + parts[i];
    }
    return s;
  };
  out.push_back(join(result->columns));
  for (const auto& row : result->rows) {
    std::vector<std::string> parts;
    for (const Value& v : row) {
      parts.push_back(v.ToString());
    }
    std::string text = join(parts);
    while (!text.empty() && text.back() == ' ') {
      text.pop_back();
    }
    out.push_back(text);
  }
  for (const std::string& note : result->notices) {
    out.push_back("note: " + note);
  }
  return out;
}

class CasesTest : public ::testing::Test {
 protected:
  // One demo database for all cases: they only read it.
  static void SetUpTestSuite() {
    dir_ = std::make_unique<testutil::TempDir>();
    Result<std::unique_ptr<store::GraphStore>> store = testing::BuildDemoGraph(dir_->Sub("db"));
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }
  static void TearDownTestSuite() {
    store_.reset();
    dir_.reset();
  }
  static std::unique_ptr<testutil::TempDir> dir_;
  static std::unique_ptr<store::GraphStore> store_;
};

std::unique_ptr<testutil::TempDir> CasesTest::dir_;
std::unique_ptr<store::GraphStore> CasesTest::store_;

TEST_F(CasesTest, RunsEveryCaseFile) {
  ASSERT_NE(store_, nullptr);
  Engine engine(*store_, testing::DemoOptions());
  std::vector<Case> cases = LoadCases();
  ASSERT_GT(cases.size(), 20u);
  for (const Case& c : cases) {
    std::vector<std::string> actual = Actual(engine, c);
    std::string want;
    std::string got;
    for (const auto& l : c.expected) {
      want += l + "\n";
    }
    for (const auto& l : actual) {
      got += l + "\n";
    }
    EXPECT_EQ(got, want) << c.file << ":" << c.line << ": " << c.query;
  }
}

}  // namespace
}  // namespace ecg::query
