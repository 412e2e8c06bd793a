#include "text/translate.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>

#include "text/icu_util.h"
#include "text/lexicon.h"
#include "text/match.h"
#include "text/pinyin.h"

namespace ecg::text {
namespace {

// English renderings of Chinese organisation words (Simplified, as folded
// names have them), alternatives separated by '|'. The generic company words
// of text/lexicon.cc come first and are not repeated here; this table adds
// the words of institutions, the state and the military, places and
// directions, industries, and further customary renderings of generic words
// (集团 is a "group" and also a "corporation"). A data table.
struct Rendering {
  std::string_view zh;
  std::string_view en;
};
constexpr Rendering kRenderings[] = {
    // Directions and regions.
    {"北方", "north|northern"},
    {"南方", "south|southern"},
    {"东方", "east|eastern|orient|oriental"},
    {"西方", "west|western"},
    {"西北", "northwest|northwestern|north west"},
    {"东北", "northeast|northeastern|north east"},
    {"西南", "southwest|southwestern|south west"},
    {"东南", "southeast|southeastern|south east"},
    {"华北", "north china"},
    {"华南", "south china"},
    {"华东", "east china"},
    {"华中", "central china"},
    {"中南", "central south|south central"},
    {"中部", "central"},
    {"北", "north|northern"},
    {"南", "south|southern"},
    {"东", "east|eastern"},
    {"西", "west|western"},
    {"中", "central|china|middle"},
    {"亚洲", "asia|asian"},
    {"欧洲", "europe|european"},
    {"美国", "america|american|united states|usa|us"},
    {"俄罗斯", "russia|russian"},
    {"日本", "japan|japanese"},
    {"澳门", "macau|macao"},
    {"台湾", "taiwan"},
    {"新加坡", "singapore"},
    // The state, the military, public bodies.
    {"中国", "chinese|prc"},
    {"中华", "china|chinese"},
    {"国家", "state"},
    {"国营", "state owned|state"},
    {"国有", "state owned|state"},
    {"国立", "national"},
    {"国", "national|state"},
    {"人民", "people|peoples|popular"},
    {"解放军", "liberation army"},
    {"人民解放军", "people liberation army|pla"},
    {"军", "military|army"},
    {"军事", "military"},
    {"军队", "army|military|armed forces"},
    {"陆军", "army|ground force"},
    {"海军", "navy|naval"},
    {"空军", "air force"},
    {"火箭军", "rocket force"},
    {"战略支援部队", "strategic support force"},
    {"部队", "unit|force|forces|troops"},
    {"武警", "armed police"},
    {"公安", "public security|police"},
    {"军工", "defense industry|military industry|defence industry"},
    {"兵器", "ordnance|weapons|weapon|armament|arms"},
    {"核", "nuclear"},
    {"核工业", "nuclear industry"},
    {"原子能", "atomic energy"},
    {"协会", "association"},
    {"学会", "society|institute"},
    {"委员会", "commission|committee"},
    {"部", "ministry|department"},
    {"局", "bureau|administration"},
    {"总局", "general administration"},
    {"厅", "department"},
    {"署", "administration|agency"},
    {"办公室", "office"},
    {"基地", "base"},
    // Institutions of research and teaching.
    {"学院", "college|institute|academy|school"},
    {"研究院", "academy|institute|research academy"},
    {"研究所", "institute"},
    {"研究中心", "research center|research centre"},
    {"科学院", "academy of sciences|academy of science"},
    {"社会科学院", "academy of social sciences"},
    {"工程院", "academy of engineering"},
    {"重点实验室", "key laboratory|key lab"},
    {"医院", "hospital"},
    {"学校", "school"},
    {"院", "institute|academy"},
    {"工业大学",
     "university of technology|polytechnic university|polytechnical university|institute of "
     "technology|industrial university|technological university"},
    {"理工大学",
     "university of science and technology|institute of technology|university of "
     "technology|polytechnic university"},
    {"理工学院", "institute of technology|polytechnic institute|polytechnic"},
    {"理工", "science and technology|polytechnic"},
    {"科技大学",
     "university of science and technology|science and technology university|university of "
     "technology"},
    {"工程大学", "engineering university|university of engineering"},
    {"工学院", "institute of technology|engineering college|college of engineering"},
    {"师范大学", "normal university"},
    {"师范", "normal"},
    {"交通大学", "jiaotong university|university of communications"},
    {"邮电大学", "university of posts and telecommunications"},
    {"邮电", "posts and telecommunications"},
    {"航空航天大学", "university of aeronautics and astronautics|aerospace university"},
    {"航空大学", "aviation university|university of aeronautics|aeronautical university"},
    {"电子科技大学", "university of electronic science and technology"},
    {"电子科技", "electronic science and technology|electronics technology|electronic technology"},
    {"电科", "electronics technology|electronic technology"},
    {"科工", "science and industry"},
    {"科学技术", "science and technology"},
    {"科学", "scientific"},
    {"技术", "technical"},
    {"科技", "science and technology"},
    {"科", "science"},
    {"科研", "scientific research|research"},
    {"研发", "research and development|r and d"},
    // Industries and their things.
    {"航天", "space"},
    {"航空", "aircraft"},
    {"航空航天", "aeronautics and astronautics"},
    {"集团", "corporation"},
    {"总公司", "corporation|general company|head office"},
    {"子公司", "subsidiary"},
    {"公司", "corporation"},
    {"联合", "united|union|joint"},
    {"合作", "cooperation|cooperative"},
    {"创新", "innovation|innovative"},
    {"先进", "advanced"},
    {"高新", "high tech|hi tech|new and high technology"},
    {"高科技", "high tech|hi tech|high technology"},
    {"新", "new"},
    {"高", "high"},
    {"微", "micro"},
    {"纳米", "nano|nanotechnology"},
    {"量子", "quantum"},
    {"应用", "applied|application"},
    {"基础", "basic|fundamental"},
    {"机电", "mechanical and electrical|electromechanical|electrical and mechanical"},
    {"机械", "mechanical"},
    {"电器", "electric|electrical appliance|appliance"},
    {"电子测量", "electronic measuring|electronic measurement"},
    {"测量", "measurement|measuring|survey"},
    {"测控", "measurement and control|measuring and control"},
    {"仪表", "meter"},
    {"光电", "electro optical|electro optic"},
    {"红外", "infrared"},
    {"光刻", "lithography"},
    {"存储", "memory|storage"},
    {"超级计算", "supercomputing|supercomputer"},
    {"超算", "supercomputing|supercomputer"},
    {"超级计算机", "supercomputer"},
    {"云计算", "cloud computing"},
    {"云", "cloud"},
    {"移动", "mobile"},
    {"联通", "unicom"},
    {"广播", "broadcasting|broadcast"},
    {"电视", "television|tv"},
    {"导航", "navigation"},
    {"火箭", "rocket"},
    {"运载火箭", "launch vehicle|carrier rocket"},
    {"动力", "propulsion|dynamics"},
    {"发动机", "engine|engines"},
    {"推进", "propulsion"},
    {"飞机", "aircraft|airplane|aeroplane"},
    {"直升机", "helicopter"},
    {"飞行器", "aircraft|flight vehicle|aerial vehicle"},
    {"船舶", "shipping|marine"},
    {"化工", "chemical industry"},
    {"数学", "mathematics|math"},
    {"生物", "biological|biology|bio|biotech"},
    {"生物技术", "biotechnology|biotech"},
    {"医药", "pharmaceutical|medicine|pharma"},
    {"制药", "pharmaceutical|pharma"},
    {"医学", "medical|medicine"},
    {"新材料", "new materials|advanced materials"},
    {"金属", "metal|metals"},
    {"钢铁", "steel|iron and steel"},
    {"有色金属", "nonferrous metals|non ferrous metals"},
    {"石油", "petroleum|oil"},
    {"石化", "petrochemical"},
    {"石油化工", "petrochemical|petroleum and chemical"},
    {"天然气", "natural gas|gas"},
    {"海洋", "offshore"},
    {"海洋石油", "offshore oil"},
    {"电力", "electric power"},
    {"电网", "grid|power grid"},
    {"核电", "nuclear power"},
    {"新能源", "new energy"},
    {"建筑", "construction|architecture|building"},
    {"建设", "construction"},
    {"铁路", "railway|railways|rail"},
    {"铁道", "railway|railroad"},
    {"交通", "transportation|transport|communications|traffic"},
    {"运输", "transport|transportation"},
    {"航运", "shipping"},
    {"港口", "port|ports"},
    {"汽车", "automobile|auto|automotive|motor|vehicle"},
    {"资产", "asset|assets"},
    {"金融", "financial|finance"},
    {"银行", "bank"},
    {"证券", "securities"},
    {"保险", "insurance"},
    {"全球", "global"},
    {"安全", "safety"},
    {"器材", "equipment|apparatus"},
    {"检测", "inspection"},
    {"工具", "tools|tool"},
    {"机床", "machine tool|machine tools"},
    {"电子信息", "electronic information"},
    {"信息技术", "information technology"},
    {"信息产业", "information industry"},
    {"工厂", "factory|plant|works"},
    {"厂", "factory|plant|works"},
    {"总厂", "general factory|works"},
    {"工", "industry|engineering"},
};

// Customary Latin spellings of place and university names that are not their
// pinyin (postal and older romanisations still used in English names), added
// to the pinyin of a name slot that is exactly this word.
constexpr Rendering kNameSpellings[] = {
    {"北京", "peking"},    {"清华", "tsinghua"},    {"中山", "sun yat sen"},
    {"西安", "xi an"},     {"厦门", "amoy"},        {"广州", "canton"},
    {"重庆", "chungking"}, {"天津", "tientsin"},    {"南京", "nanking"},
    {"香港", "hong kong"}, {"澳门", "macau|macao"}, {"内蒙古", "inner mongolia"},
};

// Words left out on both sides: they carry no identity.
bool StopWord(std::string_view w) {
  return w == "of" || w == "and" || w == "the" || w == "for" || w == "in" || w == "at" || w == "on";
}

std::vector<std::string> SplitOn(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(sep, start);
    end = end == std::string_view::npos ? s.size() : end;
    if (end > start) {
      out.emplace_back(s.substr(start, end - start));
    }
    start = end + 1;
  }
  return out;
}

std::vector<std::string> ContentWords(std::string_view phrase) {
  std::vector<std::string> out;
  for (const std::string& w : SplitOn(phrase, ' ')) {
    if (!StopWord(w)) {
      out.push_back(TranslationStem(w));
    }
  }
  return out;
}

struct Renderings {
  std::vector<std::vector<std::string>> stemmed;  // content words, stemmed
  std::vector<std::string> written;               // every content word as written
};

struct Table {
  // Han word (as code points) -> its renderings.
  std::unordered_map<std::u32string, Renderings> words;
  std::unordered_map<std::u32string, Renderings> names;  // spellings beside pinyin
  size_t longest = 0;
};

std::string Utf8(const std::u32string& cps) {
  icu::UnicodeString u;
  for (char32_t c : cps) {
    u.append(static_cast<UChar32>(c));
  }
  return internal::ToUtf8(u);
}

void AddRendering(Renderings* r, std::string_view phrase) {
  std::vector<std::string> words = ContentWords(phrase);
  if (!words.empty() &&
      std::find(r->stemmed.begin(), r->stemmed.end(), words) == r->stemmed.end()) {
    r->stemmed.push_back(std::move(words));
  }
  for (const std::string& w : SplitOn(phrase, ' ')) {
    if (!StopWord(w) && std::find(r->written.begin(), r->written.end(), w) == r->written.end()) {
      r->written.push_back(w);
    }
  }
}

const Table& GetTable() {
  static const Table kTable = [] {
    Table t;
    auto add = [&](std::string_view zh, std::string_view en) {
      std::u32string key = internal::ToCodePoints(zh);
      t.longest = std::max(t.longest, key.size());
      for (const std::string& alt : SplitOn(en, '|')) {
        AddRendering(&t.words[key], alt);
      }
    };
    internal::ForEachGenericRendering(add);
    for (const Rendering& r : kRenderings) {
      add(r.zh, r.en);
    }
    for (auto& [zh, r] : t.words) {
      // Longest rendering first: it explains the most words when it matches.
      std::stable_sort(r.stemmed.begin(), r.stemmed.end(),
                       [](const auto& a, const auto& b) { return a.size() > b.size(); });
    }
    for (const Rendering& r : kNameSpellings) {
      Renderings& spellings = t.names[internal::ToCodePoints(r.zh)];
      for (const std::string& alt : SplitOn(r.en, '|')) {
        std::string joined;
        for (const std::string& w : SplitOn(alt, ' ')) {
          joined += w;
          spellings.written.push_back(w);
        }
        spellings.stemmed.push_back({joined});
      }
    }
    return t;
  }();
  return kTable;
}

int NumeralDigit(char32_t c) {
  static const std::u32string kDigits = U"零一二三四五六七八九";
  if (c == U'〇') {
    return 0;
  }
  if (c == U'两') {
    return 2;
  }
  const size_t at = kDigits.find(c);
  return at == std::u32string::npos ? -1 : static_cast<int>(at);
}

bool NumeralChar(char32_t c) {
  return NumeralDigit(c) >= 0 || c == U'十' || c == U'百' || c == U'千';
}

// The value of a run of Chinese numerals: positional digits (三六零 360) or
// with units (十四 14, 二十九 29, 一百零八 108). -1 when it cannot be read.
int64_t NumeralValue(const std::u32string& run) {
  const bool units = std::any_of(run.begin(), run.end(),
                                 [](char32_t c) { return c == U'十' || c == U'百' || c == U'千'; });
  int64_t value = 0;
  if (!units) {
    for (char32_t c : run) {
      value = value * 10 + NumeralDigit(c);
    }
    return value;
  }
  int64_t digit = -1;
  for (char32_t c : run) {
    const int d = NumeralDigit(c);
    if (d >= 0) {
      digit = d;
      continue;
    }
    const int64_t unit = c == U'十' ? 10 : c == U'百' ? 100 : 1000;
    value += (digit < 0 ? 1 : digit) * unit;
    digit = -1;
  }
  if (digit > 0) {
    value += digit;
  }
  return value;
}

std::string Ordinal(int64_t n) {
  const int64_t tens = n % 100;
  const char* suffix = "th";
  if (tens < 11 || tens > 13) {
    suffix = n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
  }
  return std::to_string(n) + suffix;
}

// The credit of a name slot matched within one edit ("haerbin", "Harbin"):
// pinyin and the customary English spelling of a place often differ so.
constexpr double kTypoCredit = 0.95;

// A piece of a Han run while it is segmented.
struct Piece {
  std::u32string text;
  const Renderings* renderings = nullptr;  // a table word
  bool numeral = false;
  bool ordinal = false;  // the numeral followed 第
};

GlossSlot NameSlot(const std::u32string& text) {
  GlossSlot slot;
  slot.han = Utf8(text);
  slot.name = true;
  for (const std::string& v : PinyinVariants(slot.han, 4)) {
    slot.renderings.push_back({v});
    slot.index_words.push_back(v);
  }
  const Table& t = GetTable();
  if (auto it = t.names.find(text); it != t.names.end()) {
    slot.renderings.insert(slot.renderings.end(), it->second.stemmed.begin(),
                           it->second.stemmed.end());
    slot.index_words.insert(slot.index_words.end(), it->second.written.begin(),
                            it->second.written.end());
  }
  return slot;
}

void GlossRun(const std::u32string& run, std::vector<GlossSlot>* out) {
  const Table& t = GetTable();
  std::vector<Piece> pieces;
  size_t i = 0;
  while (i < run.size()) {
    if (NumeralChar(run[i])) {
      size_t end = i;
      while (end < run.size() && NumeralChar(run[end])) {
        ++end;
      }
      const bool ordinal = i > 0 && run[i - 1] == U'第';
      if (end - i >= 2 || ordinal) {
        if (ordinal && !pieces.empty() && pieces.back().text == U"第") {
          pieces.pop_back();  // 第 makes the number an ordinal
        }
        Piece p;
        p.text = run.substr(i, end - i);
        p.numeral = true;
        p.ordinal = ordinal;
        pieces.push_back(std::move(p));
        i = end;
        continue;
      }
    }
    size_t best = 0;
    const Renderings* found = nullptr;
    for (size_t n = std::min(t.longest, run.size() - i); n >= 1; --n) {
      auto it = t.words.find(run.substr(i, n));
      if (it != t.words.end()) {
        best = n;
        found = &it->second;
        break;
      }
    }
    Piece p;
    p.text = run.substr(i, best == 0 ? 1 : best);
    p.renderings = found;
    pieces.push_back(std::move(p));
    i += best == 0 ? 1 : best;
  }
  // A one-character table word beside a character of a name is part of that
  // name (北 in 北京, 西 in 西安), not a translated word.
  auto is_name = [](const Piece& p) { return p.renderings == nullptr && !p.numeral; };
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t k = 0; k < pieces.size(); ++k) {
      Piece& p = pieces[k];
      if (p.renderings == nullptr || p.text.size() != 1) {
        continue;
      }
      const bool name_before = k > 0 && is_name(pieces[k - 1]);
      const bool name_after = k + 1 < pieces.size() && is_name(pieces[k + 1]);
      if (name_before || name_after) {
        p.renderings = nullptr;
        changed = true;
      }
    }
  }
  std::u32string name;
  auto flush = [&] {
    if (!name.empty()) {
      out->push_back(NameSlot(name));
      name.clear();
    }
  };
  for (const Piece& p : pieces) {
    if (is_name(p)) {
      name += p.text;
      continue;
    }
    flush();
    GlossSlot slot;
    slot.han = Utf8(p.text);
    if (p.numeral) {
      const int64_t v = NumeralValue(p.text);
      slot.name = true;
      if (p.ordinal) {
        slot.renderings = {{"no", std::to_string(v)}, {Ordinal(v)}, {std::to_string(v)}};
      } else {
        slot.renderings = {{std::to_string(v)}};
      }
      slot.index_words = {std::to_string(v)};
    } else {
      slot.renderings = p.renderings->stemmed;
      slot.index_words = p.renderings->written;
    }
    out->push_back(std::move(slot));
  }
  flush();
}

