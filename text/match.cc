#include "text/match.h"

#include <algorithm>
#include <cstdint>

namespace ecg::text {
namespace {

// The most a translation scores: below every exact or pinyin-key match.
constexpr double kTranslationMax = 90;

std::vector<std::string> SplitWords(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find(' ', start);
    end = end == std::string::npos ? s.size() : end;
    if (end > start) {
      out.push_back(s.substr(start, end - start));
    }
    start = end + 1;
  }
  return out;
}

void AddReason(std::vector<std::string>* reasons, std::string r) {
  if (std::find(reasons->begin(), reasons->end(), r) == reasons->end()) {
    reasons->push_back(std::move(r));
  }
}

// Words of one side matched against the other, each word used once.
struct TokenMatch {
  double score = 0;  // 0..1
  bool typo = false;
  bool reordered = false;
  bool subset = false;  // not every word of both sides matched
};

// Similarity of two ASCII words: 1 equal, 0.85 within a typo or two, 0.7
// when one is a prefix (3+ letters) of the other, else 0.
double WordSimilarity(const std::string& a, const std::string& b, bool* typo) {
  if (a == b) {
    return 1;
  }
  const size_t shorter = std::min(a.size(), b.size());
  const size_t allowed = shorter >= 9 ? 2 : shorter >= 5 ? 1 : 0;
  if (allowed > 0 && EditDistance(a, b, allowed) <= allowed) {
    *typo = true;
    return 0.85;
  }
  if (shorter >= 3 && (a.compare(0, shorter, b, 0, shorter) == 0)) {
    return 0.7;
  }
  return 0;
}

// True when `word` is a legal-form word of the other name written with a
// typo ("comapny" against "company"): it then weighs nothing.
bool NearLegalWord(const std::string& word, const std::vector<std::string>& legal) {
  return word.size() >= 5 && std::any_of(legal.begin(), legal.end(), [&](const std::string& l) {
           return l.size() >= 5 && EditDistance(word, l, 2) <= 2;
         });
}

TokenMatch MatchTokens(const std::vector<std::string>& q, const std::vector<std::string>& c,
                       const std::vector<std::string>& c_legal, const WordWeight& weight) {
  TokenMatch m;
  if (q.empty() || c.empty()) {
    return m;
  }
  std::vector<double> cw(c.size());
  double total_c = 0;
  for (size_t j = 0; j < c.size(); ++j) {
    cw[j] = weight(c[j]);
    total_c += cw[j];
  }
  std::vector<bool> used(c.size(), false);
  double total_q = 0;
  double matched_q = 0;
  double matched_c = 0;
  int64_t last = -1;
  size_t matched = 0;
  size_t ignored = 0;
  for (const std::string& word : q) {
    const double w = weight(word);
    double best = 0;
    int64_t best_j = -1;
    bool best_typo = false;
    for (size_t j = 0; j < c.size(); ++j) {
      if (used[j]) {
        continue;
      }
      bool typo = false;
      const double s = WordSimilarity(word, c[j], &typo);
      if (s > best) {
        best = s;
        best_j = static_cast<int64_t>(j);
        best_typo = typo;
      }
    }
    if (best == 0 && NearLegalWord(word, c_legal)) {
      ++ignored;
      m.typo = true;
      continue;
    }
    total_q += w;
    if (best_j < 0) {
      continue;
    }
    used[best_j] = true;
    ++matched;
    matched_q += w * best;
    matched_c += cw[best_j] * best;
    m.typo = m.typo || best_typo;
    m.reordered = m.reordered || best_j < last;
    last = best_j;
  }
  m.subset = matched + ignored != q.size() || matched != c.size();
  if (total_q > 0 && total_c > 0) {
    // A query the candidate explains fully counts more than the reverse:
    // screening queries are often shorter than the listed name.
    m.score = 0.65 * matched_q / total_q + 0.35 * matched_c / total_c;
  }
  return m;
}

// Score of two compact ASCII keys within a few edits.
// `max_edits` bounds the edits allowed (besides one per five letters).
int CompactScore(const std::string& a, const std::string& b, size_t max_edits, size_t* distance) {
  const size_t longer = std::max(a.size(), b.size());
  if (longer == 0 || longer > 96) {
    return 0;
  }
  const size_t max = std::min(max_edits, std::max<size_t>(1, longer / 5));
  const size_t d = EditDistance(a, b, max);
  *distance = d;
  if (d > max) {
    return 0;
  }
  return static_cast<int>(100.0 - 150.0 * static_cast<double>(d) / static_cast<double>(longer));
}

bool HasLatinLetter(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
}

}  // namespace

