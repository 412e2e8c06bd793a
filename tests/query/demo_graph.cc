#include "tests/query/demo_graph.h"

#include <map>

#include "tests/testutil/testutil.h"

namespace ecg::query::testing {
namespace {

Date D(const char* text) {
  return *Date::Parse(text);
}
Interval Since(const char* from) {
  return Interval::Since(D(from));
}
Interval Between(const char* from, const char* to) {
  return Interval{D(from), D(to)};
}

class Writer {
 public:
  Writer(store::Batch* batch, VertexId source) : batch_(batch), source_(source) {}

  Result<VertexId> Vertex(VertexKind kind, const std::string& key, const std::string& name) {
    ECG_ASSIGN_OR_RETURN(VertexId id, batch_->Vertex(kind, key));
    if (!name.empty()) {
      ECG_RETURN_IF_ERROR(Set(id, "name", Value(name), Interval::Always()));
    }
    ids_[key] = id;
    return id;
  }
  Status Set(VertexId id, const char* prop, const Value& v, Interval valid) {
    return batch_->SetProperty(id, testutil::PropId(prop), v, valid, source_).status();
  }
  Status Set(const std::string& key, const char* prop, const Value& v,
             Interval valid = Interval::Always()) {
    return Set(ids_.at(key), prop, v, valid);
  }
  Status Edge(EdgeType type, const std::string& src, const std::string& dst, PropertyList props,
              Interval valid) {
    return batch_->PutEdge(type, ids_.at(src), ids_.at(dst), props, valid, source_).status();
  }
  void Remember(const std::string& key, VertexId id) { ids_[key] = id; }

