#include "ingest/articles/linker.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <re2/re2.h>

#include "ingest/util/eccn.h"
#include "ingest/util/fr_citation.h"

#include "text/pinyin.h"

namespace ecg::ingest {
namespace {

struct Span {
  size_t begin = 0;  // folded code points
  size_t end = 0;
  uint32_t pattern = 0;
};

// Folded words that, right after a name, show it names an organisation.
bool LegalFormFollows(const std::u32string& cps, size_t end) {
  static const std::u32string kForms[] = {U"co",  U"ltd",  U"inc",  U"corp", U"limited",
                                          U"llc", U"公司", U"集团", U"股份", U"有限"};
  size_t i = end;
  if (i < cps.size() && cps[i] == U' ') {
    ++i;
  }
  for (const std::u32string& f : kForms) {
    if (cps.compare(i, f.size(), f) == 0 &&
        (i + f.size() >= cps.size() || !IsWordChar(f[0]) || !IsWordChar(cps[i + f.size()]))) {
      return true;
    }
  }
  return false;
}

bool AllUpper(std::string_view s) {
  return std::none_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool HasUpper(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool AllLatin(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
}

// Code point index of byte offset `byte` (a code point start).
uint32_t CpAt(const FoldedText& ft, size_t byte) {
  auto it = std::upper_bound(ft.cp_byte.begin(), ft.cp_byte.end(), static_cast<uint32_t>(byte));
  return static_cast<uint32_t>(it - ft.cp_byte.begin() - 1);
}

// Characters after which an organisation name cannot continue leftwards.
bool Stops(char32_t c) {
  static const std::u32string kStops =
      U"的和与與及等在是将將被对對为為了向把从從由这這那其该該各以于於而或同跟给給让讓使称稱指说說"
      U"据據如即并並也都还還又就已曾所之但、，。：「」《》（）"
      // Numerals, measure words and demonstratives: 兩家公司, 整間公司, 多家.
      U"一二两兩三四五六七八九十几幾多家间間个個些每此本整何";
  return kStops.find(c) != std::u32string::npos;
}

// Words after which an organisation name starts (国有企业福建晋华…公司), and
// words that make an organisation-like span generic on their own.
size_t CutAfterStopWords(const std::u32string& p, size_t cut) {
  static const std::u32string kWords[] = {U"企业", U"企業", U"包括", U"利用", U"旗下", U"以及",
                                          U"宣布", U"表示", U"收购", U"收購", U"併購", U"并购"};
  for (const std::u32string& w : kWords) {
    size_t at = p.rfind(w);
    if (at != std::u32string::npos && at + w.size() > cut) {
      cut = at + w.size();
    }
  }
  return cut;
}

bool GenericOrganisation(const std::u32string& name) {
  static const std::u32string kGeneric[] = {
      U"电讯", U"電訊", U"电信", U"電信", U"科技", U"管理", U"香港", U"空壳", U"空殼",   U"惩戒",
      U"懲戒", U"子",   U"母",   U"控股", U"外国", U"外國", U"中资", U"中資", U"半导体", U"半導體"};
  for (const std::u32string& g : kGeneric) {
    if (name == g) {
      return true;
    }
  }
  return false;
}

std::u32string Decode(std::string_view s) {
  std::u32string out;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < len && i + k < s.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    out.push_back(cp);
    i += len;
  }
  return out;
}

bool AllHan(const std::u32string& cps, size_t b, size_t e) {
  for (size_t i = b; i < e; ++i) {
    if (!IsIdeograph(cps[i])) {
      return false;
    }
  }
  return true;
}

// Code points that end a sentence (the context of a mention stops there).
bool EndsSentence(char32_t c) {
  return c == U'\n' || c == U'。' || c == U'！' || c == U'？' || c == U'；' || c == U'!' ||
         c == U'?' || c == U';';
}

// Names that say what an organisation is, not which one: a short form made
// of one of them names no one.
bool GenericWord(const std::u32string& w) {
  static const std::set<std::u32string> kWords = {
      U"公司",   U"集团", U"科技", U"技术", U"有限公司", U"中心",   U"研究所",
      U"研究院", U"大学", U"芯片", U"国际", U"电子",     U"半导体", U"集成电路",
      U"控股",   U"股份", U"通讯", U"通信", U"电讯",     U"电信",   U"网络",
      U"软件",   U"智能", U"信息", U"工业", U"实业",     U"中国",   U"美国"};
  return kWords.count(w) != 0;
}

class LinkRun {
 public:
  LinkRun(Gazetteer* g, std::string_view utf8, const LinkOptions& options)
      : g_(g), utf8_(utf8), options_(options), ft_(g->folder()->Fold(utf8)) {
    taken_.assign(ft_.original_cps() + 1, 0);
  }

  void MatchNames(MatchMode mode) {
    const std::u32string& cps = ft_.cps;
    std::vector<Span> spans;
    g_->automaton().Match(cps, mode, [&](size_t b, size_t e, uint32_t id) {
      // Latin names need word boundaries; Han names do not.
      if (b > 0 && IsWordChar(cps[b]) && IsWordChar(cps[b - 1])) {
        return;
      }
      if (e < cps.size() && IsWordChar(cps[e - 1]) && IsWordChar(cps[e])) {
        return;
      }
      spans.push_back(Span{b, e, id});
    });
    // A short Han place or person name must start and end on a word
    // boundary: 中国 is no country in 发展中国家 (发展|中|国家), nor 马里
    // (Mali) in 马里兰州. (Organisation names are exempt: ICU's dictionary
    // does not know them and may glue them to a neighbour, 对华|为.)
    spans.erase(std::remove_if(spans.begin(), spans.end(),
                               [&](const Span& s) {
                                 return s.end - s.begin <= 3 && AllHan(cps, s.begin, s.end) &&
                                        PlaceOrPerson(s.pattern) && !OnWordEdges(s.begin, s.end);
                               }),
                spans.end());
    // Longest match first; among equals, the leftmost.
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
      size_t la = a.end - a.begin;
      size_t lb = b.end - b.begin;
      return la != lb ? la > lb : a.begin < b.begin;
    });
    std::vector<char> used(cps.size(), 0);
    for (const Span& s : spans) {
      auto first = used.begin() + static_cast<std::ptrdiff_t>(s.begin);
      auto last = used.begin() + static_cast<std::ptrdiff_t>(s.end);
      if (std::any_of(first, last, [](char u) { return u; })) {
        continue;
      }
      std::fill(first, last, 1);
      accepted_.push_back(s);
    }
    // Evidence: vertices named by strong names, and countries mentioned.
    for (const Span& s : accepted_) {
      const auto& targets = g_->targets(s.pattern);
      if (targets.size() == 1 && !targets[0].weak && targets[0].needs_evidence == nullptr &&
          !NeedsCase(targets[0], s)) {
        sole_.insert(targets[0].vertex.value());
      }
      for (const GazetteerTarget& t : targets) {
        if (!t.weak && !NeedsCase(t, s) && t.needs_evidence == nullptr) {
          strong_.insert(t.vertex.value());
          strong_kind_.emplace(t.vertex.value(), t.kind);
          if (t.kind == VertexKind::kCountry) {
            countries_.insert(t.country);
          }
        }
      }
    }
    for (const Span& s : accepted_) {
      Emit(s);
    }
  }

