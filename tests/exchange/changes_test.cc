// The change feed on the two dated snapshots of China's sanctions list in
// ../shared/data: it lists exactly the records that differ between the raw
// files, which the test works out from the CSV files itself; and a copy that
// differs only in spelling (case, spacing, punctuation, full-width forms)
// shows no change.
#include "exchange/changes.h"

#include <algorithm>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "ingest/run/ingest_run.h"
#include "store/graph_store.h"
#include "tests/testutil/testutil.h"

#include "text/normalizer.h"

namespace ecg::exchange {
namespace {

using Row = std::map<std::string, std::string>;

std::vector<Row> Rows(const std::string& path) {
  auto rows = testutil::ReadCsv(testutil::ReadFile(path));
  std::vector<Row> out;
  for (size_t i = 1; i < rows.size(); ++i) {
    Row r;
    bool any = false;
    for (size_t k = 0; k < rows[0].size() && k < rows[i].size(); ++k) {
      r[rows[0][k]] = rows[i][k];
      any |= !rows[i][k].empty();
    }
    if (any) {
      out.push_back(std::move(r));
    }
  }
  return out;
}

// The list a row names, as the graph keys lists (docs/ingest.md): the `List`
// column, or the generic countermeasures list.
std::string ListOf(const Row& r) {
  const std::string& l = r.at("List");
  if (l == "UEL") {
    return "CN-UEL";
  }
  if (l == "List of Export Controls") {
    return "CN-ECL";
  }
  if (l == "Export Control Watch List") {
    return "CN-WATCH";
  }
  if (l == "AFSL") {
    return "CN-AFSL";
  }
  if (l.find("Taiwan") != std::string::npos) {
    return "CN-TWI";
  }
  return "CN-CM";
}

// "16.02.23" and "04.04.2025" (day first) as YYYY-MM-DD.
std::string DayFirst(const std::string& s) {
  size_t a = s.find('.');
  size_t b = s.find('.', a + 1);
  if (a == std::string::npos || b == std::string::npos) {
    return s;
  }
  std::string y = s.substr(b + 1);
  if (y.size() == 2) {
    y = "20" + y;
  }
  auto two = [](std::string x) { return x.size() == 1 ? "0" + x : x; };
  return y + "-" + two(s.substr(a + 1, b - a - 1)) + "-" + two(s.substr(0, a));
}

class ChangesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    normalizer_ = text::TextNormalizer::Create().value();
    store::Options options;
    options.normalizer = normalizer_.get();
    store_ = store::GraphStore::Open(dir_.Sub("db"), options).value();
    ingester_ = std::make_unique<ingest::Ingester>(store_.get(), normalizer_.get());
    ingester_->RegisterDefaultHandlers();
  }

  uint64_t Ingest(const std::string& path) {
    ingest::IngestOptions options;
    options.run_date = Date::FromYmd(2026, 9, 1);
    ingest::RunReport report;
    EXPECT_OK(ingester_->IngestFiles({path}, options, &report));
    EXPECT_EQ(report.rejected(), 0u) << report.ToText();
    return report.run;
  }

  std::vector<EntityChange> Feed(uint64_t since) {
    std::vector<EntityChange> out;
    auto view = store_->NewReadView();
    EXPECT_OK(ForEachChange(*view, *normalizer_, RunId(since), [&](const EntityChange& c) {
      out.push_back(c);
      return true;
    }));
    return out;
  }

  std::string Fold(const std::string& s) const { return normalizer_->Fold(s); }

  // The party a row names: its list, folded name and Chinese name.
  std::string Key(const Row& r) const {
    return ListOf(r) + "|" + Fold(r.at("Name")) + "|" + Fold(r.at("Chinese name"));
  }

  // Key + occurrence -> row: the same party twice on one list (two
  // announcements) is two records.
  std::map<std::string, Row> Index(const std::vector<Row>& rows) const {
    std::map<std::string, Row> out;
    std::map<std::string, int> seen;
    for (const Row& r : rows) {
      const std::string k = Key(r);
      out[k + "#" + std::to_string(++seen[k])] = r;
    }
    return out;
  }

