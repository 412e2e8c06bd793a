// The feed compares, per entity, the statements visible after run `since`
// (recorded by then and not yet superseded) with the current ones. Only
// entities with a statement written or superseded after `since` are read
// closely.
#include "exchange/changes.h"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "schema/catalog.h"

namespace ecg::exchange {

std::string_view ChangeKindName(ChangeKind k) {
  switch (k) {
    case ChangeKind::kListed:
      return "listed";
    case ChangeKind::kDelisted:
      return "delisted";
    case ChangeKind::kRevised:
      return "revised";
    case ChangeKind::kRenamed:
      return "renamed";
    case ChangeKind::kMerged:
      return "merged";
    case ChangeKind::kSplit:
      return "split";
  }
  return "?";
}

namespace {

bool VisibleAfter(const store::StatementMeta& m, RunId since) {
  if (!since.valid()) {
    return false;  // before the first run nothing was known
  }
  return m.recorded.value() <= since.value() &&
         (!m.superseded.valid() || m.superseded.value() > since.value());
}

bool Later(RunId r, RunId since) {
  return r.valid() && (!since.valid() || r.value() > since.value());
}

std::string PropName(PropertyId id) {
  const PropertyDef* def = Catalog::Find(id);
  return def != nullptr ? std::string(def->name) : "p" + std::to_string(id);
}

// Folded values of a property's statements, with one display form each.
using Folded = std::map<std::string, std::string>;

class EntityDiff {
 public:
  EntityDiff(const store::ReadView& view, const text::TextNormalizer& normalizer, RunId since)
      : view_(view), normalizer_(normalizer), since_(since) {}

  std::string Fold(const Value& v) const {
    if (v.type() == PropertyType::kString || v.type() == PropertyType::kStringList) {
      return normalizer_.Fold(v.ToString());
    }
    return v.ToString();
  }

  // The path of source `id`, cached.
  std::string SourcePath(VertexId id) {
    auto it = sources_.find(id.value());
    if (it != sources_.end()) {
      return it->second;
    }
    std::string path;
    auto v = view_.GetValue(id, prop::kPath);
    if (v.ok()) {
      path = v->ToString();
    }
    sources_[id.value()] = path;
    return path;
  }

  std::string VertexKey(VertexId id) {
    auto it = keys_.find(id.value());
    if (it != keys_.end()) {
      return it->second;
    }
    auto r = view_.GetVertex(id);
    std::string key = r.ok() ? r->key : "";
    keys_[id.value()] = key;
    return key;
  }

  Status Diff(VertexId id, std::vector<EntityChange>* out) {
    std::vector<store::HistoryEvent> history;
    ECG_RETURN_IF_ERROR(view_.History(id, &history));
    bool touched = false;
    bool existed = false;
    for (const auto& h : history) {
      const auto& m = h.meta();
      touched |= Later(m.recorded, since_) || Later(m.superseded, since_);
      existed |= h.what != store::HistoryEvent::What::kEdgeIn && VisibleAfter(m, since_);
    }
    if (!touched) {
      return Status::OK();
    }
    ECG_ASSIGN_OR_RETURN(store::VertexRecord rec, view_.GetVertex(id));
    ECG_ASSIGN_OR_RETURN(Value name, view_.GetValue(id, prop::kName));
    EntityChange base;
    base.entity = id;
    base.entity_key = rec.key;
    base.name = name.ToString();
    const size_t first = out->size();
    DiffProperties(history, existed, base, out);
    DiffEdges(history, existed, base, out);
    // A resolution statement is a merge only when a record new to the graph
    // joined the entity; one rewritten for a re-spelt record is not.
    bool listed = false;
    for (size_t i = first; i < out->size(); ++i) {
      listed |= (*out)[i].kind == ChangeKind::kListed;
    }
    if (!listed) {
      out->erase(
          std::remove_if(out->begin() + static_cast<std::ptrdiff_t>(first), out->end(),
                         [](const EntityChange& c) { return c.kind == ChangeKind::kMerged; }),
          out->end());
    }
    return Status::OK();
  }

