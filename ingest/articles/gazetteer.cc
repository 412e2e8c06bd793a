#include "ingest/articles/gazetteer.h"

#include <algorithm>
#include <set>

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include "ingest/util/country_codes.h"
#include "ingest/util/fr_citation.h"
#include "schema/catalog.h"

#include "text/pinyin.h"

namespace ecg::ingest {
namespace {

// Words that name no one on their own (folded forms).
const std::set<std::u32string>& GenericNames() {
  static const std::set<std::u32string> kWords = {
      U"technology",    U"technologies", U"company",    U"group",         U"limited",
      U"corporation",   U"institute",    U"university", U"international", U"electronics",
      U"semiconductor", U"systems",      U"industries", U"holdings",      U"trading",
      U"science",       U"research",     U"the",        U"and",           U"inc",
      U"ltd",           U"co",           U"corp",       U"公司",          U"集团",
      U"科技",          U"技术",         U"有限公司",   U"中心",          U"研究所",
      U"研究院",        U"大学",         U"芯片",       U"国际",          U"电子"};
  return kWords;
}

// Legal-form words removed from the end of a folded name to get its core.
const std::vector<std::u32string>& LegalForms() {
  static const std::vector<std::u32string> kForms = {
      U" co ltd", U" co",   U" ltd", U" limited", U" inc",         U" corp",        U" corporation",
      U" llc",    U" gmbh", U" plc", U" company", U"股份有限公司", U"有限责任公司", U"有限公司"};
  return kForms;
}

std::u32string CoreOf(std::u32string s) {
  bool changed = true;
  while (changed) {
    changed = false;
    for (const std::u32string& f : LegalForms()) {
      if (s.size() > f.size() + 1 && s.compare(s.size() - f.size(), f.size(), f) == 0) {
        s.resize(s.size() - f.size());
        while (!s.empty() && s.back() == U' ') {
          s.pop_back();
        }
        changed = true;
      }
    }
  }
  return s;
}

bool HasAlnum(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  });
}

// Why an entity name is too weak to link without corroboration (see
// GazetteerTarget::needs_evidence), or null.
const char* NeedsEvidence(std::string_view name, const std::u32string& folded, bool ideographic,
                          NameRole role, bool person) {
  const bool one_token = folded.find(U' ') == std::u32string::npos;
  if (person && ideographic && folded.size() <= 2) {
    return "a two-character Han person name";
  }
  if (ideographic || !one_token) {
    return nullptr;
  }
  if (person) {
    return "a one-token person alias";
  }
  if (role == NameRole::kCore && folded.size() <= 5) {
    return "a legal-form core of one short word";
  }
  const bool upper = std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '&';
  });
  if (upper && folded.size() <= 5) {
    return "an acronym";
  }
  return nullptr;
}

}  // namespace

Gazetteer::Gazetteer(const text::TextNormalizer* normalizer) : folder_(normalizer) {
  UErrorCode status = U_ZERO_ERROR;
  word_breaker_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) {
    word_breaker_.reset();
  }
}

Gazetteer::~Gazetteer() = default;

bool Gazetteer::WordBreaks(std::string_view utf8, std::vector<uint32_t>* out) {
  if (word_breaker_ == nullptr) {
    return false;
  }
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
  if (U_FAILURE(status)) {
    return false;
  }
  word_breaker_->setText(ut, status);
  for (int32_t p = word_breaker_->first(); U_SUCCESS(status) && p != icu::BreakIterator::DONE;
       p = word_breaker_->next()) {
    out->push_back(static_cast<uint32_t>(p));  // UTF-8 UText: native indexes are bytes
  }
  utext_close(ut);
  return U_SUCCESS(status);
}

void Gazetteer::AddName(std::string_view name, VertexId vertex, VertexKind kind, NameRole role,
                        std::string_view country, bool person) {
  std::u32string folded = folder_.FoldName(name);
  size_t letters = 0;
  bool ideographic = false;
  for (char32_t c : folded) {
    if (c != U' ' && !(c >= U'0' && c <= U'9')) {
      ++letters;
    }
    ideographic = ideographic || IsIdeograph(c);
  }
  if (folded.size() < 2 || letters == 0) {
    return;
  }
  double confidence = role == NameRole::kName ? 0.95 : role == NameRole::kCore ? 0.85 : 0.9;
  bool weak = (!ideographic && folded.size() <= 2) ||
              (kind == VertexKind::kEntity && GenericNames().count(folded) != 0);
  const char* evidence = kind == VertexKind::kEntity && !weak
                             ? NeedsEvidence(name, folded, ideographic, role, person)
                             : nullptr;
  uint32_t id = automaton_.Add(folded);
  if (id >= targets_.size()) {
    targets_.resize(id + 1);
  }
  for (GazetteerTarget& t : targets_[id]) {
    if (t.vertex == vertex) {
      t.confidence = std::max(t.confidence, confidence);
      if (evidence == nullptr) {
        t.needs_evidence = nullptr;  // some name of the vertex is strong in this form
      }
      return;
    }
  }
  targets_[id].push_back(
      GazetteerTarget{vertex, kind, confidence, weak, std::string(country), evidence, person});
  if (kind == VertexKind::kEntity && !person && !ideographic &&
      (role == NameRole::kName || role == NameRole::kAlias)) {
    AddLatinKey(folded, targets_[id].back());
  }
  if (kind == VertexKind::kEntity && role != NameRole::kCore) {
    std::u32string core = CoreOf(folded);
    if (core.size() != folded.size()) {
      AddName(ToUtf8(core), vertex, kind, NameRole::kCore, country, person);
    }
  }
}

