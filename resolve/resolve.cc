#include "resolve/resolve.h"

#include <algorithm>
#include <cctype>

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

// Whether two sets of countries agree: one is unknown (empty) or they share one.
bool Intersect(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) {
    return true;
  }
  for (const std::string& c : a) {
    if (b.count(c) != 0) {
      return true;
    }
  }
  return false;
}

std::string Joined(const std::set<std::string>& countries) {
  std::string out;
  for (const std::string& c : countries) {
    out += (out.empty() ? "" : "/") + c;
  }
  return out;
}

// The class a record type belongs to for the person / organisation /
// vessel / aircraft constraint; "" when unknown.
std::string_view TypeClass(std::string_view type) {
  if (type == "person" || type == "individual") {
    return "person";
  }
  if (type == "vessel" || type == "aircraft") {
    return type;
  }
  if (type.empty() || type == "unknown") {
    return "";
  }
  return "organisation";
}

// A record id without its "~N" repeat suffix (list_util's repeats of one
// stable id in a file).
std::string_view BaseId(std::string_view strong_key) {
  size_t tilde = strong_key.rfind('~');
  if (tilde != std::string_view::npos && tilde + 1 < strong_key.size() &&
      strong_key.find_first_not_of("0123456789", tilde + 1) == std::string_view::npos) {
    return strong_key.substr(0, tilde);
  }
  return strong_key;
}

// Honorific first words of Arabic nicknames (kunya): "Abu Umar", "Umm Ali".
bool IsKunyaWord(std::string_view w) {
  return w == "abu" || w == "abou" || w == "abo" || w == "umm" || w == "um" || w == "ibn" ||
         w == "bin";
}

}  // namespace

std::string WeakNameReason(const text::TextNormalizer& norm, std::string_view name) {
  const text::AnalyzedName a = norm.Analyze(name);
  const std::vector<std::string>& words = a.core_tokens.empty() ? a.tokens : a.core_tokens;
  size_t han = 0;
  size_t latin_letters = 0;
  for (size_t i = 0; i < a.core.size();) {
    const auto c = static_cast<unsigned char>(a.core[i]);
    if (c >= 0xE4 && c <= 0xE9) {  // the BMP CJK unified ideographs
      ++han;
    } else if (std::isalnum(c) != 0) {
      ++latin_letters;
    }
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  }
  if (han > 0 && latin_letters == 0) {
    return han <= 2 ? "two Han characters" : "";
  }
  if (words.size() <= 1) {
    return "one word";
  }
  if (words.size() <= 3 && IsKunyaWord(words.front())) {
    return "nickname";
  }
  if (latin_letters + han < 4) {
    return "short";
  }
  return "";
}

namespace {

// The words of a folded legal form, each spelling of one form as one word:
// "Co." and "Corporation" are "co", "JSC", "AO" and "aktsionernoe
// obshchestvo" are "jsc", and an open, closed or public joint stock company is
// a joint stock company too ("ojsc jsc").
std::set<std::string> LegalFormWords(const text::TextNormalizer& norm, std::string_view name) {
  static const std::pair<std::string_view, std::string_view> kPhrases[] = {
      {"otkrytoe aktsionernoe obshchestvo", "ojsc"},
      {"zakrytoe aktsionernoe obshchestvo", "cjsc"},
      {"publichnoe aktsionernoe obshchestvo", "pjsc"},
      {"aktsionernoe obshchestvo", "jsc"},
      {"open joint stock company", "ojsc"},
      {"closed joint stock company", "cjsc"},
      {"public joint stock company", "pjsc"},
      {"joint stock company", "jsc"},
      {"limited liability company", "llc"},
  };
  static const std::map<std::string_view, std::string_view> kWords = {
      {"company", "co"},       {"corporation", "co"}, {"corp", "co"},  {"limited", "ltd"},
      {"incorporated", "inc"}, {"oao", "ojsc"},       {"zao", "cjsc"}, {"pao", "pjsc"},
      {"ao", "jsc"},           {"ooo", "llc"}};
  std::string form = " " + norm.Analyze(name).legal_form + " ";
  for (auto [phrase, word] : kPhrases) {
    const std::string padded = " " + std::string(phrase) + " ";
    for (size_t at = form.find(padded); at != std::string::npos; at = form.find(padded)) {
      form.replace(at, padded.size(), " " + std::string(word) + " ");
    }
  }
  std::set<std::string> out;
  for (size_t pos = 0; pos < form.size();) {
    size_t end = form.find(' ', pos);
    end = end == std::string::npos ? form.size() : end;
    std::string_view w(form.data() + pos, end - pos);
    pos = end + 1;
    if (w.empty()) {
      continue;
    }
    auto it = kWords.find(w);
    const std::string_view word = it == kWords.end() ? w : it->second;
    out.emplace(word);
    if (word == "ojsc" || word == "cjsc" || word == "pjsc") {
      out.emplace("jsc");
    }
  }
  return out;
}

}  // namespace