  // Han transliterations of Latin entity names (阿里巴巴 reads "alibaba",
  // the Latin name's leading words): at least three characters, on word
  // boundaries, outside other mentions; the longest reading wins.
  void MatchTransliterations() {
    const std::u32string& cps = ft_.cps;
    for (size_t i = 0; i < cps.size(); ++i) {
      if (!IsIdeograph(cps[i]) || taken_[ft_.src[i]]) {
        continue;
      }
      uint32_t node = 0;
      size_t best_end = 0;
      const std::vector<GazetteerTarget>* best = nullptr;
      for (size_t j = i; j < cps.size() && j - i < 8 && IsIdeograph(cps[j]); ++j) {
        const uint32_t syllable = g_->Syllable(cps[j]);
        if (syllable == 0 || taken_[ft_.src[j]] || (node = g_->NextSyllable(node, syllable)) == 0) {
          break;
        }
        if (j + 1 - i >= 3) {
          if (const auto* t = g_->LatinKeyTargets(node); t != nullptr && OnWordEdges(i, j + 1)) {
            best = t;
            best_end = j + 1;
          }
        }
      }
      if (best == nullptr) {
        continue;
      }
      uint32_t ob = ft_.src[i];
      uint32_t oe = ft_.src[best_end - 1] + 1;
      std::string reads;
      for (size_t k = i; k < best_end; ++k) {
        std::vector<std::string_view> r = text::PinyinReadings(cps[k]);
        reads += r.empty() ? std::string_view() : r[0];
      }
      for (const GazetteerTarget& t : *best) {
        Push(ob, oe, t.vertex, t.kind,
             best->size() == 1 ? 0.75 : 0.75 / static_cast<double>(best->size()),
             best->size() == 1 ? kRoleMention : kRoleCandidate,
             "transliteration: reads " + reads + ", the entity's Latin name");
      }
      i = best_end - 1;
    }
  }