 private:
  void DiffProperties(const std::vector<store::HistoryEvent>& history, bool existed,
                      const EntityChange& base, std::vector<EntityChange>* out) {
    // property -> folded value -> display, before and after; and the run and
    // source of the newest statement that made each current value.
    std::map<PropertyId, Folded> before;
    std::map<PropertyId, Folded> after;
    std::map<PropertyId, std::pair<uint64_t, VertexId>> last;
    for (const auto& h : history) {
      if (!h.property) {
        continue;
      }
      const auto& p = *h.property;
      const std::string folded = Fold(p.value);
      if (VisibleAfter(p.meta, since_)) {
        before[p.property].emplace(folded, p.value.ToString());
      }
      if (p.meta.current()) {
        after[p.property].emplace(folded, p.value.ToString());
      }
      const RunId changed_in =
          Later(p.meta.superseded, since_) ? p.meta.superseded : p.meta.recorded;
      if (Later(changed_in, since_) && changed_in.value() >= last[p.property].first) {
        last[p.property] = {changed_in.value(), p.meta.source};
      }
    }
    if (!existed) {
      return;  // a new entity: its listings say what happened
    }
    std::set<PropertyId> props;
    for (const auto& [p, v] : before) {
      props.insert(p);
    }
    for (const auto& [p, v] : after) {
      props.insert(p);
    }
    for (PropertyId p : props) {
      const Folded& b = before[p];
      const Folded& a = after[p];
      EntityChange c = base;
      for (const auto& [f, display] : b) {
        if (a.count(f) == 0) {
          c.old_values.push_back(display);
        }
      }
      for (const auto& [f, display] : a) {
        if (b.count(f) == 0) {
          c.new_values.push_back(display);
        }
      }
      if (c.old_values.empty() && c.new_values.empty()) {
        continue;
      }
      c.run = last[p].first;
      c.source = last[p].second.valid() ? SourcePath(last[p].second) : "";
      c.field = PropName(p);
      if (p == prop::kResolution) {
        if (c.new_values.empty()) {
          continue;
        }
        c.kind = ChangeKind::kMerged;
        c.old_values.clear();
      } else if (p == prop::kName && !b.empty()) {
        c.kind = ChangeKind::kRenamed;
      } else {
        c.kind = ChangeKind::kRevised;
      }
      out->push_back(std::move(c));
    }
  }

  struct EdgeState {
    std::optional<store::EdgeStatement> before;
    std::optional<store::EdgeStatement> after;
    // The newest statement of the edge (the one that closed or superseded).
    RunId run;
    VertexId source;
  };

