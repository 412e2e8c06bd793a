#include "query/exec/context.h"

#include <algorithm>
#include <cctype>

#include "query/error.h"

namespace ecg::query::exec {

ExecContext::ExecContext(const store::ReadView& view, const store::NameNormalizer& normalizer,
                         const ExecOptions& options, store::TimeFilter filter)
    : view_(view),
      normalizer_(normalizer),
      options_(options),
      filter_(filter),
      deadline_(std::chrono::steady_clock::now() + options.timeout) {}

void ExecContext::set_valid_date(Date day) {
  filter_.as_of = day;
  values_.clear();
  warmed_.clear();
  lists_.clear();
}

Status ExecContext::CheckDeadline() {
  if (options_.interrupt != nullptr && options_.interrupt->load(std::memory_order_relaxed)) {
    return Status::Aborted("query cancelled");
  }
  if (std::chrono::steady_clock::now() > deadline_) {
    return Status::ResourceExhausted("query stopped: timeout (" +
                                     std::to_string(options_.timeout.count()) + " ms) reached");
  }
  return Status::OK();
}

Status ExecContext::Charge(uint64_t n) {
  expansions_ += n;
  if (expansions_ > options_.max_expansions) {
    return Status::ResourceExhausted("query stopped: max_expansions (" +
                                     std::to_string(options_.max_expansions) + ") reached");
  }
  // Reading the clock on every edge would dominate short hops.
  deadline_tick_ += n;
  if (deadline_tick_ >= 4096) {
    deadline_tick_ = 0;
    return CheckDeadline();
  }
  return Status::OK();
}

Status ExecContext::ForEachEdge(VertexId id, store::Direction dir, std::optional<EdgeType> type,
                                const std::function<bool(const store::EdgeStatement&)>& fn) {
  Status inner;
  Status s = view_.ForEachEdge(id, dir, type, [&](const store::EdgeStatement& e) {
    inner = Charge();
    if (!inner.ok()) {
      return false;
    }
    if (!filter_.Visible(e.meta)) {
      return true;
    }
    return fn(e);
  });
  ECG_RETURN_IF_ERROR(s);
  return inner;
}

namespace {

// The value of one property under the filter: the sorted distinct values of a
// multi-valued property, else the visible statement with the latest start.
Value Resolve(const PropertyDef& def, const store::TimeFilter& filter,
              const std::vector<store::PropertyStatement>& stmts, size_t begin, size_t end) {
  if (def.multi) {
    std::vector<std::string> all;
    for (size_t i = begin; i < end; ++i) {
      if (filter.Visible(stmts[i].meta)) {
        all.push_back(stmts[i].value.ToString());
      }
    }
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    return all.empty() ? Value() : Value(std::move(all));
  }
  const store::PropertyStatement* best = nullptr;
  for (size_t i = begin; i < end; ++i) {
    const auto& s = stmts[i];
    if (filter.Visible(s.meta) && (best == nullptr || best->meta.valid.from <= s.meta.valid.from)) {
      best = &s;
    }
  }
  return best != nullptr ? best->value : Value();
}

}  // namespace

Result<Value> ExecContext::Property(VertexId id, const PropertyDef& def) {
  auto key = std::make_pair(id.value(), def.id);
  auto it = values_.find(key);
  if (it != values_.end()) {
    return it->second;
  }
  if (warmed_.count(id.value()) != 0) {
    return Value();  // warmed: the vertex has no such property
  }
  std::vector<store::PropertyStatement> stmts;
  ECG_RETURN_IF_ERROR(view_.GetProperties(id, def.id, &stmts));
  Value out = Resolve(def, filter_, stmts, 0, stmts.size());
  if (values_.size() > 200000) {
    values_.clear();  // bound the cache on huge scans
    warmed_.clear();
  }
  values_.emplace(key, out);
  return out;
}

Status ExecContext::WarmProperties(std::vector<VertexId> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  if (values_.size() + ids.size() * 8 > 200000) {
    values_.clear();
    warmed_.clear();
  }
  std::vector<store::PropertyStatement> stmts;
  for (VertexId id : ids) {
    if (warmed_.count(id.value()) != 0) {
      continue;
    }
    stmts.clear();
    ECG_RETURN_IF_ERROR(view_.GetProperties(id, std::nullopt, &stmts));
    // Statements come grouped by property.
    for (size_t begin = 0; begin < stmts.size();) {
      size_t end = begin;
      while (end < stmts.size() && stmts[end].property == stmts[begin].property) {
        ++end;
      }
      if (const PropertyDef* def = Catalog::Find(stmts[begin].property); def != nullptr) {
        values_[std::make_pair(id.value(), def->id)] = Resolve(*def, filter_, stmts, begin, end);
      }
      begin = end;
    }
    warmed_.insert(id.value());
  }
  return Status::OK();
}

Status ExecContext::AllProperties(VertexId id, std::map<std::string, Value>* out) {
  std::vector<store::PropertyStatement> stmts;
  ECG_RETURN_IF_ERROR(view_.GetProperties(id, std::nullopt, &stmts));
  std::vector<PropertyId> seen;
  for (const auto& s : stmts) {
    if (std::find(seen.begin(), seen.end(), s.property) != seen.end()) {
      continue;
    }
    seen.push_back(s.property);
    const PropertyDef* def = Catalog::Find(s.property);
    if (def == nullptr) {
      continue;
    }
    ECG_ASSIGN_OR_RETURN(Value v, Property(id, *def));
    if (!v.is_null()) {
      (*out)[std::string(def->name)] = std::move(v);
    }
  }
  return Status::OK();
}

Result<store::VertexRecord> ExecContext::Vertex(VertexId id) {
  auto it = vertices_.find(id.value());
  if (it != vertices_.end()) {
    return it->second;
  }
  ECG_ASSIGN_OR_RETURN(store::VertexRecord rec, view_.GetVertex(id));
  if (vertices_.size() > 100000) {
    vertices_.clear();  // bound the cache on huge traversals
  }
  vertices_.emplace(id.value(), rec);
  return rec;
}

Result<std::string> ExecContext::Label(VertexId id) {
  static const PropertyDef* name = Catalog::Find(prop::kName);
  ECG_ASSIGN_OR_RETURN(Value v, Property(id, *name));
  if (!v.is_null()) {
    return v.ToString();
  }
  ECG_ASSIGN_OR_RETURN(store::VertexRecord rec, Vertex(id));
  return rec.key;
}

Result<const std::unordered_set<uint64_t>*> ExecContext::ListIds(const std::string& list) {
  auto it = lists_.find(list);
  if (it != lists_.end()) {
    return &it->second;
  }
  std::unordered_set<uint64_t> ids;
  ECG_ASSIGN_OR_RETURN(VertexId by_key, view_.FindByKey(VertexKind::kList, list));
  if (by_key.valid()) {
    ids.insert(by_key.value());
  }
  ECG_RETURN_IF_ERROR(view_.FindByName(list, VertexKind::kList, [&](VertexId v, std::string_view) {
    ids.insert(v.value());
    return true;
  }));
  if (ids.empty()) {
    // `listed("Entity Lst")` would quietly match nothing: say so, with the
    // nearest list.
    ECG_ASSIGN_OR_RETURN(std::string nearest, NearestLabel(VertexKind::kList, list));
    AddNotice("no list has the key or name '" + list + "'" +
              (nearest.empty() ? "" : " (did you mean '" + nearest + "'?)") +
              "; listed(...) matches nothing");
  }
  return &lists_.emplace(list, std::move(ids)).first->second;
}

Result<std::string> ExecContext::NearestLabel(VertexKind kind, std::string_view text) {
  auto lower = [](std::string_view s) {
    std::string out(s);
    for (char& c : out) {
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
  };
  const std::string want = lower(text);
  const size_t limit = std::max<size_t>(1, want.size() / 3);
  std::string best;
  size_t best_distance = limit + 1;
  std::vector<VertexId> ids;
  ECG_RETURN_IF_ERROR(view_.ScanKind(kind, [&](VertexId id) {
    ids.push_back(id);
    return true;
  }));
  ECG_RETURN_IF_ERROR(Charge(ids.size()));
  for (VertexId id : ids) {
    ECG_ASSIGN_OR_RETURN(store::VertexRecord rec, Vertex(id));
    ECG_ASSIGN_OR_RETURN(std::string label, Label(id));
    for (const std::string& candidate : {rec.key, label}) {
      size_t d = EditDistance(want, lower(candidate));
      if (d < best_distance) {
        best_distance = d;
        best = candidate;
      }
    }
  }
  return best;
}

Result<bool> ExecContext::Listed(VertexId id, const std::optional<std::string>& list) {
  const std::unordered_set<uint64_t>* wanted = nullptr;
  if (list) {
    ECG_ASSIGN_OR_RETURN(wanted, ListIds(*list));
    if (wanted->empty()) {
      return false;
    }
  }
  bool found = false;
  ECG_RETURN_IF_ERROR(ForEachEdge(id, store::Direction::kOut, EdgeType::kListedOn,
                                  [&](const store::EdgeStatement& e) {
                                    found = wanted == nullptr || wanted->count(e.dst.value()) > 0;
                                    return !found;
                                  }));
  return found;
}

}  // namespace ecg::query::exec