  // The fields the graph records about a party and its listing, compared
  // as the feed compares them (folded; dates as days). Topics and the
  // announcing body are not recorded, so a change there is not one.
  bool Differs(const Row& a, const Row& b) const {
    for (const char* f :
         {"Type", "QID", "Alias", "Country", "Summary", "Chinese summary", "Address"}) {
      auto get = [f](const Row& r) { return r.count(f) != 0 ? r.at(f) : std::string(); };
      if (Fold(get(a)) != Fold(get(b))) {
        return true;
      }
    }
    return DayFirst(a.at("Date")) != DayFirst(b.at("Date")) ||
           DayFirst(a.at("End date")) != DayFirst(b.at("End date"));
  }

  // Every folded name and alias an entity has.
  std::set<std::string> NamesOf(VertexId id) {
    std::set<std::string> out;
    auto view = store_->NewReadView();
    std::vector<store::PropertyStatement> props;
    EXPECT_OK(view->GetProperties(id, std::nullopt, &props));
    for (const auto& p : props) {
      if (p.property == prop::kName || p.property == prop::kAlias) {
        out.insert(Fold(p.value.ToString()));
      }
    }
    return out;
  }

  bool Names(const EntityChange& c, const Row& r) {
    auto names = NamesOf(c.entity);
    return names.count(Fold(r.at("Name"))) != 0 ||
           (!r.at("Chinese name").empty() && names.count(Fold(r.at("Chinese name"))) != 0);
  }

  testutil::TempDir dir_;
  std::unique_ptr<text::TextNormalizer> normalizer_;
  std::unique_ptr<store::GraphStore> store_;
  std::unique_ptr<ingest::Ingester> ingester_;
};

TEST_F(ChangesTest, TheFeedOfTwoSnapshotsListsExactlyTheRecordsThatDiffer) {
  const std::string old_path =
      testutil::SharedData("cn_sanctions_opensanctions/sanctions_2026-06-29.csv");
  const std::string new_path =
      testutil::SharedData("cn_sanctions_opensanctions/sanctions_2026-08-07.csv");
  const uint64_t first = Ingest(old_path);
  const uint64_t second = Ingest(new_path);
  const auto before = Index(Rows(old_path));
  const auto after = Index(Rows(new_path));
  std::vector<Row> added, gone, changed;
  for (const auto& [k, r] : after) {
    auto it = before.find(k);
    if (it == before.end()) {
      added.push_back(r);
    } else if (Differs(it->second, r)) {
      changed.push_back(r);
    }
  }
  for (const auto& [k, r] : before) {
    if (after.count(k) == 0) {
      gone.push_back(r);
    }
  }
  // A party gone from a list and one added to it under the same Chinese
  // name is the same party renamed ("Hong Kong Democratic Council" became
  // "... Democracy Council"): a revision of it, not a delisting.
  std::vector<Row> renamed;
  for (auto g = gone.begin(); g != gone.end();) {
    auto a = std::find_if(added.begin(), added.end(), [&](const Row& r) {
      return ListOf(r) == ListOf(*g) && !r.at("Chinese name").empty() &&
             Fold(r.at("Chinese name")) == Fold(g->at("Chinese name"));
    });
    if (a == added.end()) {
      ++g;
      continue;
    }
    renamed.push_back(*a);
    added.erase(a);
    g = gone.erase(g);
  }
  ASSERT_GT(added.size(), 100u);  // the later file holds 280 more rows
  ASSERT_GT(gone.size(), 5u);
  ASSERT_GT(changed.size(), 10u);

  const std::vector<EntityChange> feed = Feed(first);
  std::vector<const EntityChange*> listed, delisted, other;
  for (const auto& c : feed) {
    EXPECT_EQ(c.run, second) << ChangeToText(c);
    (c.kind == ChangeKind::kListed     ? listed
     : c.kind == ChangeKind::kDelisted ? delisted
                                       : other)
        .push_back(&c);
  }
  // Each added row is one listing event on its list and party, and each
  // gone row one delisting; no event is left over.
  auto match = [&](const std::vector<Row>& rows, std::vector<const EntityChange*> events,
                   const char* what) {
    for (const Row& r : rows) {
      auto it = std::find_if(events.begin(), events.end(), [&](const EntityChange* c) {
        return c->list == ListOf(r) && Names(*c, r);
      });
      EXPECT_NE(it, events.end()) << what << " record without its event: " << Key(r);
      if (it != events.end()) {
        events.erase(it);
      }
    }
    for (const EntityChange* c : events) {
      ADD_FAILURE() << what << " event without a record: " << ChangeToText(*c);
    }
  };
  match(added, listed, "listed");
  match(gone, delisted, "delisted");
  // Each changed row shows as a revision of its party, and every other
  // event (revised, renamed, merged) belongs to a party whose record was
  // added, is gone or changed.
  for (const Row& r : renamed) {
    changed.push_back(r);
  }
  for (const Row& r : changed) {
    bool found = std::any_of(other.begin(), other.end(), [&](const EntityChange* c) {
      return (c->kind == ChangeKind::kRevised || c->kind == ChangeKind::kRenamed) && Names(*c, r);
    });
    EXPECT_TRUE(found) << "changed record without a revision: " << Key(r);
  }
  for (const EntityChange* c : other) {
    bool explained = false;
    for (const auto* rows : {&added, &gone, &changed}) {
      explained = explained || std::any_of(rows->begin(), rows->end(),
                                           [&](const Row& r) { return Names(*c, r); });
    }
    EXPECT_TRUE(explained) << "event of no differing record: " << ChangeToText(*c);
  }
}