  void DiffEdges(const std::vector<store::HistoryEvent>& history, bool existed,
                 const EntityChange& base, std::vector<EntityChange>* out) {
    std::map<std::tuple<uint8_t, uint64_t, std::string>, EdgeState> edges;
    for (const auto& h : history) {
      if (h.what != store::HistoryEvent::What::kEdgeOut || !h.edge) {
        continue;
      }
      const auto& e = *h.edge;
      EdgeState& s = edges[{static_cast<uint8_t>(e.type), e.dst.value(), e.discriminator}];
      if (VisibleAfter(e.meta, since_)) {
        s.before = e;
      }
      if (e.meta.current()) {
        s.after = e;
      }
      if (Later(e.meta.recorded, since_) &&
          (!s.run.valid() || e.meta.recorded.value() >= s.run.value())) {
        s.run = e.meta.recorded;
        s.source = e.meta.source;
      }
    }
    const size_t first = out->size();
    for (auto& [key, s] : edges) {
      if (!s.run.valid()) {
        continue;  // nothing written since
      }
      const store::EdgeStatement& any = s.after ? *s.after : *s.before;
      EntityChange c = base;
      c.run = s.run.value();
      c.source = SourcePath(s.source);
      if (any.type == EdgeType::kListedOn) {
        c.list = VertexKey(any.dst);
        c.record = any.discriminator;
      }
      const std::string edge_name(EdgeTypeName(any.type));
      const bool was_open = s.before && s.before->meta.valid.is_open();
      const bool is_open = s.after && s.after->meta.valid.is_open();
      if (s.after) {
        c.valid_from = s.after->meta.valid.from;
        if (!is_open) {
          c.valid_to = s.after->meta.valid.to;
        }
      }
      if (any.type != EdgeType::kListedOn && !existed) {
        continue;  // a new entity: its listings say what happened
      }
      if (any.type != EdgeType::kListedOn) {
        // Other relations of the entity (owns, affiliated_with, located_in)
        // are revisions of it: the neighbour added or removed.
        if ((s.before != std::nullopt) == (s.after != std::nullopt) && was_open == is_open &&
            SameProps(*s.before, *s.after)) {
          continue;
        }
        c.kind = ChangeKind::kRevised;
        c.field = edge_name;
        if (s.before && was_open) {
          c.old_values.push_back(VertexKey(any.dst));
        }
        if (s.after && is_open) {
          c.new_values.push_back(VertexKey(any.dst));
        }
        if (c.old_values == c.new_values) {
          c.old_values.clear();
          c.new_values.clear();
          RevisedProps(*s.before, *s.after, edge_name, c, out);
          continue;
        }
        out->push_back(std::move(c));
        continue;
      }
      if (!s.before && s.after) {
        c.kind = ChangeKind::kListed;
        out->push_back(std::move(c));
      } else if (was_open && !is_open) {
        c.kind = ChangeKind::kDelisted;
        if (!s.after) {
          c.valid_from = s.before->meta.valid.from;
        }
        out->push_back(std::move(c));
      } else if (s.before && s.after) {
        RevisedProps(*s.before, *s.after, "listing", c, out);
      }
    }
    DropRekeyed(first, out);
  }

  // A record whose id changed with a re-spelling of its name shows as one
  // listing gone and one new on the same list, from the same day: that is
  // no change, so both go.
  static void DropRekeyed(size_t first, std::vector<EntityChange>* out) {
    std::vector<bool> drop(out->size(), false);
    for (size_t i = first; i < out->size(); ++i) {
      const EntityChange& gone = (*out)[i];
      if (gone.kind != ChangeKind::kDelisted || drop[i]) {
        continue;
      }
      for (size_t k = first; k < out->size(); ++k) {
        const EntityChange& added = (*out)[k];
        if (!drop[k] && added.kind == ChangeKind::kListed && added.list == gone.list &&
            added.run == gone.run && added.valid_from == gone.valid_from && !added.valid_to) {
          drop[i] = drop[k] = true;
          break;
        }
      }
    }
    size_t w = first;
    for (size_t i = first; i < out->size(); ++i) {
      if (!drop[i]) {
        if (w != i) {
          (*out)[w] = std::move((*out)[i]);
        }
        ++w;
      }
    }
    out->resize(w);
  }

  bool SameProps(const store::EdgeStatement& a, const store::EdgeStatement& b) const {
    return DiffPropLists(a, b).empty();
  }

  // Props whose folded values differ, with the valid interval as "valid_from"
  // / "valid_to": (name, old, new).
  std::vector<std::tuple<std::string, std::string, std::string>> DiffPropLists(
      const store::EdgeStatement& a, const store::EdgeStatement& b) const {
    std::map<std::string, std::pair<std::string, std::string>> old_new;
    for (const auto& [p, v] : a.props) {
      old_new[PropName(p)].first = v.ToString();
    }
    for (const auto& [p, v] : b.props) {
      old_new[PropName(p)].second = v.ToString();
    }
    std::vector<std::tuple<std::string, std::string, std::string>> out;
    for (const auto& [name, ov] : old_new) {
      if (normalizer_.Fold(ov.first) != normalizer_.Fold(ov.second)) {
        out.emplace_back(name, ov.first, ov.second);
      }
    }
    auto date = [](Date d, bool open) { return open ? std::string() : d.ToString(); };
    // The valid interval is reported only when no start_date / end_date
    // property already says the same.
    if (a.meta.valid.from != b.meta.valid.from && old_new.count("start_date") == 0) {
      out.emplace_back("valid_from", date(a.meta.valid.from, a.meta.valid.from == Date::Min()),
                       date(b.meta.valid.from, b.meta.valid.from == Date::Min()));
    }
    if (a.meta.valid.to != b.meta.valid.to && old_new.count("end_date") == 0) {
      out.emplace_back("valid_to", date(a.meta.valid.to, a.meta.valid.is_open()),
                       date(b.meta.valid.to, b.meta.valid.is_open()));
    }
    return out;
  }