// How well one word of a name slot (a pinyin spelling, no spaces) matches the
// Latin words from `at`: the number of words it spans (1 or more, when the
// spelling is their concatenation), 0 if none. `typo` when within one edit.
size_t MatchNameWord(const std::string& spelling, const std::vector<std::string>& words,
                     const std::vector<bool>& used, size_t at, bool* typo) {
  if (used[at]) {
    return 0;
  }
  if (words[at] == spelling) {
    return 1;
  }
  std::string joined = words[at];
  for (size_t n = 2; at + n <= words.size() && joined.size() < spelling.size(); ++n) {
    if (used[at + n - 1]) {
      break;
    }
    joined += words[at + n - 1];
    if (joined == spelling) {
      return n;
    }
  }
  // One letter more or less, in a long word: the customary spelling of a place
  // often drops a pinyin letter ("haerbin", "Harbin"); a changed letter is
  // another name more often than not ("meidi", "Mehdi").
  const size_t shorter = std::min(spelling.size(), words[at].size());
  const size_t longer = std::max(spelling.size(), words[at].size());
  if (shorter >= 6 && longer == shorter + 1 && EditDistance(spelling, words[at], 1) <= 1) {
    *typo = true;
    return 1;
  }
  return 0;
}

}  // namespace

std::string TranslationStem(std::string_view word) {
  std::string w(word);
  if (w.size() > 4 && w.compare(w.size() - 3, 3, "ies") == 0) {
    w.replace(w.size() - 3, 3, "y");
  } else if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's' && w[w.size() - 2] != 'u' &&
             w[w.size() - 2] != 'i') {
    w.pop_back();
  }
  return w;
}