void Gazetteer::AddLatinKey(const std::u32string& folded, const GazetteerTarget& target) {
  std::string key;
  size_t begin = 0;
  while (begin < folded.size()) {
    size_t end = folded.find(U' ', begin);
    if (end == std::u32string::npos) {
      end = folded.size();
    }
    std::u32string word = folded.substr(begin, end - begin);
    if (GenericNames().count(word) != 0) {
      break;
    }
    for (char32_t c : word) {
      if (c < U'a' || c > U'z') {
        return;  // digits, accents, other scripts: no pinyin reads so
      }
      key.push_back(static_cast<char>(c));
    }
    begin = end + 1;
  }
  if (key.size() < 6 || key.size() > 24) {
    return;
  }
  if (syllable_ids_.empty()) {
    // Every customary reading of the CJK Unified Ideographs block.
    for (char32_t c = 0x4E00; c <= 0x9FFF; ++c) {
      std::vector<std::string_view> r = text::PinyinReadings(c);
      if (!r.empty() && syllable_ids_.emplace(std::string(r[0]), syllable_ids_.size() + 1).second) {
        longest_syllable_ = std::max(longest_syllable_, r[0].size());
      }
    }
  }
  // Every split of the key into readings (a-li-ba-ba; xi-an and xian), as
  // paths of the trie; at most 8 syllables, as the linker walks.
  std::vector<std::pair<size_t, uint32_t>> stack = {{0, 0}};  // (key position, node)
  size_t paths = 0;
  while (!stack.empty() && paths < 16) {
    auto [pos, node] = stack.back();
    stack.pop_back();
    if (pos == key.size()) {
      std::vector<GazetteerTarget>& targets = latin_targets_[node];
      if (std::none_of(targets.begin(), targets.end(),
                       [&](const GazetteerTarget& t) { return t.vertex == target.vertex; })) {
        targets.push_back(target);
        targets.back().needs_evidence = nullptr;
      }
      ++paths;
      continue;
    }
    for (size_t len = 1; len <= longest_syllable_ && pos + len <= key.size(); ++len) {
      auto it = syllable_ids_.find(key.substr(pos, len));
      if (it == syllable_ids_.end()) {
        continue;
      }
      const uint64_t edge = (static_cast<uint64_t>(node) << 20) | it->second;
      auto [child, created] = syllable_trie_.emplace(edge, trie_nodes_);
      if (created) {
        ++trie_nodes_;
      }
      stack.emplace_back(pos + len, child->second);
    }
  }
}

uint32_t Gazetteer::Syllable(char32_t c) {
  auto it = cp_syllables_.find(c);
  if (it != cp_syllables_.end()) {
    return it->second;
  }
  uint32_t id = 0;
  if (!syllable_ids_.empty()) {
    std::vector<std::string_view> r = text::PinyinReadings(c);
    if (!r.empty()) {
      auto s = syllable_ids_.find(std::string(r[0]));
      id = s == syllable_ids_.end() ? 0 : s->second;
    }
  }
  cp_syllables_.emplace(c, id);
  return id;
}

uint32_t Gazetteer::NextSyllable(uint32_t node, uint32_t syllable) const {
  auto it = syllable_trie_.find((static_cast<uint64_t>(node) << 20) | syllable);
  return it == syllable_trie_.end() ? 0 : it->second;
}

const std::vector<GazetteerTarget>* Gazetteer::LatinKeyTargets(uint32_t node) const {
  auto it = latin_targets_.find(node);
  return it == latin_targets_.end() ? nullptr : &it->second;
}

void Gazetteer::AddEccn(std::string_view code, VertexId vertex) {
  eccns_.emplace(std::string(code), vertex);
}

void Gazetteer::AddCitation(std::string_view citation, VertexId vertex) {
  if (std::string key = util::FirstFrCitation(citation); !key.empty()) {
    citations_.emplace(std::move(key), vertex);
  }
}

void Gazetteer::Finish() {
  automaton_.Finish();
}

VertexId Gazetteer::FindEccn(std::string_view code, std::string* matched) const {
  std::string c(code);
  while (!c.empty()) {
    auto it = eccns_.find(c);
    if (it != eccns_.end()) {
      if (matched != nullptr) {
        *matched = c;
      }
      return it->second;
    }
    size_t dot = c.rfind('.');
    if (dot == std::string::npos) {
      break;
    }
    c.resize(dot);
  }
  return VertexId();
}

