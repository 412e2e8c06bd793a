#include "resolve/resolve.h"

#include <algorithm>

namespace ecg::resolve {

std::string CanonicalNameKey(const text::TextNormalizer& norm, std::string_view name) {
  text::AnalyzedName a = norm.Analyze(name);
  std::string key;
  if (!a.latin_keys.empty()) {
    key = a.latin_keys.front();
  } else if (!a.core.empty()) {
    key = a.core;
  } else {
    key = a.folded;
  }
  key.erase(std::remove(key.begin(), key.end(), ' '), key.end());
  return key;
}

std::string EntityKey(const text::TextNormalizer& norm, std::string_view name,
                      std::string_view country) {
  std::string key = CanonicalNameKey(norm, name);
  if (key.empty()) {
    return {};
  }
  return "ent:" + std::string(country) + ":" + key;
}

namespace {

// Countries agree unless both are known and differ.
bool CountriesAgree(std::string_view a, std::string_view b) {
  return a.empty() || b.empty() || a == b;
}

}  // namespace

Result<std::string> EntityResolver::CountryOf(VertexId id) {
  auto it = country_cache_.find(id);
  if (it != country_cache_.end()) {
    return it->second;
  }
  std::vector<store::PropertyStatement> props;
  ECG_RETURN_IF_ERROR(batch_->GetProperties(id, prop::kCountry, &props));
  std::string country;
  for (const auto& p : props) {
    if (p.meta.valid.is_open() && p.value.type() == PropertyType::kString) {
      country = p.value.as_string();
    }
  }
  country_cache_[id] = country;
  return country;
}

void EntityResolver::Remember(VertexId id, std::string_view name, std::string_view country) {
  std::string key = CanonicalNameKey(*normalizer_, name);
  if (key.empty()) {
    return;
  }
  auto& v = pending_[key];
  for (const auto& [vid, c] : v) {
    if (vid == id && c == country) {
      return;
    }
  }
  v.emplace_back(id, std::string(country));
  if (!country.empty()) {
    country_cache_[id] = std::string(country);
  }
}

Result<VertexId> EntityResolver::MatchByNames(const std::vector<std::string_view>& names,
                                              std::string_view country, std::string* why) {
  VertexId best;
  for (std::string_view name : names) {
    std::string key = CanonicalNameKey(*normalizer_, name);
    if (key.empty()) {
      continue;
    }
    auto it = pending_.find(key);
    if (it != pending_.end()) {
      for (const auto& [vid, c] : it->second) {
        if (CountriesAgree(c, country) && (!best.valid() || vid < best)) {
          best = vid;
          *why = "name '" + std::string(name) + "' (key " + key + ") in this file";
        }
      }
    }
    std::vector<std::pair<VertexId, std::string>> hits;
    ECG_RETURN_IF_ERROR(
        view_->FindByName(name, VertexKind::kEntity, [&](VertexId id, std::string_view n) {
          hits.emplace_back(id, std::string(n));
          return true;
        }));
    for (const auto& [vid, indexed] : hits) {
      if (best.valid() && !(vid < best)) {
        continue;
      }
      // The index matches on any key (core, pinyin); demand the same
      // canonical key so that a shared generic word is never enough.
      if (CanonicalNameKey(*normalizer_, indexed) != key) {
        continue;
      }
      ECG_ASSIGN_OR_RETURN(std::string c, CountryOf(vid));
      if (CountriesAgree(c, country)) {
        best = vid;
        *why = "name '" + std::string(name) + "' = '" + indexed + "' (key " + key + ")" +
               (c.empty() || country.empty() ? "" : ", country " + c);
      }
    }
  }
  return best;
}

Result<VertexId> EntityResolver::Find(std::string_view strong_key, std::string_view name,
                                      std::string_view country) {
  store::Batch* b = batch_;
  if (!strong_key.empty()) {
    ECG_ASSIGN_OR_RETURN(VertexId id, b->Find(VertexKind::kEntity, strong_key));
    if (id.valid()) {
      return id;
    }
  }
  std::string key = EntityKey(*normalizer_, name, country);
  if (!key.empty()) {
    ECG_ASSIGN_OR_RETURN(VertexId id, b->Find(VertexKind::kEntity, key));
    if (id.valid()) {
      return id;
    }
  }
  std::string why;
  return MatchByNames({name}, country, &why);
}

Result<Resolution> EntityResolver::Resolve(std::string_view strong_key, std::string_view name,
                                           const std::vector<std::string>& aliases,
                                           std::string_view country) {
  store::Batch* b = batch_;
  const std::string key = EntityKey(*normalizer_, name, country);
  if (key.empty()) {
    return Status::InvalidArgument("name without letters or digits: '" + std::string(name) + "'");
  }
  Resolution r;
  if (!strong_key.empty()) {
    ECG_ASSIGN_OR_RETURN(r.id, b->Find(VertexKind::kEntity, strong_key));
    if (r.id.valid()) {
      r.reason = "record id " + std::string(strong_key);
    }
  }
  if (!r.id.valid()) {
    ECG_ASSIGN_OR_RETURN(r.id, b->Find(VertexKind::kEntity, key));
    if (r.id.valid()) {
      r.merged = true;
      r.reason = "name core and country (" + key + ")";
    }
  }
  if (!r.id.valid()) {
    std::vector<std::string_view> names = {name};
    for (const auto& a : aliases) {
      names.push_back(a);
    }
    std::string why;
    ECG_ASSIGN_OR_RETURN(r.id, MatchByNames(names, country, &why));
    if (r.id.valid()) {
      r.merged = true;
      r.reason = "name " + why;
    }
  }
  if (!r.id.valid()) {
    ECG_ASSIGN_OR_RETURN(r.id, b->Vertex(VertexKind::kEntity, key, &r.created));
    r.reason = "new entity (" + key + ")";
  }
  if (!strong_key.empty()) {
    ECG_ASSIGN_OR_RETURN(VertexId holder, b->Find(VertexKind::kEntity, strong_key));
    if (!holder.valid()) {
      ECG_RETURN_IF_ERROR(b->AddKey(r.id, strong_key));
    }
  }
  ECG_ASSIGN_OR_RETURN(store::VertexRecord rec, b->GetVertex(r.id));
  r.owner = r.created || rec.key == key;
  Remember(r.id, name, country);
  for (const auto& a : aliases) {
    Remember(r.id, a, country);
  }
  return r;
}

}  // namespace ecg::resolve