bool LegalFormsDisagree(const text::TextNormalizer& norm, std::string_view a, std::string_view b) {
  const std::set<std::string> x = LegalFormWords(norm, a);
  const std::set<std::string> y = LegalFormWords(norm, b);
  if (x.empty() || y.empty()) {
    return false;
  }
  return !std::includes(x.begin(), x.end(), y.begin(), y.end()) &&
         !std::includes(y.begin(), y.end(), x.begin(), x.end());
}

Result<std::string> EntityResolver::StringOf(VertexId id, PropertyId prop,
                                             std::map<VertexId, std::string>* cache) {
  auto it = cache->find(id);
  if (it != cache->end()) {
    return it->second;
  }
  std::vector<store::PropertyStatement> props;
  ECG_RETURN_IF_ERROR(batch_->GetProperties(id, prop, &props));
  std::string value;
  for (const auto& p : props) {
    if (p.meta.valid.is_open() && p.value.type() == PropertyType::kString) {
      value = p.value.as_string();
    }
  }
  (*cache)[id] = value;
  return value;
}

Result<std::string> EntityResolver::PrimaryKeyOf(VertexId id) {
  auto it = primary_key_cache_.find(id);
  if (it != primary_key_cache_.end()) {
    return it->second;
  }
  std::map<VertexId, std::string> names;
  ECG_ASSIGN_OR_RETURN(std::string name, StringOf(id, prop::kName, &names));
  std::string key = CanonicalNameKey(*normalizer_, name);
  primary_key_cache_[id] = key;
  return key;
}

Result<const JudgementIndex*> EntityResolver::Judgements() {
  if (!judgements_) {
    ECG_ASSIGN_OR_RETURN(JudgementIndex index, LoadJudgements(*view_));
    judgements_ = std::move(index);
  }
  return &*judgements_;
}

Result<std::string> EntityResolver::Conflict(VertexId id, const RecordInput& record) {
  if (!record.strong_key.empty()) {
    ECG_ASSIGN_OR_RETURN(const JudgementIndex* judgements, Judgements());
    auto it = judgements->find(std::string(record.strong_key));
    if (it != judgements->end()) {
      for (const Judgement& j : it->second) {
        if (j.same) {
          continue;
        }
        ECG_ASSIGN_OR_RETURN(VertexId holder, batch_->Find(VertexKind::kEntity, j.other));
        if (holder == id) {
          return "judged a different party from " + j.other + " (" + j.reason + ")";
        }
      }
    }
  }
  if (!record.scope.empty()) {
    auto it = claims_.find(id);
    if (it != claims_.end()) {
      const std::string_view mine = BaseId(record.strong_key);
      for (const auto& [scope, rec] : it->second) {
        if (scope == record.scope && (mine.empty() || rec != mine)) {
          return "another record of " + scope + " in this file";
        }
      }
    }
  }
  std::set<std::string> mine_countries;
  if (!record.country.empty()) {
    mine_countries.emplace(record.country);
  }
  if (record.other_countries != nullptr) {
    mine_countries.insert(record.other_countries->begin(), record.other_countries->end());
  }
  if (!mine_countries.empty()) {
    ECG_ASSIGN_OR_RETURN(std::set<std::string> * theirs, CountriesOf(id));
    if (!Intersect(*theirs, mine_countries)) {
      return "country " + Joined(*theirs) + " vs " + Joined(mine_countries);
    }
  }
  std::string_view mine = TypeClass(record.type);
  if (!mine.empty()) {
    ECG_ASSIGN_OR_RETURN(std::string type, StringOf(id, prop::kType, &type_cache_));
    std::string_view theirs = TypeClass(type);
    if (!theirs.empty() && theirs != mine) {
      return std::string(theirs) + " vs " + std::string(mine);
    }
  }
  return std::string();
}

