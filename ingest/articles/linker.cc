#include "ingest/articles/linker.h"

#include <algorithm>
#include <set>
#include <unordered_set>

#include <re2/re2.h>

#include "ingest/util/eccn.h"
#include "ingest/util/fr_citation.h"

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

class LinkRun {
 public:
  LinkRun(Gazetteer* g, std::string_view utf8) : g_(g), utf8_(utf8), ft_(g->folder()->Fold(utf8)) {
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
      for (const GazetteerTarget& t : targets) {
        if (!t.weak && !NeedsCase(t, s)) {
          strong_.insert(t.vertex.value());
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
        R"((\p{Han}{1,12}?)(?:股份有限公司|有限责任公司|有限責任公司|有限公司|公司|集团|集團|研究所|研究院))");
    static const re2::RE2 kLatin(
        R"(((?:[A-Z][A-Za-z0-9&'.-]*\s+){1,6}(?:Co\.,?\s*Ltd\.?|Company|Corporation|Corp\.|Inc\.|Limited|Ltd\.|Group|Institute)))");
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
      // 美國高通公司 -> 高通公司.
      const uint32_t pcp = CpAt(ft_, static_cast<size_t>(prefix.data() - utf8_.data()));
      for (size_t i = cut; i < p.size(); ++i) {
        if (taken_[pcp + i]) {
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
  }

  LinkResult Take() {
    std::sort(
        result_.mentions.begin(), result_.mentions.end(), [](const Mention& a, const Mention& b) {
          return a.offset != b.offset ? a.offset < b.offset : a.vertex.value() < b.vertex.value();
        });
    std::sort(unlinked_.begin(), unlinked_.end());
    for (auto& [pos, s] : unlinked_) {
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
    std::vector<const GazetteerTarget*> keep;
    for (const GazetteerTarget& t : g_->targets(s.pattern)) {
      bool weak = t.weak || NeedsCase(t, s);
      if (weak && !strong_.count(t.vertex.value()) && !LegalFormFollows(ft_.cps, s.end) &&
          (t.country.empty() || t.kind == VertexKind::kCountry || !countries_.count(t.country))) {
        continue;
      }
      keep.push_back(&t);
    }
    uint32_t ob = ft_.src[s.begin];
    uint32_t oe = ft_.src[s.end - 1] + 1;
    for (const GazetteerTarget* t : keep) {
      bool weak = t->weak || NeedsCase(*t, s);
      double c = weak ? 0.6 : t->confidence;
      Push(ob, oe, t->vertex, t->kind, keep.size() == 1 ? c : c / static_cast<double>(keep.size()),
           keep.size() == 1 ? kRoleMention : kRoleCandidate);
    }
  }

  void AddMention(size_t byte_begin, size_t byte_len, VertexId v, VertexKind kind, double c) {
    uint32_t ob = CpAt(ft_, byte_begin);
    uint32_t oe = CpAt(ft_, byte_begin + byte_len);
    Push(ob, oe, v, kind, c, kRoleMention);
  }

  void Push(uint32_t ob, uint32_t oe, VertexId v, VertexKind kind, double c,
            std::string_view role) {
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
    std::fill(taken_.begin() + ob, taken_.begin() + oe, char{1});
    result_.mentions.push_back(std::move(m));
  }

  void ReportIfFree(size_t byte_begin, size_t byte_end) {
    uint32_t ob = CpAt(ft_, byte_begin);
    uint32_t oe = CpAt(ft_, byte_end);
    if (std::any_of(taken_.begin() + ob, taken_.begin() + oe, [](char t) { return t; })) {
      return;
    }
    AddUnlinked(byte_begin, std::string(utf8_.substr(byte_begin, byte_end - byte_begin)));
  }

  void AddUnlinked(size_t byte_begin, std::string s) {
    if (seen_unlinked_.insert(s).second) {
      unlinked_.emplace_back(byte_begin, std::move(s));
    }
  }

  Gazetteer* g_;
  std::string_view utf8_;
  FoldedText ft_;
  std::vector<Span> accepted_;
  std::unordered_set<uint64_t> strong_;
  std::set<std::string> countries_;
  std::vector<char> taken_;  // original code points covered by a mention
  std::set<std::string> seen_unlinked_;
  std::vector<std::pair<size_t, std::string>> unlinked_;  // (byte offset, span)
  LinkResult result_;
};

}  // namespace

LinkResult LinkText(Gazetteer* gazetteer, std::string_view utf8, const LinkOptions& options) {
  LinkRun run(gazetteer, utf8);
  run.MatchNames(options.mode);
  run.MatchCodes();
  if (options.report_unlinked) {
    run.FindUnlinked();
  }
  return run.Take();
}

}  // namespace ecg::ingest