VertexId Gazetteer::FindCitation(std::string_view citation) const {
  auto it = citations_.find(std::string(citation));
  if (it != citations_.end()) {
    return it->second;
  }
  if (view_ != nullptr) {
    // FR documents keep their normalised citation as a further key.
    Result<VertexId> v = view_->FindByKey(VertexKind::kRule, citation);
    if (v.ok()) {
      return *v;
    }
  }
  return VertexId();
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::FromGraph(const store::ReadView& view,
                                                        const text::TextNormalizer* normalizer) {
  auto g = std::make_unique<Gazetteer>(normalizer);
  ECG_RETURN_IF_ERROR(g->AddGraph(view));
  g->Finish();
  return g;
}

Status Gazetteer::AddGraph(const store::ReadView& view) {
  Gazetteer* g = this;
  view_ = &view;
  std::vector<store::PropertyStatement> props;
  for (VertexKind kind : {VertexKind::kEntity, VertexKind::kTechnology, VertexKind::kList,
                          VertexKind::kCountry, VertexKind::kEccn, VertexKind::kRule}) {
    std::vector<VertexId> ids;
    ECG_RETURN_IF_ERROR(view.ScanKind(kind, [&](VertexId id) {
      ids.push_back(id);
      return true;
    }));
    for (VertexId id : ids) {
      props.clear();
      ECG_RETURN_IF_ERROR(view.GetProperties(id, std::nullopt, &props));
      if (kind == VertexKind::kEccn || kind == VertexKind::kRule || kind == VertexKind::kList ||
          kind == VertexKind::kCountry) {
        ECG_ASSIGN_OR_RETURN(store::VertexRecord rec, view.GetVertex(id));
        if (kind == VertexKind::kEccn) {
          g->AddEccn(rec.key, id);
          continue;
        }
        if (kind == VertexKind::kRule) {
          g->AddCitation(rec.key, id);
          for (const auto& p : props) {
            if (p.property == prop::kCitation && p.value.type() == PropertyType::kString) {
              g->AddCitation(p.value.as_string(), id);
            }
          }
          continue;
        }
        g->AddListOrCountry(rec.key, id, kind, props);
        continue;
      }
      std::string country;
      bool person = false;
      for (const auto& p : props) {
        if (p.property == prop::kCountry && p.value.type() == PropertyType::kString) {
          country = p.value.as_string();
        } else if (p.property == prop::kType && p.value.type() == PropertyType::kString) {
          person = p.value.as_string() == "person";
        }
      }
      for (const auto& p : props) {
        if (p.value.type() != PropertyType::kString) {
          continue;
        }
        const std::string& s = p.value.as_string();
        if (p.property == prop::kName) {
          g->AddName(s, id, kind, NameRole::kName, country, person);
        } else if (p.property == prop::kAlias) {
          g->AddName(s, id, kind, NameRole::kAlias, country, person);
        } else if (p.property == prop::kCode && kind == VertexKind::kTechnology && HasAlnum(s) &&
                   s.find('_') == std::string::npos &&
                   std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
          // Product codes such as H100; "EUV_LITHO" is a key, not a name.
          g->AddName(s, id, kind, NameRole::kCode, country);
        }
      }
    }
  }
  return Status::OK();
}

void Gazetteer::AddListOrCountry(const std::string& key, VertexId id, VertexKind kind,
                                 const std::vector<store::PropertyStatement>& props) {
  std::string names;
  for (const auto& p : props) {
    if (p.value.type() != PropertyType::kString ||
        (p.property != prop::kName && p.property != prop::kAlias)) {
      continue;
    }
    AddName(p.value.as_string(), id, kind,
            p.property == prop::kName ? NameRole::kName : NameRole::kAlias,
            kind == VertexKind::kCountry ? key : std::string());
    names += p.value.as_string() + "\n";
  }
  if (kind == VertexKind::kCountry) {
    for (const std::string& name : util::CountryDisplayNames(key)) {
      AddName(name, id, kind, NameRole::kAlias, key);
    }
    return;
  }
  // The Chinese names journalists use for the two lists articles name most.
  bool unreliable =
      key == "UEL" || key == "CN-UEL" || names.find("Unreliable Entity") != std::string::npos;
  bool entity_list = key == "EL" || names.find("\nEntity List\n") != std::string::npos ||
                     names.rfind("Entity List\n", 0) == 0;
  if (unreliable) {
    for (const char* n : {"不可靠实体清单", "不可靠实体名单", "Unreliable Entity List"}) {
      AddName(n, id, kind, NameRole::kAlias);
    }
  } else if (entity_list) {
    for (const char* n : {"实体清单", "实体名单", "Entity List"}) {
      AddName(n, id, kind, NameRole::kAlias);
    }
  }
  if (HasAlnum(key) && key.size() > 2) {
    AddName(key, id, kind, NameRole::kCode);
  }
}

}  // namespace ecg::ingest