  void MatchCodes() {
    for (const util::EccnMatch& m : util::FindEccns(utf8_)) {
      std::string matched;
      VertexId v = g_->FindEccn(m.code, &matched);
      if (v.valid()) {
        AddMention(m.offset, matched.size(), v, VertexKind::kEccn, matched == m.code ? 0.95 : 0.9);
      }
    }
    util::ForEachFrCitation(utf8_, [this](const util::FrCitation& c) {
      const std::string key = c.ToString();
      VertexId v = g_->FindCitation(key);
      if (v.valid()) {
        AddMention(c.offset, c.length, v, VertexKind::kRule, 0.95);
      } else {
        AddUnlinked(c.offset, key);
      }
    });
  }

  void FindUnlinked() {
    static const re2::RE2 kHan(
        R"((\p{Han}{1,12}?)(?:股份有限公司|有限责任公司|有限責任公司|有限公司|公司|集团|集團|研究所|研究院|大学|大學))");
    static const re2::RE2 kLatin(
        R"(((?:[A-Z][A-Za-z0-9&'.-]*\s+){1,6}(?:Co\.,?\s*Ltd\.?|Company|Corporation|Corp\.|Inc\.|Limited|Ltd\.|Group|Institute)))");
    // Code points covered by mentions of anything but a technology.
    std::vector<char> named(taken_.size(), 0);
    for (const Mention& m : result_.mentions) {
      if (m.kind != VertexKind::kTechnology) {
        std::fill(named.begin() + m.offset, named.begin() + m.offset + m.length, char{1});
      }
    }
    re2::StringPiece in(utf8_.data(), utf8_.size());
    re2::StringPiece whole;
    re2::StringPiece prefix;
    while (re2::RE2::FindAndConsume(&in, kHan, &prefix)) {
      size_t end = static_cast<size_t>(in.data() - utf8_.data());
      // The organisation starts after the last function word before it.
      std::u32string p = Decode(std::string_view(prefix.data(), prefix.size()));
      size_t cut = p.size();
      while (cut > 0 && !Stops(p[cut - 1])) {
        --cut;
      }
      cut = CutAfterStopWords(p, cut);
      // A linked name inside the prefix is not part of the unknown one:
      // 美國高通公司 -> 高通公司. (A technology is: 福建晉華集成電路有限公司.)
      const uint32_t pcp = CpAt(ft_, static_cast<size_t>(prefix.data() - utf8_.data()));
      for (size_t i = cut; i < p.size(); ++i) {
        if (named[pcp + i]) {
          cut = i + 1;
        }
      }
      std::string_view kept(prefix.data(), prefix.size());
      kept.remove_prefix(ToUtf8(p.substr(0, cut)).size());
      if (p.size() - cut < 2 || GenericOrganisation(p.substr(cut))) {
        continue;
      }
      size_t begin = static_cast<size_t>(kept.data() - utf8_.data());
      ReportIfFree(begin, end);
    }
    in = re2::StringPiece(utf8_.data(), utf8_.size());
    while (re2::RE2::FindAndConsume(&in, kLatin, &whole)) {
      size_t begin = static_cast<size_t>(whole.data() - utf8_.data());
      ReportIfFree(begin, begin + whole.size());
    }
    LinkShortForms();
  }