size_t EditDistance(std::string_view a, std::string_view b, size_t max) {
  const size_t n = a.size();
  const size_t m = b.size();
  if ((n > m ? n - m : m - n) > max) {
    return max + 1;
  }
  // Three rows of the optimal-string-alignment table.
  std::vector<size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (size_t j = 0; j <= m; ++j) {
    prev[j] = j;
  }
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    size_t row_min = cur[0];
    for (size_t j = 1; j <= m; ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      size_t v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        v = std::min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
      row_min = std::min(row_min, v);
    }
    if (row_min > max) {
      return max + 1;
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], max + 1);
}

NameForm MakeNameForm(const TextNormalizer& normalizer, std::string_view name) {
  NameForm f;
  f.cleaned = normalizer.Clean(name);
  const std::string folded = normalizer.Fold(f.cleaned);
  const std::string expanded = ExpandAbbreviations(folded, &f.expansions);
  f.analyzed = normalizer.Analyze(f.expansions.empty() ? std::string_view(f.cleaned)
                                                       : std::string_view(expanded));
  f.han = f.analyzed.script == Script::kHan || f.analyzed.script == Script::kMixed;
  if (!f.han) {
    f.words = SplitWords(f.analyzed.core);
  } else if (!f.analyzed.latin_keys.empty()) {
    f.words = SplitWords(f.analyzed.latin_keys[0]);
  }
  if (f.han) {
    f.canonical_words = f.words;
  } else {
    std::string joined;
    for (const std::string& t : f.analyzed.core_tokens) {
      joined += (joined.empty() ? "" : " ") + t;
    }
    f.canonical_words = SplitWords(joined);
  }
  f.legal_words = SplitWords(f.analyzed.legal_form);
  if (f.han) {
    f.gloss = GlossHan(f.analyzed.core);
  } else {
    f.translation_words = TranslationWords(f.analyzed.core);
  }
  f.compact = TextNormalizer::CompactKeys(f.analyzed);
  if (!f.han) {
    std::string raw = f.analyzed.core;
    raw.erase(std::remove(raw.begin(), raw.end(), ' '), raw.end());
    if (!raw.empty() && std::find(f.compact.begin(), f.compact.end(), raw) == f.compact.end()) {
      f.compact.push_back(std::move(raw));
    }
  }
  return f;
}

