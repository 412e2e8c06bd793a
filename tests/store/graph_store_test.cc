#include "store/graph_store.h"

#include <gtest/gtest.h>

#include "store/internal/codec.h"
#include "store/key_codec.h"
#include "tests/testutil/testutil.h"

namespace ecg::store {
namespace {

const PropertyId kName = prop::kName;
const PropertyId kAlias = prop::kAlias;
const PropertyId kCountry = prop::kCountry;
const PropertyId kPct = prop::kPct;

Date D(const char* s) {
  return Date::Parse(s).value();
}

class GraphStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { Reopen(); }

  void Reopen() {
    store_.reset();
    Options options;
    auto r = GraphStore::Open(dir_.Sub("db"), options);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    store_ = std::move(r).value();
  }

  // Writes one entity with a name, in its own run; returns its id.
  VertexId AddEntity(const std::string& key, const std::string& name) {
    auto run = store_->BeginRun("test");
    auto batch = store_->NewBatch(*run);
    auto id = (*batch)->Vertex(VertexKind::kEntity, key);
    EXPECT_TRUE(id.ok());
    EXPECT_TRUE(
        (*batch)->SetProperty(*id, kName, Value(name), Interval::Always(), VertexId()).ok());
    EXPECT_TRUE((*batch)->Commit().ok());
    return *id;
  }