  // A Han organisation name followed by a different Latin name in
  // parentheses names that other organisation (華為技術有限公司（Futurewei
  // Technologies）, the US subsidiary): when the Latin name (two words or
  // more) links to nothing or elsewhere, the Han one stays a candidate.
  void CheckParentheses() {
    static const re2::RE2 kParen(R"(^\s*[（(]\s*([A-Za-z][A-Za-z0-9&.,' -]*[A-Za-z.])\s*[）)])");
    for (Mention& m : result_.mentions) {
      if (m.role != kRoleMention || m.kind != VertexKind::kEntity || AllLatin(m.surface)) {
        continue;
      }
      re2::StringPiece after(utf8_.data() + m.byte_offset + m.byte_length,
                             utf8_.size() - m.byte_offset - m.byte_length);
      re2::StringPiece latin;
      if (!re2::RE2::PartialMatch(after, kParen, &latin) ||
          std::string_view(latin.data(), latin.size()).find(' ') == std::string_view::npos) {
        continue;
      }
      const uint32_t lb = CpAt(ft_, static_cast<size_t>(latin.data() - utf8_.data()));
      const uint32_t le =
          CpAt(ft_, static_cast<size_t>(latin.data() - utf8_.data()) + latin.size());
      bool same = false;
      for (const Mention& o : result_.mentions) {
        same = same || (o.vertex == m.vertex && o.offset >= lb && o.offset < le);
      }
      if (!same) {
        m.role = std::string(kRoleCandidate);
        m.confidence = 0.3;
        m.reason = "the name in parentheses (" + std::string(latin.data(), latin.size()) +
                   ") is not this entity's";
      }
    }
  }

  LinkResult Take() {
    std::sort(
        result_.mentions.begin(), result_.mentions.end(), [](const Mention& a, const Mention& b) {
          return a.offset != b.offset ? a.offset < b.offset : a.vertex.value() < b.vertex.value();
        });
    std::sort(unlinked_.begin(), unlinked_.end());
    for (auto& [pos, s] : unlinked_) {
      // Spans a later step linked (a short form inside 晋华公司) are not unlinked.
      uint32_t ob = CpAt(ft_, pos);
      uint32_t oe = CpAt(ft_, pos + s.size());
      if (std::any_of(taken_.begin() + ob, taken_.begin() + oe, [](char t) { return t != 0; })) {
        continue;
      }
      result_.unlinked.push_back(std::move(s));
    }
    return std::move(result_);
  }

 private:
  // A single-word Latin entity name written in lower case ("apple") is a
  // common word until evidence says otherwise.
  bool NeedsCase(const GazetteerTarget& t, const Span& s) const {
    if (t.kind != VertexKind::kEntity) {
      return false;
    }
    std::string_view surface = Surface(s);
    return AllLatin(surface) && surface.find(' ') == std::string_view::npos && !HasUpper(surface);
  }

  std::string_view Surface(const Span& s) const {
    uint32_t ob = ft_.src[s.begin];
    uint32_t oe = ft_.src[s.end - 1] + 1;
    return utf8_.substr(ft_.cp_byte[ob], ft_.cp_byte[oe] - ft_.cp_byte[ob]);
  }