NameScore ScoreNames(const NameForm& q, const NameForm& c, const WordWeight& weight) {
  NameScore out;
  const AnalyzedName& qa = q.analyzed;
  const AnalyzedName& ca = c.analyzed;
  if (qa.folded.empty() || ca.folded.empty()) {
    return out;
  }
  const bool cross_script = q.han != c.han;
  const bool both_han = q.han && c.han;
  auto exactish = [&](int score, const char* reason) {
    out.score = score;
    AddReason(&out.reasons, reason);
    if (both_han && q.cleaned != c.cleaned) {
      AddReason(&out.reasons, "traditional/simplified");
    }
  };
  if (q.cleaned == c.cleaned) {
    exactish(100, "exact");
  } else if (qa.folded == ca.folded) {
    exactish(99, "normalised");
  } else if (qa.core == ca.core) {
    exactish(97, "legal form ignored");
  }
  // The same ASCII key: pinyin of a Han name, or generic words translated.
  if (out.score < 95) {
    for (const std::string& a : q.compact) {
      if (std::find(c.compact.begin(), c.compact.end(), a) != c.compact.end() ||
          std::find_if(ca.latin_keys.begin(), ca.latin_keys.end(), [&](const std::string& k) {
            return k.find(' ') == std::string::npos && k == a;
          }) != ca.latin_keys.end()) {
        exactish(95, cross_script ? "pinyin key" : "normalised");
        if (!cross_script && qa.core != ca.core) {
          AddReason(&out.reasons, "generic words");
        }
        break;
      }
    }
  }
  const bool short_query = q.compact.empty() || q.compact[0].size() <= 4;
  if (short_query && out.score > 80 && out.score < 99) {
    // "A-B-C Company" against "ABC LLC": a short core alone is weak evidence.
    out.score = 80;
    AddReason(&out.reasons, "short name: needs more evidence");
  }
  if (out.score < 95) {
    // Token set: generic words weigh little, rare ones much.
    // Across scripts the Han name's words are pinyin and canonical generic
    // words, so the Latin name's are compared in their canonical form too.
    TokenMatch tm = cross_script
                        ? MatchTokens(q.canonical_words, c.canonical_words, c.legal_words, weight)
                        : MatchTokens(q.words, c.words, c.legal_words, weight);
    int token_score = static_cast<int>(tm.score * 94.0);
    // Compact keys within a few edits (typos, words split or joined). Not
    // between two Han names: their keys are pinyin, where one character of
    // another sound is several letters, and a name with another character
    // is another name (南京 and 北京), not a typo; Traditional and
    // Simplified forms and homophones already meet on equal keys above.
    int compact_score = 0;
    size_t best_distance = 0;
    // Across scripts the Han side is exact characters, so its pinyin differs
    // from a listed spelling by a romanisation detail (one letter), not by a
    // syllable: 北京 is not "Beihang".
    const size_t max_edits = cross_script ? 1 : SIZE_MAX;
    for (const std::string& a : both_han ? std::vector<std::string>() : q.compact) {
      for (const std::string& b : c.compact) {
        size_t d = 0;
        const int s = std::min(92, CompactScore(a, b, max_edits, &d));
        if (s > compact_score) {
          compact_score = s;
          best_distance = d;
        }
      }
    }
    if (short_query) {
      token_score = token_score * 8 / 10;
      compact_score = compact_score * 8 / 10;
    }
    const int fuzzy = std::max(token_score, compact_score);
    if (fuzzy > out.score) {
      out.score = fuzzy;
      out.reasons.clear();
      if (token_score >= compact_score) {
        AddReason(&out.reasons, tm.reordered ? "token order" : "token set");
        if (tm.typo) {
          AddReason(&out.reasons, "typo distance");
        }
        if (tm.subset) {
          AddReason(&out.reasons, "partial");
        }
      } else {
        AddReason(&out.reasons, best_distance > 0 ? "typo distance" : "normalised");
      }
      if (cross_script && HasLatinLetter(qa.core) != HasLatinLetter(ca.core)) {
        AddReason(&out.reasons, "pinyin key");
      }
      if (short_query) {
        AddReason(&out.reasons, "short name: fuzzy evidence discounted");
      }
    }
  }
  if (cross_script && out.score < kTranslationMax) {
    // A Han name that translates the Latin one (哈尔滨工业大学, "Harbin
    // Institute of Technology"): its gloss against the Latin words.
    const NameForm& han = q.han ? q : c;
    const NameForm& latin = q.han ? c : q;
    const GlossMatch gm =
        MatchGloss(han.gloss, latin.translation_words, latin.legal_words, weight, q.han);
    const int score = static_cast<int>(gm.score * kTranslationMax) - (gm.typo ? 2 : 0);
    if (score > out.score) {
      out.score = score;
      out.reasons = {"translation"};
      if (gm.names) {
        AddReason(&out.reasons, "pinyin key");
      }
      if (gm.typo) {
        AddReason(&out.reasons, "typo distance");
      }
      if (!gm.complete) {
        AddReason(&out.reasons, "partial");
      }
    }
  }
  if (out.score > 0) {
    for (const Expansion& e : q.expansions) {
      AddReason(&out.reasons, "abbreviation " + e.from + " -> " + e.to);
    }
    for (const Expansion& e : c.expansions) {
      AddReason(&out.reasons, "abbreviation " + e.from + " -> " + e.to);
    }
  }
  return out;
}

}  // namespace ecg::text