Result<std::set<std::string>*> EntityResolver::CountriesOf(VertexId id) {
  auto it = countries_cache_.find(id);
  if (it != countries_cache_.end()) {
    return &it->second;
  }
  std::set<std::string> countries;
  std::map<VertexId, std::string> unused;
  ECG_ASSIGN_OR_RETURN(std::string country, StringOf(id, prop::kCountry, &unused));
  if (!country.empty()) {
    countries.insert(country);
  }
  std::vector<store::EdgeStatement> edges;
  ECG_RETURN_IF_ERROR(batch_->GetEdges(id, store::Direction::kOut, EdgeType::kLocatedIn, &edges));
  for (const auto& e : edges) {
    ECG_ASSIGN_OR_RETURN(store::VertexRecord v, batch_->GetVertex(e.dst));
    countries.insert(v.key);
  }
  return &(countries_cache_[id] = std::move(countries));
}

Status EntityResolver::RememberCountries(VertexId id, const RecordInput& record) {
  ECG_ASSIGN_OR_RETURN(std::set<std::string> * countries, CountriesOf(id));
  if (!record.country.empty()) {
    countries->emplace(record.country);
  }
  if (record.other_countries != nullptr) {
    countries->insert(record.other_countries->begin(), record.other_countries->end());
  }
  return Status::OK();
}

Status EntityResolver::Remember(VertexId id, std::string_view name, std::string_view country,
                                bool primary) {
  if (!country.empty()) {
    ECG_ASSIGN_OR_RETURN(std::set<std::string> * countries, CountriesOf(id));
    countries->emplace(country);
  }
  std::string key = CanonicalNameKey(*normalizer_, name);
  if (key.empty()) {
    return Status::OK();
  }
  auto& v = pending_[key];
  for (Pending& p : v) {
    if (p.id == id) {
      p.primary = p.primary || primary;
      return Status::OK();
    }
  }
  v.push_back(Pending{id, primary});
  return Status::OK();
}