  void Emit(const Span& s) {
    struct Kept {
      const GazetteerTarget* target;
      std::string reason;
    };
    std::vector<Kept> keep;
    std::vector<Kept> held;  // weak names without corroboration
    const std::string_view surface = Surface(s);
    for (const GazetteerTarget& t : g_->targets(s.pattern)) {
      bool weak = t.weak || NeedsCase(t, s);
      if (weak && !strong_.count(t.vertex.value()) && !LegalFormFollows(ft_.cps, s.end) &&
          (t.country.empty() || t.kind == VertexKind::kCountry || !countries_.count(t.country))) {
        continue;
      }
      // Two-letter names ("US", "UK") only as capitals: "us" is a pronoun.
      if (t.weak && s.end - s.begin <= 2 && AllLatin(surface) && !AllUpper(surface)) {
        continue;
      }
      if (t.needs_evidence != nullptr) {
        std::string why = Corroboration(t, s);
        if (why.empty()) {
          held.push_back({&t, std::string(t.needs_evidence) + " without corroborating context"});
          continue;
        }
        keep.push_back({&t, std::string(t.needs_evidence) + " corroborated: " + why});
        continue;
      }
      keep.push_back({&t, std::string()});
    }
    // An ambiguous name ("Huawei": several entities) takes the one vertex the
    // article names unambiguously elsewhere (华为 -> one entity).
    if (keep.size() > 1) {
      std::vector<Kept> sole;
      for (const Kept& k : keep) {
        if (sole_.count(k.target->vertex.value())) {
          sole.push_back(k);
        }
      }
      if (sole.size() == 1) {
        sole[0].reason = "ambiguous name; the article names this entity unambiguously elsewhere";
        keep = std::move(sole);
      }
    }
    uint32_t ob = ft_.src[s.begin];
    uint32_t oe = ft_.src[s.end - 1] + 1;
    for (const Kept& k : keep) {
      const GazetteerTarget* t = k.target;
      bool weak = t->weak || NeedsCase(*t, s) || t->needs_evidence != nullptr;
      double c = weak ? 0.6 : t->confidence;
      Push(ob, oe, t->vertex, t->kind, keep.size() == 1 ? c : c / static_cast<double>(keep.size()),
           keep.size() == 1 ? kRoleMention : kRoleCandidate, k.reason);
    }
    if (keep.empty()) {
      for (const Kept& k : held) {
        Push(ob, oe, k.target->vertex, k.target->kind, 0.3 / static_cast<double>(held.size()),
             kRoleCandidate, k.reason);
      }
    }
  }

  // The context that corroborates weak name `t` at `s`, or "" when none:
  // the same vertex named by a strong name in the article, a legal form right
  // after the name (organisations), or a related entity or technology (an
  // owner, a subsidiary, what it makes) named in the article.
  std::string Corroboration(const GazetteerTarget& t, const Span& s) {
    if (strong_.count(t.vertex.value())) {
      return "the entity is named in full elsewhere in the article";
    }
    if (!t.person && LegalFormFollows(ft_.cps, s.end)) {
      return "a legal form follows";
    }
    const store::ReadView* view = g_->view();
    if (view == nullptr) {
      return std::string();
    }
    std::string related;
    Status st = view->ForEachEdge(
        t.vertex, store::Direction::kBoth, std::nullopt, [&](const store::EdgeStatement& e) {
          VertexId other = e.src == t.vertex ? e.dst : e.src;
          auto it = strong_kind_.find(other.value());
          if (it != strong_kind_.end() &&
              (it->second == VertexKind::kEntity || it->second == VertexKind::kTechnology)) {
            related = "a related entity is named in the article (" +
                      std::string(EdgeTypeName(e.type)) + ")";
            return false;
          }
          return true;
        });
    return st.ok() ? related : std::string();
  }

  // True when every vertex of pattern `id` is a country or a person.
  bool PlaceOrPerson(uint32_t id) const {
    const auto& targets = g_->targets(id);
    return std::all_of(targets.begin(), targets.end(), [](const GazetteerTarget& t) {
      return t.kind == VertexKind::kCountry || t.person;
    });
  }