  void RevisedProps(const store::EdgeStatement& a, const store::EdgeStatement& b,
                    const std::string& prefix, const EntityChange& base,
                    std::vector<EntityChange>* out) const {
    for (auto& [name, old_value, new_value] : DiffPropLists(a, b)) {
      EntityChange c = base;
      c.kind = ChangeKind::kRevised;
      c.field = prefix + "." + name;
      if (!old_value.empty()) {
        c.old_values.push_back(old_value);
      }
      if (!new_value.empty()) {
        c.new_values.push_back(new_value);
      }
      out->push_back(std::move(c));
    }
  }

  const store::ReadView& view_;
  const text::TextNormalizer& normalizer_;
  RunId since_;
  std::map<uint64_t, std::string> sources_;
  std::map<uint64_t, std::string> keys_;
};

}  // namespace

Status ForEachChange(const store::ReadView& view, const text::TextNormalizer& normalizer,
                     RunId since, const std::function<bool(const EntityChange&)>& fn) {
  EntityDiff diff(view, normalizer, since);
  Status error;
  ECG_RETURN_IF_ERROR(view.ScanKind(VertexKind::kEntity, [&](VertexId id) {
    std::vector<EntityChange> changes;
    error = diff.Diff(id, &changes);
    if (!error.ok()) {
      return false;
    }
    for (const auto& c : changes) {
      if (!fn(c)) {
        return false;
      }
    }
    return true;
  }));
  return error;
}

std::string ChangeToJson(const EntityChange& c) {
  nlohmann::ordered_json j;
  j["run"] = c.run;
  j["change"] = std::string(ChangeKindName(c.kind));
  j["entity"] = c.entity.value();
  j["key"] = c.entity_key;
  j["name"] = c.name;
  if (!c.list.empty()) {
    j["list"] = c.list;
    j["record"] = c.record;
  }
  if (c.valid_from && *c.valid_from != Date::Min()) {
    j["valid_from"] = c.valid_from->ToString();
  }
  if (c.valid_to) {
    j["valid_to"] = c.valid_to->ToString();
  }
  if (!c.field.empty()) {
    j["field"] = c.field;
    j["old"] = c.old_values;
    j["new"] = c.new_values;
  }
  j["source"] = c.source;
  return j.dump();
}

std::string ChangeToText(const EntityChange& c) {
  std::string s = "run " + std::to_string(c.run) + "  " + std::string(ChangeKindName(c.kind)) +
                  "  " + c.name + " [" + std::to_string(c.entity.value()) + "]";
  if (!c.list.empty()) {
    s += (c.kind == ChangeKind::kRevised ? " listing on " : " on ") + c.list;
  }
  if (c.kind == ChangeKind::kListed && c.valid_from && *c.valid_from != Date::Min()) {
    s += " from " + c.valid_from->ToString();
  }
  if (c.kind == ChangeKind::kDelisted && c.valid_to) {
    s += " on " + c.valid_to->ToString();
  }
  auto join = [](const std::vector<std::string>& v) {
    std::string out;
    for (const auto& x : v) {
      out += (out.empty() ? "" : " | ") + x;
    }
    return out.empty() ? std::string("(none)") : out;
  };
  if (!c.field.empty()) {
    s += ": " + c.field + " " + join(c.old_values) + " -> " + join(c.new_values);
  }
  return s;
}

}  // namespace ecg::exchange