  testutil::TempDir dir_;
  std::unique_ptr<GraphStore> store_;
};

TEST_F(GraphStoreTest, VerticesGetStableIdsByNaturalKey) {
  ASSERT_OK_AND_ASSIGN(RunId run, store_->BeginRun("r1"));
  ASSERT_OK_AND_ASSIGN(auto batch, store_->NewBatch(run));
  bool created = false;
  ASSERT_OK_AND_ASSIGN(VertexId a, batch->Vertex(VertexKind::kEntity, "huawei", &created));
  EXPECT_TRUE(created);
  ASSERT_OK_AND_ASSIGN(VertexId again, batch->Vertex(VertexKind::kEntity, "huawei", &created));
  EXPECT_FALSE(created);
  EXPECT_EQ(a, again);
  ASSERT_OK_AND_ASSIGN(VertexId list, batch->Vertex(VertexKind::kList, "huawei"));
  EXPECT_NE(a, list);  // keys are per kind
  ASSERT_OK(batch->AddKey(a, "cn:91440300192203821W"));
  ASSERT_OK_AND_ASSIGN(VertexId zte, batch->Vertex(VertexKind::kEntity, "zte"));
  EXPECT_EQ(batch->AddKey(zte, "cn:91440300192203821W").code(), StatusCode::kAlreadyExists);
  ASSERT_OK(batch->AddKey(list, "cn:91440300192203821W"));  // another kind, another namespace
  ASSERT_OK(batch->Commit());
  auto view = store_->NewReadView();
  ASSERT_OK_AND_ASSIGN(VertexId found, view->FindByKey(VertexKind::kEntity, "huawei"));
  EXPECT_EQ(found, a);
  ASSERT_OK_AND_ASSIGN(VertexId by_alias_key,
                       view->FindByKey(VertexKind::kEntity, "cn:91440300192203821W"));
  EXPECT_EQ(by_alias_key, a);
  ASSERT_OK_AND_ASSIGN(VertexId none, view->FindByKey(VertexKind::kEntity, "nokia"));
  EXPECT_FALSE(none.valid());
  ASSERT_OK_AND_ASSIGN(VertexRecord rec, view->GetVertex(a));
  EXPECT_EQ(rec.kind, VertexKind::kEntity);
  EXPECT_EQ(rec.key, "huawei");
}

TEST_F(GraphStoreTest, ChangeClosesOldIntervalInsteadOfOverwriting) {
  VertexId v = AddEntity("e1", "Old Name Ltd.");
  ASSERT_OK_AND_ASSIGN(RunId run1, store_->BeginRun("country 1"));
  {
    ASSERT_OK_AND_ASSIGN(auto batch, store_->NewBatch(run1));
    ASSERT_OK_AND_ASSIGN(
        auto out,
        batch->SetProperty(v, kCountry, Value("HK"), Interval::Since(D("2019-05-16")), VertexId()));
    EXPECT_EQ(out, WriteOutcome::kCreated);
    ASSERT_OK(batch->Commit());
  }
  ASSERT_OK_AND_ASSIGN(RunId run2, store_->BeginRun("country 2"));
  {
    ASSERT_OK_AND_ASSIGN(auto batch, store_->NewBatch(run2));
    ASSERT_OK_AND_ASSIGN(
        auto same,
        batch->SetProperty(v, kCountry, Value("HK"), Interval::Since(D("2019-05-16")), VertexId()));
    EXPECT_EQ(same, WriteOutcome::kUnchanged);
    ASSERT_OK_AND_ASSIGN(
        auto out,
        batch->SetProperty(v, kCountry, Value("CN"), Interval::Since(D("2021-01-01")), VertexId()));
    EXPECT_EQ(out, WriteOutcome::kChanged);
    ASSERT_OK(batch->Commit());
  }
  // Valid time: before the change HK, after it CN.
  TimeFilter in2020;
  in2020.as_of = D("2020-06-01");
  ASSERT_OK_AND_ASSIGN(Value c2020, store_->NewReadView(in2020)->GetValue(v, kCountry));
  EXPECT_EQ(c2020.ToString(), "HK");
  TimeFilter in2022;
  in2022.as_of = D("2022-06-01");
  ASSERT_OK_AND_ASSIGN(Value c2022, store_->NewReadView(in2022)->GetValue(v, kCountry));
  EXPECT_EQ(c2022.ToString(), "CN");
  TimeFilter before;
  before.as_of = D("2019-01-01");
  ASSERT_OK_AND_ASSIGN(Value none, store_->NewReadView(before)->GetValue(v, kCountry));
  EXPECT_TRUE(none.is_null());
  // Record time: after run1 we believed HK was still valid in 2022.
  TimeFilter known1;
  known1.known_at = run1;
  known1.as_of = D("2022-06-01");
  ASSERT_OK_AND_ASSIGN(Value then, store_->NewReadView(known1)->GetValue(v, kCountry));
  EXPECT_EQ(then.ToString(), "HK");
  // Nothing was overwritten: history keeps the superseded statement too.
  std::vector<HistoryEvent> history;
  ASSERT_OK(store_->NewReadView()->History(v, &history));
  int country_statements = 0;
  int superseded = 0;
  for (const auto& ev : history) {
    if (ev.property && ev.property->property == kCountry) {
      ++country_statements;
      superseded += ev.meta().current() ? 0 : 1;
    }
  }
  EXPECT_EQ(country_statements, 3);  // HK open (superseded), HK closed, CN open
  EXPECT_EQ(superseded, 1);
  for (size_t i = 1; i < history.size(); ++i) {
    EXPECT_LE(history[i - 1].meta().valid.from, history[i].meta().valid.from);
  }
}

TEST_F(GraphStoreTest, EdgesAreMirroredAndFilteredByTime) {
  ASSERT_OK_AND_ASSIGN(RunId run, store_->BeginRun("edges"));
  ASSERT_OK_AND_ASSIGN(auto batch, store_->NewBatch(run));
  ASSERT_OK_AND_ASSIGN(VertexId parent, batch->Vertex(VertexKind::kEntity, "p"));
  ASSERT_OK_AND_ASSIGN(VertexId child, batch->Vertex(VertexKind::kEntity, "c"));
  ASSERT_OK_AND_ASSIGN(VertexId list, batch->Vertex(VertexKind::kList, "EL"));
  ASSERT_OK_AND_ASSIGN(auto o1,
                       batch->PutEdge(EdgeType::kOwns, parent, child, {{kPct, Value(60.0)}},
                                      {D("2020-01-01"), D("2023-01-01")}, VertexId()));
  EXPECT_EQ(o1, WriteOutcome::kCreated);
  ASSERT_OK(batch
                ->PutEdge(EdgeType::kListedOn, parent, list, {}, Interval::Since(D("2019-05-16")),
                          VertexId())
                .status());
  // Wrong endpoint kinds are rejected and poison the batch.
  auto bad = batch->PutEdge(EdgeType::kListedOn, list, parent, {}, Interval::Always(), VertexId());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(batch->Commit().ok());
  // Nothing from the poisoned batch is visible.
  ASSERT_OK_AND_ASSIGN(VertexId missing,
                       store_->NewReadView()->FindByKey(VertexKind::kEntity, "p"));
  EXPECT_FALSE(missing.valid());

  ASSERT_OK_AND_ASSIGN(auto batch2, store_->NewBatch(run));
  ASSERT_OK_AND_ASSIGN(parent, batch2->Vertex(VertexKind::kEntity, "p"));
  ASSERT_OK_AND_ASSIGN(child, batch2->Vertex(VertexKind::kEntity, "c"));
  ASSERT_OK(batch2
                ->PutEdge(EdgeType::kOwns, parent, child, {{kPct, Value(60.0)}},
                          {D("2020-01-01"), D("2023-01-01")}, VertexId())
                .status());
  ASSERT_OK(batch2->Commit());

  auto count = [&](ReadView* view, VertexId v, Direction dir) {
    int n = 0;
    EXPECT_OK(view->ForEachEdge(v, dir, EdgeType::kOwns, [&](const EdgeStatement& e) {
      EXPECT_EQ(e.src, parent);
      EXPECT_EQ(e.dst, child);
      EXPECT_EQ(e.Get(kPct).as_double(), 60.0);
      ++n;
      return true;
    }));
    return n;
  };
  auto all = store_->NewReadView();
  EXPECT_EQ(count(all.get(), parent, Direction::kOut), 1);
  EXPECT_EQ(count(all.get(), child, Direction::kIn), 1);
  EXPECT_EQ(count(all.get(), child, Direction::kOut), 0);
  TimeFilter f;
  f.as_of = D("2023-01-01");  // the interval is half-open
  EXPECT_EQ(count(store_->NewReadView(f).get(), parent, Direction::kOut), 0);
  f.as_of = D("2022-12-31");
  EXPECT_EQ(count(store_->NewReadView(f).get(), child, Direction::kIn), 1);
}

TEST_F(GraphStoreTest, CloseEdgeKeepsHistoryAndKnownAt) {
  ASSERT_OK_AND_ASSIGN(RunId run1, store_->BeginRun("list v1"));
  VertexId e;
  VertexId list;
  {
    ASSERT_OK_AND_ASSIGN(auto batch, store_->NewBatch(run1));
    ASSERT_OK_AND_ASSIGN(e, batch->Vertex(VertexKind::kEntity, "e"));
    ASSERT_OK_AND_ASSIGN(list, batch->Vertex(VertexKind::kList, "UEL"));
    ASSERT_OK(batch
                  ->PutEdge(EdgeType::kListedOn, e, list, {}, Interval::Since(D("2023-02-16")),
                            VertexId())
                  .status());
    ASSERT_OK(batch->Commit());
  }
  ASSERT_OK_AND_ASSIGN(RunId run2, store_->BeginRun("list v2"));
  {
    ASSERT_OK_AND_ASSIGN(auto batch, store_->NewBatch(run2));
    std::vector<EdgeStatement> edges;
    ASSERT_OK(batch->GetEdges(e, Direction::kOut, EdgeType::kListedOn, &edges));
    ASSERT_EQ(edges.size(), 1u);
    EXPECT_EQ(batch->CloseEdge(edges[0], D("2020-01-01")).code(), StatusCode::kInvalidArgument);
  }
  {
    ASSERT_OK_AND_ASSIGN(auto batch, store_->NewBatch(run2));
    std::vector<EdgeStatement> edges;
    ASSERT_OK(batch->GetEdges(e, Direction::kOut, EdgeType::kListedOn, &edges));
    ASSERT_OK(batch->CloseEdge(edges[0], D("2025-06-01")));
    ASSERT_OK(batch->Commit());
  }
  auto listed = [&](TimeFilter f) {
    int n = 0;
    EXPECT_OK(store_->NewReadView(f)->ForEachEdge(e, Direction::kOut, EdgeType::kListedOn,
                                                  [&](const EdgeStatement&) {
                                                    ++n;
                                                    return true;
                                                  }));
    return n;
  };
  TimeFilter today;
  today.as_of = D("2026-01-01");
  EXPECT_EQ(listed(today), 0);
  TimeFilter then = today;
  then.known_at = run1;  // before the removal was recorded
  EXPECT_EQ(listed(then), 1);
  TimeFilter in2024;
  in2024.as_of = D("2024-01-01");
  EXPECT_EQ(listed(in2024), 1);
  auto stats = store_->NewReadView()->ComputeStats();
  ASSERT_TRUE(stats.ok());
  for (const auto& c : stats->edges) {
    if (c.type == EdgeType::kListedOn) {
      EXPECT_EQ(c.open, 0u);
      EXPECT_EQ(c.closed, 1u);
      EXPECT_EQ(c.superseded, 1u);
    }
  }
}

TEST_F(GraphStoreTest, DroppedBatchLeavesNothingAndReopenKeepsEverything) {
  VertexId kept = AddEntity("kept", "Kept Co., Ltd.");
  {
    ASSERT_OK_AND_ASSIGN(RunId run, store_->BeginRun("dropped"));
    ASSERT_OK_AND_ASSIGN(auto batch, store_->NewBatch(run));
    ASSERT_OK(batch->Vertex(VertexKind::kEntity, "dropped").status());
    // The batch sees its own pending write ...
    ASSERT_OK_AND_ASSIGN(VertexId pending, batch->Find(VertexKind::kEntity, "dropped"));
    EXPECT_TRUE(pending.valid());
    // ... but it dies uncommitted.
  }
  Reopen();
  auto view = store_->NewReadView();
  ASSERT_OK_AND_ASSIGN(VertexId dropped, view->FindByKey(VertexKind::kEntity, "dropped"));
  EXPECT_FALSE(dropped.valid());
  ASSERT_OK_AND_ASSIGN(Value name, view->GetValue(kept, kName));
  EXPECT_EQ(name.ToString(), "Kept Co., Ltd.");
  // Ids continue after the reopen instead of reusing the dropped one.
  VertexId next = AddEntity("next", "Next");
  EXPECT_GT(next.value(), kept.value());
  std::vector<std::string> problems;
  ASSERT_OK(store_->Check(&problems));
  EXPECT_TRUE(problems.empty()) << problems.front();
}

TEST_F(GraphStoreTest, NameIndexFindsNamesAndAliases) {
  ASSERT_OK_AND_ASSIGN(RunId run, store_->BeginRun("names"));
  ASSERT_OK_AND_ASSIGN(auto batch, store_->NewBatch(run));
  ASSERT_OK_AND_ASSIGN(VertexId v, batch->Vertex(VertexKind::kEntity, "smic"));
  ASSERT_OK(batch
                ->SetProperty(v, kName,
                              Value("Semiconductor Manufacturing International Corporation"),
                              Interval::Always(), VertexId())
                .status());
  ASSERT_OK(batch->SetProperty(v, kAlias, Value("SMIC"), Interval::Always(), VertexId()).status());
  ASSERT_OK(
      batch->SetProperty(v, kAlias, Value("中芯国际"), Interval::Always(), VertexId()).status());
  ASSERT_OK(batch->Commit());
  auto view = store_->NewReadView();
  for (const char* q :
       {"smic", "SMIC", "semiconductor manufacturing  international, corporation", "中芯国际"}) {
    std::vector<VertexId> hits;
    ASSERT_OK(view->FindByName(q, VertexKind::kEntity, [&](VertexId id, std::string_view) {
      hits.push_back(id);
      return true;
    }));
    ASSERT_EQ(hits.size(), 1u) << q;
    EXPECT_EQ(hits[0], v);
  }
  std::vector<std::string> keys;
  ASSERT_OK(view->ScanNameKeys("semi", [&](std::string_view key, VertexId, std::string_view) {
    keys.emplace_back(key);
    return true;
  }));
  ASSERT_EQ(keys.size(), 1u);
  std::vector<PropertyStatement> aliases;
  ASSERT_OK(view->GetProperties(v, kAlias, &aliases));
  EXPECT_EQ(aliases.size(), 2u);  // multi-valued: both stay open
}

TEST_F(GraphStoreTest, ProvenanceIndexListsStatementsOfASource) {
  ASSERT_OK_AND_ASSIGN(RunId run, store_->BeginRun("prov"));
  ASSERT_OK_AND_ASSIGN(auto batch, store_->NewBatch(run));
  ASSERT_OK_AND_ASSIGN(VertexId src, batch->Vertex(VertexKind::kSource, "sha256:abc"));
  ASSERT_OK_AND_ASSIGN(VertexId e, batch->Vertex(VertexKind::kEntity, "e"));
  ASSERT_OK_AND_ASSIGN(VertexId l, batch->Vertex(VertexKind::kList, "l"));
  ASSERT_OK(batch->SetProperty(e, kName, Value("E"), Interval::Always(), src).status());
  ASSERT_OK(batch->PutEdge(EdgeType::kListedOn, e, l, {}, Interval::Always(), src).status());
  ASSERT_OK(batch->Commit());
  std::vector<PropertyStatement> props;
  std::vector<EdgeStatement> edges;
  ASSERT_OK(store_->NewReadView()->StatementsFrom(src, &props, &edges));
  ASSERT_EQ(props.size(), 1u);
  ASSERT_EQ(edges.size(), 1u);
  EXPECT_EQ(props[0].meta.source, src);
  EXPECT_EQ(edges[0].dst, l);
}

TEST_F(GraphStoreTest, CheckFindsPlantedBrokenMirrorAndDanglingEdge) {
  ASSERT_OK_AND_ASSIGN(RunId run, store_->BeginRun("check"));
  ASSERT_OK_AND_ASSIGN(auto batch, store_->NewBatch(run));
  ASSERT_OK_AND_ASSIGN(VertexId a, batch->Vertex(VertexKind::kEntity, "a"));
  ASSERT_OK_AND_ASSIGN(VertexId b, batch->Vertex(VertexKind::kEntity, "b"));
  ASSERT_OK(
      batch->PutEdge(EdgeType::kOwns, a, b, {{kPct, Value(10.0)}}, Interval::Always(), VertexId())
          .status());
  ASSERT_OK(batch->Commit());
  std::vector<std::string> problems;
  ASSERT_OK(store_->Check(&problems));
  ASSERT_TRUE(problems.empty()) << problems.front();

  // Break the mirror: delete the in-adjacency entry of the edge.
  std::vector<EdgeStatement> edges;
  ASSERT_OK(store_->NewReadView()->ForEachEdge(a, Direction::kOut, std::nullopt,
                                               [&](const EdgeStatement& e) {
                                                 edges.push_back(e);
                                                 return true;
                                               }));
  ASSERT_EQ(edges.size(), 1u);
  ASSERT_OK(store_->TEST_RawDelete(internal::kCfIn,
                                   internal::EdgeKey(b, EdgeType::kOwns, a, edges[0].meta.id)));
  // Plant a dangling edge to a vertex that does not exist.
  StatementMeta meta;
  meta.recorded = run;
  std::string value = internal::EdgeValue(meta, "", {});
  ASSERT_OK(store_->TEST_RawPut(
      internal::kCfOut, internal::EdgeKey(a, EdgeType::kOwns, VertexId(999), StatementId(999)),
      value));
  ASSERT_OK(store_->TEST_RawPut(
      internal::kCfIn, internal::EdgeKey(VertexId(999), EdgeType::kOwns, a, StatementId(999)),
      value));
  problems.clear();
  ASSERT_OK(store_->Check(&problems));
  std::string all;
  for (const auto& p : problems) {
    all += p + "\n";
  }
  EXPECT_NE(all.find("missing its in-adjacency mirror"), std::string::npos) << all;
  EXPECT_NE(all.find("dangling, target vertex 999 does not exist"), std::string::npos) << all;
  EXPECT_EQ(problems.size(), 2u) << all;
}

TEST(GraphStoreOpenTest, SecondWriterIsBusyReaderIsNot) {
  testutil::TempDir dir;
  ASSERT_OK_AND_ASSIGN(auto writer, GraphStore::Open(dir.Sub("db"), Options()));
  ASSERT_OK_AND_ASSIGN(RunId run, writer->BeginRun("w"));
  ASSERT_OK_AND_ASSIGN(auto batch, writer->NewBatch(run));
  ASSERT_OK(batch->Vertex(VertexKind::kEntity, "x").status());
  ASSERT_OK(batch->Commit());
  ASSERT_OK(writer->Flush());
  auto second = GraphStore::Open(dir.Sub("db"), Options());
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), StatusCode::kBusy);
  EXPECT_NE(second.status().message().find("in use"), std::string::npos);
  Options ro;
  ro.read_only = true;
  ASSERT_OK_AND_ASSIGN(auto reader, GraphStore::Open(dir.Sub("db"), ro));
  ASSERT_OK_AND_ASSIGN(VertexId x, reader->NewReadView()->FindByKey(VertexKind::kEntity, "x"));
  EXPECT_TRUE(x.valid());
  EXPECT_EQ(reader->BeginRun("no").status().code(), StatusCode::kNotSupported);
  // A reader's snapshot stays consistent while the writer commits.
  auto view = reader->NewReadView();
  ASSERT_OK_AND_ASSIGN(auto batch2, writer->NewBatch(run));
  ASSERT_OK(batch2->Vertex(VertexKind::kEntity, "y").status());
  ASSERT_OK(batch2->Commit());
  ASSERT_OK_AND_ASSIGN(VertexId y, view->FindByKey(VertexKind::kEntity, "y"));
  EXPECT_FALSE(y.valid());
}

