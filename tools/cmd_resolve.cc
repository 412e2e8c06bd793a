// `ecg resolve explain|merge|split|review`: why list records are one entity,
// and corrections of identity that stay (docs/resolution.md).
#include <algorithm>
#include <iostream>

#include <nlohmann/json.hpp>

#include "tools/commands.h"

#include "resolve/correct.h"
#include "resolve/judgements.h"
#include "resolve/resolve.h"
#include "text/normalizer.h"

namespace ecg::tools {

const text::TextNormalizer* DefaultTextNormalizer();

namespace {

// How strong the evidence of a record's link is, weakest first in review.
struct Evidence {
  int rank;  // 0 weakest
  const char* what;
};

Evidence EvidenceOf(const std::string& how) {
  if (how.starts_with("new entity")) {
    return {5, "created the entity"};
  }
  if (how.starts_with("record id")) {
    return {5, "record id"};
  }
  if (how.starts_with("judged")) {
    return {4, "curated judgement"};
  }
  if (how.starts_with("name core and country")) {
    return {3, "primary name key and country agree"};
  }
  if (how.find(" in this file") != std::string::npos) {
    return {1, "a name shared with a record of the same file"};
  }
  if (how.starts_with("name ")) {
    return {2, "a name equal to one of the entity's names or aliases"};
  }
  return {0, "other"};
}

// An entity named by a natural key ("ent:CN:...", "rec:..."), else by a name
// that exactly one entity bears.
Result<VertexId> FindEntity(const store::ReadView& view, const std::string& ref) {
  ECG_ASSIGN_OR_RETURN(VertexId id, view.FindByKey(VertexKind::kEntity, ref));
  if (id.valid()) {
    return id;
  }
  std::vector<VertexId> hits;
  ECG_RETURN_IF_ERROR(
      view.FindByName(ref, VertexKind::kEntity, [&](VertexId v, std::string_view indexed) {
        const text::TextNormalizer* norm = DefaultTextNormalizer();
        const bool same = norm == nullptr ? indexed == ref
                                          : resolve::CanonicalNameKey(*norm, indexed) ==
                                                resolve::CanonicalNameKey(*norm, ref);
        if (same && std::find(hits.begin(), hits.end(), v) == hits.end()) {
          hits.push_back(v);
        }
        return true;
      }));
  if (hits.size() == 1) {
    return hits.front();
  }
  if (hits.empty()) {
    return Status::NotFound("no entity has the key or the name '" + ref + "'");
  }
  std::string keys;
  for (VertexId v : hits) {
    ECG_ASSIGN_OR_RETURN(store::VertexRecord r, view.GetVertex(v));
    keys += (keys.empty() ? "" : ", ") + r.key;
  }
  return Status::InvalidArgument("'" + ref + "' names " + std::to_string(hits.size()) +
                                 " entities (" + keys + "); give a key");
}

std::string StringOf(const store::ReadView& view, VertexId id, PropertyId p) {
  auto v = view.GetValue(id, p);
  return v.ok() && v->type() == PropertyType::kString ? v->as_string() : std::string();
}

Status Explain(const store::ReadView& view, const std::string& ref, bool json) {
  ECG_ASSIGN_OR_RETURN(VertexId id, FindEntity(view, ref));
  ECG_ASSIGN_OR_RETURN(store::VertexRecord rec, view.GetVertex(id));
  std::vector<store::PropertyStatement> res;
  ECG_RETURN_IF_ERROR(view.GetProperties(id, prop::kResolution, &res));
  std::vector<resolve::RecordOfEntity> records = resolve::RecordsOf(res);
  ECG_ASSIGN_OR_RETURN(resolve::JudgementIndex judgements, resolve::LoadJudgements(view));
  std::vector<std::string> countries;
  ECG_RETURN_IF_ERROR(view.ForEachEdge(
      id, store::Direction::kOut, EdgeType::kLocatedIn, [&](const store::EdgeStatement& e) {
        auto c = view.GetVertex(e.dst);
        if (c.ok() && std::find(countries.begin(), countries.end(), c->key) == countries.end()) {
          countries.push_back(c->key);
        }
        return true;
      }));
  std::sort(countries.begin(), countries.end());
  auto path_of = [&](VertexId source) {
    std::string p = StringOf(view, source, prop::kPath);
    if (p.empty()) {
      auto s = view.GetVertex(source);
      p = s.ok() ? s->key : "";
    }
    return p;
  };
  nlohmann::ordered_json j;
  j["key"] = rec.key;
  j["name"] = StringOf(view, id, prop::kName);
  j["countries"] = countries;
  j["records"] = nlohmann::ordered_json::array();
  for (const auto& r : records) {
    nlohmann::ordered_json jr;
    jr["list"] = r.list;
    jr["record"] = "rec:" + r.id;
    jr["name"] = r.name;
    jr["link"] = r.how;
    jr["evidence"] = EvidenceOf(r.how).what;
    jr["source"] = path_of(r.source);
    nlohmann::ordered_json jj = nlohmann::ordered_json::array();
    if (auto it = judgements.find("rec:" + r.id); it != judgements.end()) {
      for (const auto& g : it->second) {
        jj.push_back({{"judgement", g.same ? "same" : "distinct"},
                      {"other", g.other},
                      {"reason", g.reason}});
      }
    }
    jr["judgements"] = jj;
    j["records"].push_back(jr);
  }
  j["notes"] = nlohmann::ordered_json::array();
  for (const auto& p : res) {
    const std::string& s = p.value.as_string();
    if (s.find(" record ") == std::string::npos || s.starts_with("record ")) {
      j["notes"].push_back(s);
    }
  }
  if (json) {
    std::cout << j.dump(2) << "\n";
    return Status::OK();
  }
  std::cout << "entity " << rec.key << "  '" << j["name"].get<std::string>() << "'";
  if (!countries.empty()) {
    std::cout << "  countries";
    for (const auto& c : countries) {
      std::cout << " " << c;
    }
  }
  std::cout << "\n" << records.size() << " record" << (records.size() == 1 ? "" : "s") << ":\n";
  for (const auto& r : j["records"]) {
    std::cout << "  " << r["list"].get<std::string>() << " " << r["record"].get<std::string>()
              << " '" << r["name"].get<std::string>() << "'  (" << r["source"].get<std::string>()
              << ")\n    link: " << r["link"].get<std::string>()
              << "\n    evidence: " << r["evidence"].get<std::string>() << "\n";
    for (const auto& g : r["judgements"]) {
      std::cout << "    judgement: " << g["judgement"].get<std::string>() << " as "
                << g["other"].get<std::string>() << ": " << g["reason"].get<std::string>() << "\n";
    }
  }
  for (const auto& n : j["notes"]) {
    std::cout << "note: " << n.get<std::string>() << "\n";
  }
  return Status::OK();
}

Status Review(const store::ReadView& view, size_t limit, bool json) {
  struct Cluster {
    int rank;
    std::string key;
    std::string name;
    size_t records;
    std::string weakest;
  };
  std::vector<Cluster> clusters;
  std::vector<VertexId> ids;
  ECG_RETURN_IF_ERROR(view.ScanKind(VertexKind::kEntity, [&](VertexId v) {
    ids.push_back(v);
    return true;
  }));
  for (VertexId v : ids) {
    std::vector<store::PropertyStatement> res;
    ECG_RETURN_IF_ERROR(view.GetProperties(v, prop::kResolution, &res));
    const auto records = resolve::RecordsOf(res);
    if (records.size() < 2) {
      continue;
    }
    Cluster c{99, "", "", records.size(), ""};
    for (const auto& r : records) {
      Evidence e = EvidenceOf(r.how);
      if (e.rank < c.rank) {
        c.rank = e.rank;
        c.weakest = r.list + " rec:" + r.id + " '" + r.name + "': " + r.how;
      }
    }
    ECG_ASSIGN_OR_RETURN(store::VertexRecord rec, view.GetVertex(v));
    c.key = rec.key;
    c.name = StringOf(view, v, prop::kName);
    clusters.push_back(std::move(c));
  }
  std::stable_sort(clusters.begin(), clusters.end(), [](const Cluster& a, const Cluster& b) {
    return a.rank != b.rank ? a.rank < b.rank : a.records > b.records;
  });
  if (clusters.size() > limit) {
    clusters.resize(limit);
  }
  for (const Cluster& c : clusters) {
    if (json) {
      nlohmann::ordered_json j = {
          {"key", c.key}, {"name", c.name}, {"records", c.records}, {"weakest_link", c.weakest}};
      std::cout << j.dump() << "\n";
    } else {
      std::cout << c.key << "  '" << c.name << "'  " << c.records
                << " records\n  weakest link: " << c.weakest << "\n";
    }
  }
  return Status::OK();
}

// Runs a correction in one batch of its own run: the correction, its
// judgements on a source vertex for the command, one commit.
template <typename Fn>
Status Correct(const GlobalOptions& global, const std::string& what, Fn&& fn) {
  ECG_ASSIGN_OR_RETURN(std::unique_ptr<store::GraphStore> store, OpenStore(global, true));
  auto view = store->NewReadView();
  ECG_ASSIGN_OR_RETURN(RunId run, store->BeginRun("resolve " + what));
  ECG_ASSIGN_OR_RETURN(std::unique_ptr<store::Batch> batch, store->NewBatch(run));
  ECG_ASSIGN_OR_RETURN(
      VertexId source,
      batch->Vertex(VertexKind::kSource, "resolve:" + what + ":run" + std::to_string(run.value())));
  ECG_RETURN_IF_ERROR(batch
                          ->SetProperty(source, prop::kFormat, Value("ecg resolve " + what),
                                        Interval::Always(), source)
                          .status());
  ECG_ASSIGN_OR_RETURN(resolve::Correction c, fn(*view, batch.get(), source));
  for (const auto& j : c.judgements) {
    ECG_RETURN_IF_ERROR(batch
                            ->SetProperty(source, prop::kJudgement,
                                          Value(resolve::EncodeJudgement(j)), Interval::Always(),
                                          source)
                            .status());
  }
  ECG_RETURN_IF_ERROR(batch->Commit());
  std::cout << what << ": " << c.key << " now holds the records; moved " << c.properties
            << " properties, " << c.edges << " edges, " << c.keys.size() << " keys (run "
            << run.value() << ")\n";
  return Status::OK();
}

}  // namespace

void RegisterResolve(CLI::App* app, GlobalOptions* global) {
  auto* cmd = app->add_subcommand(
      "resolve", "Explain and correct entity resolution: which records are one entity, and why.");
  cmd->require_subcommand(1);
  struct Args {
    std::string entity, other, record, reason, format = "text";
    size_t limit = 50;
  };
  auto a = std::make_shared<Args>();

  auto* explain = cmd->add_subcommand(
      "explain", "The entity's list records, the evidence of each link, and its judgements.");
  explain
      ->add_option("ENTITY", a->entity, "an entity key (ent:..), a record key (rec:..) or a name")
      ->required();
  explain->add_option("--format", a->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  explain->callback([global, a] {
    auto store = OpenStore(*global, false);
    if (!store.ok()) {
      global->exit_code = Fail(store.status());
      return;
    }
    Status s = Explain(*(*store)->NewReadView(), a->entity, a->format == "json");
    global->exit_code = s.ok() ? kExitOk : Fail(s);
  });

  auto* merge = cmd->add_subcommand(
      "merge", "Merge entity A into entity B (one party), recorded as a judgement.");
  merge->add_option("A", a->entity, "the entity that goes (key, record key or name)")->required();
  merge->add_option("B", a->other, "the entity that stays")->required();
  merge->add_option("--reason", a->reason, "why they are one party (kept in history)")->required();
  merge->callback([global, a] {
    Status s = Correct(*global, "merge",
                       [&](const store::ReadView& view, store::Batch* batch,
                           VertexId source) -> Result<resolve::Correction> {
                         ECG_ASSIGN_OR_RETURN(VertexId from, FindEntity(view, a->entity));
                         ECG_ASSIGN_OR_RETURN(VertexId into, FindEntity(view, a->other));
                         return resolve::MergeEntities(batch, from, into, a->reason, source);
                       });
    global->exit_code = s.ok() ? kExitOk : Fail(s);
  });

  auto* split = cmd->add_subcommand(
      "split", "Move list record RECORD off ENTITY onto an entity of its own (two parties).");
  split->add_option("ENTITY", a->entity, "the entity (key, record key or name)")->required();
  split->add_option("RECORD", a->record, "the record key (rec:..., see `resolve explain`)")
      ->required();
  split->add_option("--reason", a->reason, "why they are two parties (kept in history)")
      ->required();
  split->callback([global, a] {
    const text::TextNormalizer* norm = DefaultTextNormalizer();
    if (norm == nullptr) {
      global->exit_code = Fail(Status::Internal("no text normalizer"));
      return;
    }
    Status s =
        Correct(*global, "split",
                [&](const store::ReadView& view, store::Batch* batch,
                    VertexId source) -> Result<resolve::Correction> {
                  ECG_ASSIGN_OR_RETURN(VertexId entity, FindEntity(view, a->entity));
                  return resolve::SplitRecord(batch, *norm, entity, a->record, a->reason, source);
                });
    global->exit_code = s.ok() ? kExitOk : Fail(s);
  });

  auto* review = cmd->add_subcommand(
      "review", "Entities of several records, least certain link first (what to check by hand).");
  review->add_option("--limit", a->limit, "how many entities")->capture_default_str();
  review->add_option("--format", a->format, "text or json (one object per line)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  review->callback([global, a] {
    auto store = OpenStore(*global, false);
    if (!store.ok()) {
      global->exit_code = Fail(store.status());
      return;
    }
    Status s = Review(*(*store)->NewReadView(), a->limit, a->format == "json");
    global->exit_code = s.ok() ? kExitOk : Fail(s);
  });
}

}  // namespace ecg::tools