  // True when [b, e) of the folded text starts and ends on ICU word
  // boundaries of the original text. Only the run of Han characters around
  // the span is segmented (ICU's dictionary treats each run on its own), at
  // most kRun characters on either side, once per run.
  bool OnWordEdges(size_t b, size_t e) {
    static constexpr uint32_t kRun = 24;
    const uint32_t ob = ft_.src[b];
    const uint32_t oe = ft_.src[e - 1] + 1;
    uint32_t rb = ob;
    while (rb > 0 && ob - rb < kRun && IsIdeograph(CodePointAt(rb - 1))) {
      --rb;
    }
    auto it = run_breaks_.find(rb);
    if (it == run_breaks_.end() || it->second.back() < oe) {
      uint32_t re = oe;
      const uint32_t n = static_cast<uint32_t>(ft_.original_cps());
      while (re < n && re - oe < kRun && IsIdeograph(CodePointAt(re))) {
        ++re;
      }
      const std::vector<uint32_t>& at = ft_.cp_byte;
      std::vector<uint32_t> bytes;
      if (!g_->WordBreaks(utf8_.substr(at[rb], at[re] - at[rb]), &bytes)) {
        return true;  // no segmenter: no compound check
      }
      std::vector<uint32_t> cps;
      for (uint32_t off : bytes) {
        cps.push_back(CpAt(ft_, at[rb] + off));
      }
      it = run_breaks_.insert_or_assign(rb, std::move(cps)).first;
    }
    const std::vector<uint32_t>& breaks = it->second;
    return std::binary_search(breaks.begin(), breaks.end(), ob) &&
           std::binary_search(breaks.begin(), breaks.end(), oe);
  }

  void AddMention(size_t byte_begin, size_t byte_len, VertexId v, VertexKind kind, double c) {
    uint32_t ob = CpAt(ft_, byte_begin);
    uint32_t oe = CpAt(ft_, byte_begin + byte_len);
    Push(ob, oe, v, kind, c, kRoleMention, std::string());
  }

  Mention& Push(uint32_t ob, uint32_t oe, VertexId v, VertexKind kind, double c,
                std::string_view role, std::string reason) {
    Mention m;
    m.offset = ob;
    m.length = oe - ob;
    m.byte_offset = ft_.cp_byte[ob];
    m.byte_length = ft_.cp_byte[oe] - ft_.cp_byte[ob];
    m.surface = std::string(utf8_.substr(m.byte_offset, m.byte_length));
    m.vertex = v;
    m.kind = kind;
    m.confidence = c;
    m.role = std::string(role);
    m.reason = std::move(reason);
    m.context = Context(ob, oe);
    std::fill(taken_.begin() + ob, taken_.begin() + oe, char{1});
    result_.mentions.push_back(std::move(m));
    return result_.mentions.back();
  }

  // The sentence around original code points [ob, oe), trimmed, at most
  // kContextChars code points on either side.
  std::string Context(uint32_t ob, uint32_t oe) const {
    const std::vector<uint32_t>& at = ft_.cp_byte;
    size_t b = ob;
    size_t limit = ob > kContextChars ? ob - kContextChars : 0;
    while (b > limit && !EndsSentence(CodePointAt(b - 1))) {
      --b;
    }
    size_t e = oe;
    const size_t n = ft_.original_cps();
    const size_t stop = std::min(n, oe + kContextChars);
    while (e < stop && !EndsSentence(CodePointAt(e))) {
      ++e;
    }
    if (e < n && e < stop && CodePointAt(e) != U'\n') {
      ++e;  // keep the full stop
    }
    std::string_view out = utf8_.substr(at[b], at[e] - at[b]);
    while (!out.empty() && (out.front() == ' ' || out.front() == '\t')) {
      out.remove_prefix(1);
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '\t' || out.back() == '\r')) {
      out.remove_suffix(1);
    }
    return std::string(out);
  }

  // The original code point with index `i`.
  char32_t CodePointAt(size_t i) const {
    std::u32string one = Decode(utf8_.substr(ft_.cp_byte[i], ft_.cp_byte[i + 1] - ft_.cp_byte[i]));
    return one.empty() ? U' ' : one[0];
  }

