#include "ingest/articles/relink.h"

#include <map>
#include <memory>
#include <set>
#include <utility>

#include "ingest/articles/article_writer.h"
#include "ingest/articles/gazetteer.h"
#include "ingest/articles/linker.h"
#include "schema/catalog.h"

#include "screen/screener.h"

namespace ecg::ingest {
namespace {

// One current, open mentions edge as the article has it now.
struct OldEdge {
  store::EdgeStatement stmt;
  std::string role;
};

std::string StringOf(const Value& v) {
  return v.type() == PropertyType::kString ? v.as_string() : std::string();
}

// What one article's re-linking writes.
struct Plan {
  VertexId article;
  std::string key;
  VertexId source;  // provenance of the article's text
  LinkResult links;
  std::vector<OldEdge> old_edges;
};

}  // namespace

Result<RelinkReport> RelinkArticles(store::GraphStore* store,
                                    const text::TextNormalizer* normalizer,
                                    const RelinkOptions& options) {
  auto view = store->NewReadView();
  std::vector<VertexId> ids;
  if (options.articles.empty()) {
    ECG_RETURN_IF_ERROR(view->ScanKind(VertexKind::kArticle, [&](VertexId id) {
      ids.push_back(id);
      return true;
    }));
  } else {
    for (const std::string& key : options.articles) {
      ECG_ASSIGN_OR_RETURN(VertexId id, view->FindByKey(VertexKind::kArticle, key));
      if (!id.valid()) {
        return Status::InvalidArgument("relink: no article with key '" + key + "'");
      }
      ids.push_back(id);
    }
  }
  ECG_ASSIGN_OR_RETURN(std::unique_ptr<Gazetteer> gazetteer,
                       Gazetteer::FromGraph(*view, normalizer));
  ECG_ASSIGN_OR_RETURN(uint64_t entities, screen::Screener::CountEntities(*view));
  ECG_ASSIGN_OR_RETURN(std::unique_ptr<screen::Screener> screener,
                       screen::Screener::Create(nullptr, normalizer, entities));
  LinkOptions link_options;
  link_options.screener = screener.get();
  link_options.view = view.get();

  RelinkReport report;
  std::vector<Plan> plans;
  std::vector<store::PropertyStatement> props;
  for (VertexId id : ids) {
    Plan plan;
    plan.article = id;
    ECG_ASSIGN_OR_RETURN(store::VertexRecord rec, view->GetVertex(id));
    plan.key = rec.key;
    props.clear();
    ECG_RETURN_IF_ERROR(view->GetProperties(id, prop::kText, &props));
    std::string text;
    for (const store::PropertyStatement& p : props) {
      if (p.meta.current() && p.value.type() == PropertyType::kString) {
        text = p.value.as_string();
        plan.source = p.meta.source;
      }
    }
    plan.links = LinkText(gazetteer.get(), text, link_options);
    ECG_RETURN_IF_ERROR(view->ForEachEdge(
        id, store::Direction::kOut, EdgeType::kMentions, [&](const store::EdgeStatement& e) {
          if (e.meta.current() && e.meta.valid.to == Date::Max()) {
            plan.old_edges.push_back({e, StringOf(e.Get(prop::kRole))});
          }
          return true;
        }));

    // The links (role mention) by offset, before and after.
    std::map<uint32_t, std::pair<VertexId, std::string>> before;
    std::map<uint32_t, std::pair<VertexId, std::string>> after;
    std::set<std::pair<uint64_t, std::string>> new_ids;
    for (const Mention& m : plan.links.mentions) {
      new_ids.emplace(m.vertex.value(), std::to_string(m.offset));
      if (m.role == kRoleMention) {
        after[m.offset] = {m.vertex, m.surface};
      }
    }
    std::set<std::pair<uint64_t, std::string>> old_ids;
    for (const OldEdge& e : plan.old_edges) {
      old_ids.emplace(e.stmt.dst.value(), e.stmt.discriminator);
      const Value& off = e.stmt.Get(prop::kOffset);
      if (e.role == kRoleMention && off.type() == PropertyType::kInt) {
        before[static_cast<uint32_t>(off.as_int())] = {e.stmt.dst,
                                                       StringOf(e.stmt.Get(prop::kSurface))};
      }
    }
    for (const OldEdge& e : plan.old_edges) {
      if (e.role != kRoleMention && !new_ids.count({e.stmt.dst.value(), e.stmt.discriminator})) {
        ++report.candidates_changed;
      }
    }
    for (const Mention& m : plan.links.mentions) {
      if (m.role != kRoleMention && !old_ids.count({m.vertex.value(), std::to_string(m.offset)})) {
        ++report.candidates_changed;
      }
    }
    auto key_of = [&](VertexId v) -> Result<std::string> {
      ECG_ASSIGN_OR_RETURN(store::VertexRecord r, view->GetVertex(v));
      return r.key;
    };
    std::set<uint32_t> offsets;
    for (const auto& [o, _] : before) {
      offsets.insert(o);
    }
    for (const auto& [o, _] : after) {
      offsets.insert(o);
    }
    for (uint32_t o : offsets) {
      auto b = before.find(o);
      auto a = after.find(o);
      LinkChange c;
      c.article = plan.key;
      c.offset = o;
      if (b != before.end() && a != after.end()) {
        if (b->second.first == a->second.first) {
          ++report.unchanged;
          continue;
        }
        c.what = LinkChange::What::kRetargeted;
        c.surface = a->second.second;
        ECG_ASSIGN_OR_RETURN(c.from, key_of(b->second.first));
        ECG_ASSIGN_OR_RETURN(c.to, key_of(a->second.first));
        ++report.retargeted;
      } else if (a != after.end()) {
        c.what = LinkChange::What::kAdded;
        c.surface = a->second.second;
        ECG_ASSIGN_OR_RETURN(c.to, key_of(a->second.first));
        ++report.added;
      } else {
        c.what = LinkChange::What::kRemoved;
        c.surface = b->second.second;
        ECG_ASSIGN_OR_RETURN(c.from, key_of(b->second.first));
        ++report.removed;
      }
      report.changes.push_back(std::move(c));
    }
    plans.push_back(std::move(plan));
  }
  report.articles = plans.size();
  if (options.dry_run) {
    return report;
  }

  // One run, one batch: the whole re-linking commits or nothing does.
  ECG_ASSIGN_OR_RETURN(RunId run, store->BeginRun(options.label));
  ECG_ASSIGN_OR_RETURN(std::unique_ptr<store::Batch> batch, store->NewBatch(run));
  const Date today = Date::Today();
  for (const Plan& plan : plans) {
    std::set<std::pair<uint64_t, std::string>> kept;
    for (const Mention& m : plan.links.mentions) {
      const std::string disc = std::to_string(m.offset);
      kept.emplace(m.vertex.value(), disc);
      ECG_RETURN_IF_ERROR(batch
                              ->PutEdge(EdgeType::kMentions, plan.article, m.vertex,
                                        MentionProperties(m), Interval::Always(), plan.source, disc)
                              .status());
    }
    for (const OldEdge& e : plan.old_edges) {
      if (!kept.count({e.stmt.dst.value(), e.stmt.discriminator})) {
        ECG_RETURN_IF_ERROR(batch->CloseEdge(e.stmt, today));
      }
    }
    ECG_RETURN_IF_ERROR(batch
                            ->SetProperty(plan.article, prop::kUnlinked,
                                          Value(Value::StringList(plan.links.unlinked)),
                                          Interval::Always(), plan.source)
                            .status());
  }
  ECG_RETURN_IF_ERROR(batch->Commit());
  return report;
}

}  // namespace ecg::ingest