Result<VertexId> EntityResolver::MatchByNames(const RecordInput& record, std::string* why) {
  VertexId best;
  auto consider = [&](VertexId vid, bool primary_pair, const std::string& weak,
                      const std::string& because) -> Status {
    if (best.valid() && !(vid < best)) {
      return Status::OK();
    }
    if (!weak.empty() && !primary_pair && !record.curated) {
      return Status::OK();
    }
    ECG_ASSIGN_OR_RETURN(std::string conflict, Conflict(vid, record));
    if (conflict.empty()) {
      best = vid;
      *why = because;
    }
    return Status::OK();
  };
  std::vector<std::string_view> names = {record.name};
  if (record.aliases != nullptr) {
    names.insert(names.end(), record.aliases->begin(), record.aliases->end());
  }
  for (size_t i = 0; i < names.size(); ++i) {
    const std::string_view name = names[i];
    const bool primary = i == 0;
    std::string key = CanonicalNameKey(*normalizer_, name);
    if (key.empty()) {
      continue;
    }
    const std::string weak = WeakNameReason(*normalizer_, name);
    auto it = pending_.find(key);
    if (it != pending_.end()) {
      for (const Pending& p : it->second) {
        ECG_RETURN_IF_ERROR(consider(p.id, primary && p.primary, weak,
                                     "'" + std::string(name) + "' (key " + key + ") in this file"));
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
      // Names whose legal forms disagree share only their core: that links a
      // record to the entity whose primary name has that core, never through
      // another name of an entity named otherwise.
      if (LegalFormsDisagree(*normalizer_, name, indexed)) {
        ECG_ASSIGN_OR_RETURN(std::string theirs, PrimaryKeyOf(vid));
        if (theirs != key) {
          continue;
        }
      }
      bool primary_pair = false;
      if (primary && !weak.empty()) {
        ECG_ASSIGN_OR_RETURN(std::string theirs, PrimaryKeyOf(vid));
        primary_pair = theirs == key;
      }
      ECG_RETURN_IF_ERROR(
          consider(vid, primary_pair, weak,
                   "'" + std::string(name) + "' = '" + indexed + "' (key " + key + ")"));
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
  RecordInput record;
  record.name = name;
  record.country = country;
  record.curated = true;
  std::string why;
  return MatchByNames(record, &why);
}

Result<std::string> EntityResolver::FreeKey(const std::string& key, std::string_view strong_key) {
  std::string candidate = key;
  for (int n = 1;; ++n) {
    ECG_ASSIGN_OR_RETURN(VertexId holder, batch_->Find(VertexKind::kEntity, candidate));
    if (!holder.valid()) {
      return candidate;
    }
    candidate = key + "|" + (strong_key.empty() ? std::string() : std::string(strong_key) + "|") +
                std::to_string(n);
  }
}

Result<Resolution> EntityResolver::Resolve(std::string_view strong_key, std::string_view name,
                                           const std::vector<std::string>& aliases,
                                           std::string_view country) {
  RecordInput record;
  record.strong_key = strong_key;
  record.name = name;
  record.aliases = &aliases;
  record.country = country;
  return Resolve(record);
}

Result<Resolution> EntityResolver::Resolve(const RecordInput& record) {
  store::Batch* b = batch_;
  const std::string key = EntityKey(*normalizer_, record.name, record.country);
  if (key.empty()) {
    return Status::InvalidArgument("name without letters or digits: '" + std::string(record.name) +
                                   "'");
  }
  Resolution r;
  if (!record.strong_key.empty()) {
    ECG_ASSIGN_OR_RETURN(r.id, b->Find(VertexKind::kEntity, record.strong_key));
    if (r.id.valid()) {
      r.reason = "record id " + std::string(record.strong_key);
    }
  }
  bool judged = false;
  if (!r.id.valid() && !record.strong_key.empty()) {
    ECG_ASSIGN_OR_RETURN(const JudgementIndex* judgements, Judgements());
    auto it = judgements->find(std::string(record.strong_key));
    if (it != judgements->end()) {
      for (const Judgement& j : it->second) {
        if (!j.same) {
          continue;
        }
        ECG_ASSIGN_OR_RETURN(VertexId holder, b->Find(VertexKind::kEntity, j.other));
        if (holder.valid()) {
          r.id = holder;
          r.merged = true;
          judged = true;
          r.reason = "judged one party with " + j.other + " (" + j.reason + ")";
          break;
        }
      }
    }
  }
  std::string kept_apart;
  if (!r.id.valid()) {
    ECG_ASSIGN_OR_RETURN(VertexId same, b->Find(VertexKind::kEntity, key));
    if (same.valid()) {
      ECG_ASSIGN_OR_RETURN(kept_apart, Conflict(same, record));
      if (kept_apart.empty()) {
        r.id = same;
        r.merged = true;
        r.reason = "name core and country (" + key + ")";
      }
    }
  }
  if (!r.id.valid()) {
    std::string why;
    ECG_ASSIGN_OR_RETURN(r.id, MatchByNames(record, &why));
    if (r.id.valid()) {
      r.merged = true;
      r.reason = "name " + why;
    }
  }
  if (!r.id.valid()) {
    ECG_ASSIGN_OR_RETURN(std::string own_key, FreeKey(key, record.strong_key));
    ECG_ASSIGN_OR_RETURN(r.id, b->Vertex(VertexKind::kEntity, own_key, &r.created));
    r.reason = "new entity (" + own_key + ")";
    if (!kept_apart.empty()) {
      r.reason += "; kept apart from the entity of that name: " + kept_apart;
    }
  }
  if (!record.strong_key.empty()) {
    ECG_ASSIGN_OR_RETURN(VertexId holder, b->Find(VertexKind::kEntity, record.strong_key));
    if (!holder.valid()) {
      ECG_RETURN_IF_ERROR(b->AddKey(r.id, record.strong_key));
    }
  }
  ECG_ASSIGN_OR_RETURN(store::VertexRecord rec, b->GetVertex(r.id));
  r.owner = r.created || rec.key == key;
  // A record joined by a judgement claims nothing for its file: the
  // judgement says which party it is, so it keeps no other record of its list
  // out of that entity.
  if (!record.scope.empty() && !judged) {
    claims_[r.id].emplace_back(std::string(record.scope), std::string(BaseId(record.strong_key)));
  }
  if (r.owner) {
    primary_key_cache_[r.id] = CanonicalNameKey(*normalizer_, record.name);
    if (!record.type.empty()) {
      type_cache_[r.id] = std::string(record.type);
    }
  }
  ECG_RETURN_IF_ERROR(RememberCountries(r.id, record));
  ECG_RETURN_IF_ERROR(Remember(r.id, record.name, record.country, r.owner));
  if (record.aliases != nullptr) {
    for (const auto& a : *record.aliases) {
      ECG_RETURN_IF_ERROR(Remember(r.id, a, record.country));
    }
  }
  return r;
}

}  // namespace ecg::resolve
