// Screener: validation, candidate generation from the gram index, scoring.
// Lists and ownership are in enrich.cc.
#include "screen/screener.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>
#include <utility>

#include "schema/catalog.h"

namespace ecg::screen {
namespace {

// Postings read per gram before the gram counts as too common to generate
// candidates (it still weighs in scoring, through its frequency).
constexpr size_t kTokenCap = 2000;
constexpr size_t kTrigramCap = 400;
// A second pass reads the skipped grams this far when too few candidates came.
constexpr size_t kRetryCap = 20000;
constexpr size_t kMinCandidates = 5;
// Postings read when looking for the indexed words near an unknown word.
constexpr size_t kNearWordCap = 5000;
// Candidates verified against their names, best gram evidence first.
constexpr size_t kMaxVerified = 40;
// For a Han name with an English gloss: its generic words (china, industry,
// group) are shared by many Latin names, so more candidates are verified.
constexpr size_t kMaxVerifiedGloss = 200;
// Bounds of the caches.
constexpr size_t kMaxCachedWeights = 500000;
constexpr size_t kMaxCachedEntities = 200000;
// Score added for a key hit in the names index (always verified).
constexpr double kNameKeyBonus = 1000;

std::string StringValue(const Value& v) {
  return v.type() == PropertyType::kString ? v.as_string() : "";
}

}  // namespace

std::string Utf8Error(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t len = 0;
    uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return "invalid UTF-8 at byte " + std::to_string(i);
    }
    if (i + len > s.size()) {
      return "truncated UTF-8 sequence at byte " + std::to_string(i);
    }
    for (size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) {
        return "invalid UTF-8 at byte " + std::to_string(i + k);
      }
      cp = (cp << 6) | (cc & 0x3F);
    }
    const bool overlong =
        (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return "invalid UTF-8 at byte " + std::to_string(i);
    }
    i += len;
  }
  return "";
}

Screener::Screener(const store::GraphStore* store, const text::TextNormalizer* normalizer,
                   uint64_t entities)
    : store_(store), normalizer_(normalizer), entities_(entities) {}

Result<std::unique_ptr<Screener>> Screener::Create(const store::GraphStore* store,
                                                   const text::TextNormalizer* normalizer) {
  if (store == nullptr || normalizer == nullptr) {
    return Status::InvalidArgument("screener: store and normalizer are required");
  }
  ECG_ASSIGN_OR_RETURN(uint64_t n, CountEntities(*store->NewReadView()));
  return Create(store, normalizer, n);
}

Result<std::unique_ptr<Screener>> Screener::Create(const store::GraphStore* store,
                                                   const text::TextNormalizer* normalizer,
                                                   uint64_t entities) {
  if (normalizer == nullptr) {
    return Status::InvalidArgument("screener: a normalizer is required");
  }
  return std::unique_ptr<Screener>(
      new Screener(store, normalizer, std::max<uint64_t>(entities, 1)));
}

Result<uint64_t> Screener::CountEntities(const store::ReadView& view) {
  uint64_t n = 0;
  ECG_RETURN_IF_ERROR(view.ScanKind(VertexKind::kEntity, [&](VertexId) {
    ++n;
    return true;
  }));
  return n;
}

double Screener::WeightOf(const std::string& word, const store::ReadView& view) {
  auto it = weights_.find(word);
  if (it != weights_.end()) {
    return it->second;
  }
  size_t df = 0;
  Status s = view.ScanGrams("t:" + word, false, [&](std::string_view, VertexKind kind, VertexId) {
    df += kind == VertexKind::kEntity ? 1 : 0;
    return df < kTokenCap;
  });
  if (!s.ok()) {
    df = kTokenCap;  // unreadable: weigh it like a common word
  }
  const double w = std::log(1.0 + static_cast<double>(entities_) / static_cast<double>(df + 1));
  if (weights_.size() >= kMaxCachedWeights) {
    weights_.clear();
  }
  weights_.emplace(word, w);
  return w;
}