  // An organisation-like span [byte_begin, byte_end) that overlaps no
  // mention: linked through the name index when its best candidate is clearly
  // best, else reported unlinked.
  void ReportIfFree(size_t byte_begin, size_t byte_end) {
    uint32_t ob = CpAt(ft_, byte_begin);
    uint32_t oe = CpAt(ft_, byte_end);
    // A technology named inside an organisation's name (集成电路 in
    // 福建晋华集成电路有限公司) yields to the organisation when it links.
    bool inner_technology = false;
    for (const Mention& m : result_.mentions) {
      if (m.offset < oe && ob < m.offset + m.length) {
        if (m.kind != VertexKind::kTechnology || m.offset < ob || m.offset + m.length > oe) {
          return;
        }
        inner_technology = true;
      }
    }
    std::string span(utf8_.substr(byte_begin, byte_end - byte_begin));
    const size_t before = result_.mentions.size();
    if (!LinkThroughIndex(ob, oe, span)) {
      if (!inner_technology) {
        AddUnlinked(byte_begin, std::move(span));
      }
      return;
    }
    if (inner_technology) {
      auto inside = [&](const Mention& m) {
        return m.kind == VertexKind::kTechnology && m.offset >= ob && m.offset + m.length <= oe;
      };
      auto first_new = result_.mentions.begin() + static_cast<std::ptrdiff_t>(before);
      std::vector<Mention> added(std::make_move_iterator(first_new),
                                 std::make_move_iterator(result_.mentions.end()));
      result_.mentions.erase(first_new, result_.mentions.end());
      result_.mentions.erase(
          std::remove_if(result_.mentions.begin(), result_.mentions.end(), inside),
          result_.mentions.end());
      for (Mention& m : added) {
        result_.mentions.push_back(std::move(m));
      }
    }
  }

  // Asks the screener's name index about `span`; links it when one entity
  // (not a person) scores at least options_.index_threshold and beats the
  // second best by options_.index_margin, keeps the close ones as candidates.
  bool LinkThroughIndex(uint32_t ob, uint32_t oe, const std::string& span) {
    if (options_.screener == nullptr || options_.view == nullptr) {
      return false;
    }
    // The name index's keys first (the normalizer's keys: folded name, core,
    // pinyin and generic words in English): a span no indexed name shares a
    // key with is not worth the scorer's fuzzy search, and most organisation
    // spans of an article (高通公司, 設計公司) are such.
    bool indexed = false;
    Status looked =
        options_.view->FindByName(span, VertexKind::kEntity, [&](VertexId, std::string_view) {
          indexed = true;
          return false;
        });
    if (!looked.ok() || !indexed) {
      return false;
    }
    screen::ScreenOptions so;
    so.threshold = options_.index_threshold - options_.index_margin;
    so.limit = 3;
    auto found = options_.screener->Match(*options_.view, span, so);
    if (!found.ok()) {
      return false;  // a span the screener refuses (too long) is just unlinked
    }
    std::vector<screen::Candidate> cands;
    for (screen::Candidate& c : *found) {
      if (c.type != "person") {
        cands.push_back(std::move(c));
      }
    }
    if (cands.empty() || cands[0].score < options_.index_threshold) {
      return false;
    }
    const screen::Candidate& best = cands[0];
    const int second = cands.size() > 1 ? cands[1].score : 0;
    if (best.score - second < options_.index_margin) {
      for (const screen::Candidate& c : cands) {
        Mention& m = Push(ob, oe, c.id, VertexKind::kEntity,
                          0.3 / static_cast<double>(cands.size()), kRoleCandidate,
                          "name index: " + std::to_string(c.score) + " for " + c.name +
                              ", not clearly better than the other candidates");
        m.score = c.score;
        m.features = c.reasons;
      }
      return true;
    }
    Mention& m = Push(ob, oe, best.id, VertexKind::kEntity, 0.9 * best.score / 100.0, kRoleMention,
                      "name index: " + std::to_string(best.score) + " for " + best.name +
                          (cands.size() > 1 ? ", next best " + std::to_string(second) : ""));
    m.score = best.score;
    m.features = best.reasons;
    AddShortForms(span, best.id, ob);
    return true;
  }