TEST_F(ChangesTest, ARespelledCopyIsNoChange) {
  const std::string path =
      testutil::SharedData("cn_sanctions_opensanctions/sanctions_2026-06-29.csv");
  const uint64_t first = Ingest(path);
  // Doubled spaces and full-width commas in every name, alias and summary:
  // the same records, spelt otherwise. (Case is left alone: two rows whose
  // names differ only in case are two records.)
  auto rows = testutil::ReadCsv(testutil::ReadFile(path));
  std::string respelled;
  for (size_t i = 0; i < rows.size(); ++i) {
    for (size_t k = 0; k < rows[i].size(); ++k) {
      std::string f = rows[i][k];
      const std::string& column = rows[0][k];
      if (i > 0 && (column == "Name" || column == "Alias" || column == "Summary")) {
        std::string out;
        for (char ch : f) {
          if (ch == ' ') {
            out += "  ";
          } else if (ch == ',') {
            out += "\xEF\xBC\x8C";  // U+FF0C FULLWIDTH COMMA
          } else {
            out += ch;
          }
        }
        f = out;
      }
      std::string quoted = "\"";
      for (char ch : f) {
        quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      }
      respelled += (k == 0 ? "" : ",") + quoted + "\"";
    }
    respelled += "\n";
  }
  const std::string copy = dir_.Sub("sanctions_2026-06-30.csv");
  testutil::WriteFile(copy, respelled);
  Ingest(copy);
  for (const auto& c : Feed(first)) {
    ADD_FAILURE() << "a spelling difference reported: " << ChangeToText(c);
  }
}

TEST_F(ChangesTest, JsonLinesCarryTheChange) {
  const uint64_t first =
      Ingest(testutil::SharedData("cn_sanctions_opensanctions/sanctions_2026-06-29.csv"));
  Ingest(testutil::SharedData("cn_sanctions_opensanctions/sanctions_2026-08-07.csv"));
  bool delisted = false;
  for (const auto& c : Feed(first)) {
    if (c.kind == ChangeKind::kDelisted) {
      std::string j = ChangeToJson(c);
      EXPECT_NE(j.find("\"change\":\"delisted\""), std::string::npos) << j;
      EXPECT_NE(j.find("\"valid_to\":\"2026-08-07\""), std::string::npos) << j;
      // The source is the file the closed listing came from.
      EXPECT_NE(j.find("sanctions_2026-06-29.csv"), std::string::npos) << j;
      delisted = true;
    }
  }
  EXPECT_TRUE(delisted);
}

}  // namespace
}  // namespace ecg::exchange