Status Screener::Generate(const text::NameForm& query, std::string_view raw,
                          const store::ReadView& view, size_t verify, std::vector<VertexId>* out) {
  std::unordered_map<uint64_t, double> evidence;
  ECG_RETURN_IF_ERROR(view.FindByName(raw, VertexKind::kEntity, [&](VertexId id, std::string_view) {
    evidence[id.value()] += kNameKeyBonus;
    return evidence.size() < verify;
  }));
  const std::vector<std::string> grams = text::TextNormalizer::GramKeysOf(query.analyzed);
  std::vector<const std::string*> skipped;
  std::vector<uint64_t> hits;
  auto read = [&](const std::string& gram, size_t cap) -> Result<bool> {
    hits.clear();
    const bool normal_cap = cap == kTokenCap || cap == kTrigramCap;
    if (normal_cap && common_.count(gram) > 0) {
      return false;  // known to be too common: no need to read it again
    }
    size_t n = 0;
    ECG_RETURN_IF_ERROR(
        view.ScanGrams(gram, false, [&](std::string_view, VertexKind kind, VertexId id) {
          if (kind == VertexKind::kEntity) {
            hits.push_back(id.value());
          }
          return ++n <= cap;
        }));
    stats_.postings_read += n;
    if (n > cap) {
      if (normal_cap) {
        if (common_.size() >= kMaxCachedWeights) {
          common_.clear();
        }
        common_.insert(gram);
      }
      return false;
    }
    const bool token = gram[0] == 't';
    const double idf =
        std::log(1.0 + static_cast<double>(entities_) / static_cast<double>(hits.size() + 1));
    if (token && gram.size() > 2 && weights_.size() < kMaxCachedWeights) {
      weights_.emplace(gram.substr(2), idf);
    }
    for (uint64_t id : hits) {
      evidence[id] += (token ? 3.0 : 1.0) * idf;
    }
    return true;
  };
  // Words first (GramKeysOf lists them before the trigrams). When every word
  // is known and some name has them all, trigrams add nothing: skip them.
  double word_total = 0;
  bool unknown_word = false;
  bool trigrams = false;
  for (const std::string& gram : grams) {
    const bool token = gram[0] == 't';
    if (!token && !trigrams) {
      trigrams = true;
      const bool complete =
          !unknown_word && std::any_of(evidence.begin(), evidence.end(), [&](const auto& e) {
            return e.second >= word_total * 0.999;
          });
      if (complete && word_total > 0) {
        break;
      }
    }
    ECG_ASSIGN_OR_RETURN(bool used, read(gram, token ? kTokenCap : kTrigramCap));
    if (!used) {
      ++stats_.grams_skipped;
      skipped.push_back(&gram);
      unknown_word = unknown_word || token;  // too common to prove anything
    } else if (token && hits.empty()) {
      unknown_word = true;
      ECG_RETURN_IF_ERROR(NearWords(gram.substr(2), view, &evidence));
    } else if (token) {
      word_total += 3.0 * std::log(1.0 + static_cast<double>(entities_) /
                                             static_cast<double>(hits.size() + 1));
    }
  }
  // A Han name may translate a Latin one: the words of its English gloss
  // (text/translate.h) nominate the Latin names too; a name word no Latin name
  // spells exactly is looked up within an edit (哈尔滨 "haerbin", "Harbin").
  std::unordered_set<std::string> asked;
  if (!query.gloss.empty()) {
    asked.insert(grams.begin(), grams.end());
  }
  for (const text::GlossSlot& slot : query.gloss) {
    for (const std::string& word : slot.index_words) {
      std::string gram = "t:" + word;
      if (!asked.insert(gram).second) {
        continue;
      }
      ECG_ASSIGN_OR_RETURN(bool used, read(gram, kTokenCap));
      if (used && hits.empty() && slot.name) {
        ECG_RETURN_IF_ERROR(NearWords(word, view, &evidence));
      }
    }
  }
  if (evidence.size() < kMinCandidates) {
    for (const std::string* gram : skipped) {
      ECG_RETURN_IF_ERROR(read(*gram, kRetryCap).status());
    }
  }
  std::vector<std::pair<double, uint64_t>> ranked;
  ranked.reserve(evidence.size());
  for (const auto& [id, score] : evidence) {
    ranked.emplace_back(score, id);
  }
  const size_t keep = std::min(verify, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep),
                    ranked.end(), [](const auto& a, const auto& b) {
                      return a.first != b.first ? a.first > b.first : a.second < b.second;
                    });
  for (size_t i = 0; i < keep; ++i) {
    out->push_back(VertexId(ranked[i].second));
  }
  return Status::OK();
}

Status Screener::NearWords(const std::string& word, const store::ReadView& view,
                           std::unordered_map<uint64_t, double>* evidence) {
  // A word no name has is likely misspelt: find the indexed words within one
  // or two edits that share its first two letters (one prefix scan).
  const bool ascii = std::all_of(word.begin(), word.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
  });
  if (!ascii || word.size() < 5) {
    return Status::OK();
  }
  const size_t allowed = word.size() >= 9 ? 2 : 1;
  std::string last;
  bool near = false;
  size_t n = 0;
  const double w = 3.0 * 0.85 * std::log(1.0 + static_cast<double>(entities_) / 10.0);
  ECG_RETURN_IF_ERROR(view.ScanGrams("t:" + word.substr(0, 2), true,
                                     [&](std::string_view gram, VertexKind kind, VertexId id) {
                                       if (gram != last) {
                                         last.assign(gram);
                                         const std::string_view t = gram.substr(2);
                                         near = text::EditDistance(word, t, allowed) <= allowed;
                                       }
                                       if (near && kind == VertexKind::kEntity) {
                                         (*evidence)[id.value()] += w;
                                       }
                                       return ++n < kNearWordCap;
                                     }));
  stats_.postings_read += n;
  return Status::OK();
}