std::vector<std::string> TranslationWords(std::string_view folded) {
  return ContentWords(folded);
}

std::vector<GlossSlot> GlossHan(std::string_view core) {
  std::vector<GlossSlot> out;
  bool han = false;
  for (const std::string& piece : SplitOn(core, ' ')) {
    const std::u32string cps = internal::ToCodePoints(piece);
    if (!cps.empty() && internal::IsHan(static_cast<UChar32>(cps[0]))) {
      han = true;
      GlossRun(cps, &out);
    } else if (!StopWord(piece)) {
      GlossSlot slot;
      slot.han = piece;
      slot.name = true;
      slot.renderings = {{TranslationStem(piece)}};
      slot.index_words = {piece};
      out.push_back(std::move(slot));
    }
  }
  if (!han) {
    out.clear();
  }
  return out;
}

GlossMatch MatchGloss(const std::vector<GlossSlot>& gloss, const std::vector<std::string>& words,
                      const std::vector<std::string>& optional_words,
                      const std::function<double(const std::string&)>& weight, bool han_is_query) {
  GlossMatch m;
  if (gloss.empty() || words.empty()) {
    return m;
  }
  // The Latin words, then the optional ones (legal-form words).
  std::vector<std::string> all = words;
  for (const std::string& w : optional_words) {
    all.push_back(TranslationStem(w));
  }
  std::vector<bool> used(all.size(), false);
  double gloss_total = 0;
  double gloss_matched = 0;
  bool translated = false;  // some translated (not name) slot matched
  bool names_seen = false;
  size_t matched_slots = 0;
  for (const GlossSlot& slot : gloss) {
    // The rendering that matches whole, explaining the most words.
    std::vector<size_t> best_at;
    bool best_typo = false;
    for (const std::vector<std::string>& r : slot.renderings) {
      if (r.size() <= best_at.size()) {
        continue;
      }
      std::vector<bool> trial = used;
      std::vector<size_t> at;
      bool typo = false;
      for (const std::string& w : r) {
        bool found = false;
        for (size_t j = 0; j < all.size() && !found; ++j) {
          if (slot.name) {
            const size_t span = MatchNameWord(w, all, trial, j, &typo);
            if (span > 0) {
              for (size_t k = j; k < j + span; ++k) {
                trial[k] = true;
                at.push_back(k);
              }
              found = true;
            }
          } else if (!trial[j] && all[j] == w) {
            trial[j] = true;
            at.push_back(j);
            found = true;
          }
        }
        if (!found) {
          at.clear();
          break;
        }
      }
      if (!at.empty()) {
        best_at = std::move(at);
        best_typo = typo;
      }
    }
    names_seen = names_seen || slot.name;
    double w_slot = 0;
    if (best_at.empty()) {
      if (slot.name) {
        return GlossMatch{};  // the name itself is not there
      }
      w_slot = weight(slot.renderings.front().front());
      gloss_total += w_slot;
      continue;
    }
    for (size_t j : best_at) {
      used[j] = true;
      w_slot = std::max(w_slot, weight(all[j]));
    }
    gloss_total += w_slot;
    gloss_matched += w_slot * (best_typo ? kTypoCredit : 1.0);
    ++matched_slots;
    m.typo = m.typo || best_typo;
    translated = translated || !slot.name;
  }
  if (!translated) {
    return GlossMatch{};  // nothing translated: pinyin keys already judge this
  }
  double latin_total = 0;
  double latin_matched = 0;
  bool all_words = true;
  for (size_t j = 0; j < words.size(); ++j) {
    const double w = weight(all[j]);
    latin_total += w;
    if (used[j]) {
      latin_matched += w;
    } else {
      all_words = false;
    }
  }
  if (gloss_total <= 0 || latin_total <= 0) {
    return GlossMatch{};
  }
  const double g = gloss_matched / gloss_total;
  const double l = latin_matched / latin_total;
  m.score = han_is_query ? 0.65 * g + 0.35 * l : 0.35 * g + 0.65 * l;
  m.names = names_seen;
  m.complete = all_words && matched_slots == gloss.size();
  return m;
}

}  // namespace ecg::text