  // The forms by which an article names again an organisation it has named
  // in full: the Han part of the name before its generic words and legal
  // form (福建晋华 of 福建晋华集成电路有限公司) and that part's endings of at
  // least two characters (晋华), never a generic word alone.
  void AddShortForms(const std::string& span, VertexId v, uint32_t full_at) {
    text::AnalyzedName a = g_->folder()->normalizer()->Analyze(span);
    std::string distinctive;
    for (const std::string& tok : a.core_tokens) {
      if (tok.empty() || static_cast<unsigned char>(tok[0]) < 0x80) {
        break;  // the first generic word (in its English form) or Latin word
      }
      distinctive += tok;
    }
    std::u32string d = g_->folder()->FoldName(distinctive);
    for (size_t i = 0; i + 2 <= d.size(); ++i) {
      std::u32string form = d.substr(i);
      if (!AllHan(form, 0, form.size()) || GenericWord(form)) {
        continue;
      }
      short_forms_.push_back({std::move(form), v, full_at, span});
    }
  }

  // Links the short forms of organisations linked through the index wherever
  // else the article uses them (on word boundaries, outside other mentions).
  void LinkShortForms() {
    // Longest first, so that 福建晋华 wins over 晋华 inside it.
    std::stable_sort(
        short_forms_.begin(), short_forms_.end(),
        [](const ShortForm& a, const ShortForm& b) { return a.form.size() > b.form.size(); });
    const std::u32string& cps = ft_.cps;
    for (const ShortForm& f : short_forms_) {
      for (size_t at = cps.find(f.form); at != std::u32string::npos;
           at = cps.find(f.form, at + 1)) {
        const size_t end = at + f.form.size();
        uint32_t ob = ft_.src[at];
        uint32_t oe = ft_.src[end - 1] + 1;
        if (std::any_of(taken_.begin() + ob, taken_.begin() + oe, [](char t) { return t; }) ||
            !OnWordEdges(at, end)) {
          continue;
        }
        Push(ob, oe, f.vertex, VertexKind::kEntity, 0.8, kRoleMention,
             "short form of " + f.full + " (at offset " + std::to_string(f.full_at) + ")");
      }
    }
  }

  void AddUnlinked(size_t byte_begin, std::string s) {
    if (seen_unlinked_.insert(s).second) {
      unlinked_.emplace_back(byte_begin, std::move(s));
    }
  }

  Gazetteer* g_;
  std::string_view utf8_;
  const LinkOptions& options_;
  FoldedText ft_;
  std::vector<Span> accepted_;
  std::unordered_set<uint64_t> strong_;
  std::set<std::string> countries_;
  struct ShortForm {
    std::u32string form;  // folded
    VertexId vertex;
    uint32_t full_at;  // code point offset of the full name
    std::string full;
  };
  std::vector<ShortForm> short_forms_;
  std::unordered_map<uint64_t, VertexKind> strong_kind_;
  std::unordered_set<uint64_t>
      sole_;  // vertices named by a strong name of one vertex  // strong_ with each vertex's kind
  // ICU word boundaries (original code points) of the Han runs asked about,
  // by the run's first code point.
  std::unordered_map<uint32_t, std::vector<uint32_t>> run_breaks_;
  std::vector<char> taken_;  // original code points covered by a mention
  std::set<std::string> seen_unlinked_;
  std::vector<std::pair<size_t, std::string>> unlinked_;  // (byte offset, span)
  LinkResult result_;
};

}  // namespace

LinkResult LinkText(Gazetteer* gazetteer, std::string_view utf8, const LinkOptions& options) {
  LinkRun run(gazetteer, utf8, options);
  run.MatchNames(options.mode);
  run.MatchTransliterations();
  run.MatchCodes();
  if (options.report_unlinked) {
    run.FindUnlinked();
  }
  run.CheckParentheses();
  return run.Take();
}

}  // namespace ecg::ingest