 private:
  store::Batch* batch_;
  VertexId source_;
  std::map<std::string, VertexId> ids_;
};

PropertyList Pct(double pct) {
  return {{prop::kPct, Value(pct)}};
}

Status FirstRun(store::GraphStore* store) {
  ECG_ASSIGN_OR_RETURN(RunId run, store->BeginRun("demo-1"));
  ECG_ASSIGN_OR_RETURN(std::unique_ptr<store::Batch> batch, store->NewBatch(run));
  ECG_ASSIGN_OR_RETURN(VertexId src, batch->Vertex(VertexKind::kSource, "demo.json"));
  Writer w(batch.get(), src);
  using K = VertexKind;
  ECG_RETURN_IF_ERROR(w.Vertex(K::kList, "bis-entity-list", "Entity List").status());
  ECG_RETURN_IF_ERROR(w.Vertex(K::kList, "mofcom-uel", "Unreliable Entity List").status());
  struct Ent {
    const char* key;
    const char* name;
    const char* country;
  };
  const Ent ents[] = {
      {"huawei", "Huawei Technologies Co., Ltd.", "CN"},
      {"hisilicon", "HiSilicon Technologies Co., Ltd.", "CN"},
      {"smic", "Semiconductor Manufacturing International Corporation", "CN"},
      {"smic-beijing", "SMIC Beijing", "CN"},
      {"jv-a", "Joint Venture A", "HK"},
      {"sub-b", "Subsidiary B", "SG"},
      {"minor-c", "Minor Holding C", "US"},
      {"acme", "ACME Corp", "US"},
  };
  for (const Ent& e : ents) {
    ECG_RETURN_IF_ERROR(w.Vertex(K::kEntity, e.key, e.name).status());
    ECG_RETURN_IF_ERROR(w.Set(e.key, "country", Value(e.country)));
  }
  ECG_RETURN_IF_ERROR(w.Set("huawei", "alias", Value("华为技术有限公司")));
  ECG_RETURN_IF_ERROR(w.Set("huawei", "alias", Value("華為技術有限公司")));
  ECG_RETURN_IF_ERROR(w.Set("hisilicon", "alias", Value("海思半导体")));
  ECG_RETURN_IF_ERROR(w.Set("smic", "alias", Value("SMIC")));
  ECG_RETURN_IF_ERROR(w.Set("smic", "alias", Value("中芯国际")));
  // SMIC Beijing was in Beijing's Yizhuang zone, then re-registered in HK.
  ECG_RETURN_IF_ERROR(w.Set("smic-beijing", "country", Value("HK"), Since("2024-03-01")));

  // Ownership: HiSilicon is wholly owned; Joint Venture A is 30% + 25% owned
  // by two listed entities (55% in the aggregate); Subsidiary B is 60% owned
  // by the joint venture; Minor Holding C only 40%; B owns 1% of Huawei,
  // closing a cycle.
  ECG_RETURN_IF_ERROR(w.Edge(EdgeType::kOwns, "huawei", "hisilicon", Pct(100), Interval::Always()));
  ECG_RETURN_IF_ERROR(w.Edge(EdgeType::kOwns, "huawei", "jv-a", Pct(30), Interval::Always()));
  ECG_RETURN_IF_ERROR(w.Edge(EdgeType::kOwns, "hisilicon", "jv-a", Pct(25), Interval::Always()));
  ECG_RETURN_IF_ERROR(w.Edge(EdgeType::kOwns, "jv-a", "sub-b", Pct(60), Interval::Always()));
  ECG_RETURN_IF_ERROR(w.Edge(EdgeType::kOwns, "huawei", "minor-c", Pct(40), Interval::Always()));
  ECG_RETURN_IF_ERROR(w.Edge(EdgeType::kOwns, "sub-b", "huawei", Pct(1), Interval::Always()));
  ECG_RETURN_IF_ERROR(
      w.Edge(EdgeType::kOwns, "smic", "smic-beijing", Pct(51), Since("2021-01-01")));

  struct RuleDef {
    const char* key;
    const char* title;
    const char* citation;
    const char* effective;
  };
  const RuleDef rules[] = {
      {"2019-10616", "Addition of Entities to the Entity List", "84 FR 22961", "2019-05-16"},
      {"2020-28031", "Addition of Entities to the Entity List", "85 FR 83416", "2020-12-22"},
      {"2022-21658", "Additions to the Entity List", "87 FR 62186", "2022-10-07"},
      {"2024-11934", "Removal of an Entity", "89 FR 46770", "2024-06-01"},
      {"2025-19001", "Expansion of End-User Controls To Cover Affiliates", "90 FR 47201",
       "2025-09-29"},
      {"2025-19846", "One Year Suspension of the Affiliates Rule", "90 FR 50857", "2025-11-10"},
  };
  for (const RuleDef& r : rules) {
    ECG_RETURN_IF_ERROR(w.Vertex(K::kRule, r.key, "").status());
    ECG_RETURN_IF_ERROR(w.Set(r.key, "title", Value(r.title)));
    ECG_RETURN_IF_ERROR(w.Set(r.key, "citation", Value(r.citation)));
    ECG_RETURN_IF_ERROR(w.Set(r.key, "effective_date", Value(D(r.effective))));
  }
  PropertyList policy = {{prop::kLicensePolicy, Value("Presumption of denial")}};
  auto cite = [](const char* c) { return PropertyList{{prop::kCitation, Value(c)}}; };
  ECG_RETURN_IF_ERROR(
      w.Edge(EdgeType::kAdds, "2019-10616", "huawei", cite("84 FR 22961"), Since("2019-05-16")));
  ECG_RETURN_IF_ERROR(
      w.Edge(EdgeType::kAdds, "2019-10616", "hisilicon", cite("84 FR 22961"), Since("2019-05-16")));
  ECG_RETURN_IF_ERROR(
      w.Edge(EdgeType::kAdds, "2020-28031", "smic", cite("85 FR 83416"), Since("2020-12-22")));
  ECG_RETURN_IF_ERROR(w.Edge(EdgeType::kAdds, "2022-21658", "smic-beijing", cite("87 FR 62186"),
                             Since("2022-10-07")));
  ECG_RETURN_IF_ERROR(w.Edge(EdgeType::kRemoves, "2024-11934", "smic-beijing", cite("89 FR 46770"),
                             Since("2024-06-01")));
  ECG_RETURN_IF_ERROR(
      w.Edge(EdgeType::kListedOn, "huawei", "bis-entity-list", policy, Since("2019-05-16")));
  ECG_RETURN_IF_ERROR(
      w.Edge(EdgeType::kListedOn, "hisilicon", "bis-entity-list", policy, Since("2019-05-16")));
  ECG_RETURN_IF_ERROR(
      w.Edge(EdgeType::kListedOn, "smic", "bis-entity-list", {}, Since("2020-12-22")));
  ECG_RETURN_IF_ERROR(w.Edge(EdgeType::kListedOn, "smic-beijing", "bis-entity-list", {},
                             Between("2022-10-07", "2024-06-01")));
  ECG_RETURN_IF_ERROR(w.Edge(EdgeType::kListedOn, "acme", "mofcom-uel", {}, Since("2023-02-16")));
  ECG_RETURN_IF_ERROR(w.Edge(EdgeType::kSuspends, "2025-19846", "2025-19001", {},
                             Between("2025-11-10", "2026-11-10")));

  ECG_RETURN_IF_ERROR(w.Vertex(K::kEccn, "3A090", "").status());
  ECG_RETURN_IF_ERROR(w.Set("3A090", "heading", Value("Integrated circuits")));
  ECG_RETURN_IF_ERROR(w.Edge(EdgeType::kAmends, "2022-21658", "3A090", {}, Since("2022-10-07")));

  ECG_RETURN_IF_ERROR(w.Vertex(K::kArticle, "a1", "").status());
  ECG_RETURN_IF_ERROR(w.Set("a1", "lang", Value("zh")));
  ECG_RETURN_IF_ERROR(w.Set("a1", "title", Value("华为与中芯国际的新进展")));
  ECG_RETURN_IF_ERROR(w.Vertex(K::kArticle, "a2", "").status());
  ECG_RETURN_IF_ERROR(w.Set("a2", "lang", Value("en")));
  ECG_RETURN_IF_ERROR(w.Set("a2", "title", Value("ACME expands")));
  ECG_RETURN_IF_ERROR(w.Edge(EdgeType::kMentions, "a1", "huawei", {}, Since("2024-05-01")));
  ECG_RETURN_IF_ERROR(w.Edge(EdgeType::kMentions, "a1", "smic", {}, Since("2024-05-01")));
  ECG_RETURN_IF_ERROR(w.Edge(EdgeType::kMentions, "a1", "acme", {}, Since("2024-05-01")));
  ECG_RETURN_IF_ERROR(w.Edge(EdgeType::kMentions, "a2", "acme", {}, Since("2024-05-02")));
  return batch->Commit();
}

// A second run: Shanghai Biren, added by a later rule that also amends 3A090.
Status SecondRun(store::GraphStore* store) {
  ECG_ASSIGN_OR_RETURN(RunId run, store->BeginRun("demo-2"));
  ECG_ASSIGN_OR_RETURN(std::unique_ptr<store::Batch> batch, store->NewBatch(run));
  ECG_ASSIGN_OR_RETURN(VertexId src, batch->Vertex(VertexKind::kSource, "demo-2.json"));
  Writer w(batch.get(), src);
  ECG_RETURN_IF_ERROR(
      w.Vertex(VertexKind::kEntity, "biren", "Shanghai Biren Technology Co., Ltd.").status());
  ECG_RETURN_IF_ERROR(w.Set("biren", "country", Value("CN")));
  ECG_RETURN_IF_ERROR(w.Set("biren", "alias", Value("壁仞科技")));
  ECG_RETURN_IF_ERROR(w.Vertex(VertexKind::kRule, "2023-23055", "").status());
  ECG_RETURN_IF_ERROR(w.Set("2023-23055", "citation", Value("88 FR 73424")));
  ECG_ASSIGN_OR_RETURN(VertexId eccn, batch->Find(VertexKind::kEccn, "3A090"));
  ECG_ASSIGN_OR_RETURN(VertexId list, batch->Find(VertexKind::kList, "bis-entity-list"));
  w.Remember("3A090", eccn);
  w.Remember("el", list);
  ECG_RETURN_IF_ERROR(w.Edge(EdgeType::kAmends, "2023-23055", "3A090", {}, Since("2023-10-25")));
  ECG_RETURN_IF_ERROR(w.Edge(EdgeType::kAdds, "2023-23055", "biren", {}, Since("2023-10-17")));
  ECG_RETURN_IF_ERROR(w.Edge(EdgeType::kListedOn, "biren", "el", {}, Since("2023-10-17")));
  return batch->Commit();
}

}  // namespace

Result<std::unique_ptr<store::GraphStore>> BuildDemoGraph(const std::string& path) {
  store::Options options;
  ECG_ASSIGN_OR_RETURN(std::unique_ptr<store::GraphStore> store,
                       store::GraphStore::Open(path, options));
  ECG_RETURN_IF_ERROR(FirstRun(store.get()));
  ECG_RETURN_IF_ERROR(SecondRun(store.get()));
  return store;
}

ExecOptions DemoOptions() {
  ExecOptions options;
  options.today = Date::FromYmd(2025, 6, 1);
  return options;
}

}  // namespace ecg::query::testing