Result<const std::vector<text::NameForm>*> Screener::Forms(VertexId id,
                                                           const store::ReadView& view) {
  auto it = forms_.find(id.value());
  if (it != forms_.end()) {
    return &it->second;
  }
  std::vector<store::PropertyStatement> stmts;
  ECG_RETURN_IF_ERROR(view.GetProperties(id, prop::kName, &stmts));
  ECG_RETURN_IF_ERROR(view.GetProperties(id, prop::kAlias, &stmts));
  std::vector<text::NameForm> forms;
  std::unordered_set<std::string> seen;
  for (const auto& st : stmts) {
    if (st.value.type() != PropertyType::kString || !seen.insert(st.value.as_string()).second) {
      continue;
    }
    forms.push_back(text::MakeNameForm(*normalizer_, st.value.as_string()));
  }
  if (forms_.size() >= kMaxCachedEntities) {
    forms_.clear();
  }
  return &forms_.emplace(id.value(), std::move(forms)).first->second;
}

Result<std::vector<Candidate>> Screener::Screen(std::string_view name,
                                                const ScreenOptions& options) {
  if (store_ == nullptr) {
    return Status::Internal("screener: created without a store; use Match");
  }
  const Date as_of = options.as_of.value_or(Date::Today());
  store::TimeFilter filter;
  filter.as_of = as_of;
  auto view = store_->NewReadView(filter);
  ECG_ASSIGN_OR_RETURN(std::vector<Candidate> out, Match(*view, name, options));
  for (Candidate& c : out) {
    ECG_RETURN_IF_ERROR(Enrich(*view, options, as_of, &c));
  }
  return out;
}

Result<std::vector<Candidate>> Screener::Match(const store::ReadView& view, std::string_view name,
                                               const ScreenOptions& options) {
  stats_ = ScreenStats();
  if (name.size() > kMaxNameBytes) {
    return Status::InvalidArgument("name too long: " + std::to_string(name.size()) +
                                   " bytes (at most " + std::to_string(kMaxNameBytes) + ")");
  }
  if (std::string err = Utf8Error(name); !err.empty()) {
    return Status::InvalidArgument("name is not valid UTF-8: " + err);
  }
  text::NameForm query = text::MakeNameForm(*normalizer_, name);
  if (query.analyzed.folded.empty()) {
    return Status::InvalidArgument(query.cleaned.empty() ? "empty name"
                                                         : "name has no letters or digits");
  }
  std::vector<VertexId> ids;
  const size_t verify = query.gloss.empty() ? kMaxVerified : kMaxVerifiedGloss;
  ECG_RETURN_IF_ERROR(Generate(query, name, view, std::max(verify, options.limit), &ids));
  const text::WordWeight weight = [&](const std::string& w) { return WeightOf(w, view); };
  std::vector<Candidate> out;
  for (VertexId id : ids) {
    ++stats_.candidates_scored;
    ECG_ASSIGN_OR_RETURN(const std::vector<text::NameForm>* forms, Forms(id, view));
    Candidate c;
    for (const text::NameForm& f : *forms) {
      text::NameScore s = text::ScoreNames(query, f, weight);
      if (s.score > 0) {
        c.aliases.push_back({f.cleaned, s.score, std::move(s.reasons)});
      }
    }
    if (c.aliases.empty()) {
      continue;
    }
    std::stable_sort(c.aliases.begin(), c.aliases.end(),
                     [](const AliasMatch& a, const AliasMatch& b) { return a.score > b.score; });
    if (c.aliases.size() > 5) {
      c.aliases.resize(5);
    }
    // The best alias cannot reach the threshold even with the country bonus:
    // skip without reading the candidate's type and country.
    const int reachable =
        options.country.empty() ? c.aliases[0].score : std::min(100, c.aliases[0].score + 3);
    if (reachable < options.threshold) {
      continue;
    }
    ECG_ASSIGN_OR_RETURN(Value type, view.GetValue(id, prop::kType));
    c.type = StringValue(type);
    if (!options.type.empty() && !c.type.empty() && c.type != options.type) {
      continue;
    }
    ECG_ASSIGN_OR_RETURN(Value country, view.GetValue(id, prop::kCountry));
    c.country = StringValue(country);
    c.score = c.aliases[0].score;
    c.reasons = c.aliases[0].reasons;
    if (!options.country.empty() && !c.country.empty()) {
      if (c.country == options.country) {
        c.score = std::min(100, c.score + 3);
        c.reasons.push_back("country agrees (" + c.country + ")");
      } else {
        c.score = std::max(0, c.score - 20);
        c.reasons.push_back("country conflicts (" + c.country + ", not " + options.country + ")");
      }
    }
    if (c.score < options.threshold) {
      continue;
    }
    c.id = id;
    ECG_ASSIGN_OR_RETURN(store::VertexRecord rec, view.GetVertex(id));
    c.key = rec.key;
    ECG_ASSIGN_OR_RETURN(Value n, view.GetValue(id, prop::kName));
    c.name = StringValue(n);
    out.push_back(std::move(c));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  if (out.size() > options.limit) {
    out.resize(options.limit);
  }
  return out;
}

}  // namespace ecg::screen