TEST(GraphStoreOpenTest, RejectsNewerFormatVersion) {
  testutil::TempDir dir;
  {
    ASSERT_OK_AND_ASSIGN(auto store, GraphStore::Open(dir.Sub("db"), Options()));
    std::string v;
    PutFixed32(&v, kFormatVersion + 1);
    ASSERT_OK(store->TEST_RawPut("default", internal::kMetaFormat, v));
  }
  auto again = GraphStore::Open(dir.Sub("db"), Options());
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kNotSupported);
  EXPECT_NE(again.status().message().find("newer"), std::string::npos) << again.status().message();
}

TEST(GraphStoreOpenTest, MissingDatabaseIsNotFoundForReaders) {
  testutil::TempDir dir;
  Options ro;
  ro.read_only = true;
  auto r = GraphStore::Open(dir.Sub("nothing"), ro);
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

TEST(GraphStoreOpenTest, InMemoryStoreWorks) {
  Options mem;
  mem.in_memory = true;
  ASSERT_OK_AND_ASSIGN(auto store, GraphStore::Open("/mem/db", mem));
  ASSERT_OK_AND_ASSIGN(RunId run, store->BeginRun("m"));
  ASSERT_OK_AND_ASSIGN(auto batch, store->NewBatch(run));
  ASSERT_OK(batch->Vertex(VertexKind::kCountry, "CN").status());
  ASSERT_OK(batch->Commit());
  ASSERT_OK_AND_ASSIGN(VertexId cn, store->NewReadView()->FindByKey(VertexKind::kCountry, "CN"));
  EXPECT_TRUE(cn.valid());
}

}  // namespace
}  // namespace ecg::store
