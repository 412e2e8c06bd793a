// screen_eval: measures screening quality on a labelled set built from the
// real list names in ../shared/data (see docs/benchmarks.md, Screening).
// Variants of listed names (typos, legal forms dropped or changed, words
// reordered, abbreviations, Traditional / Simplified Chinese, pinyin) must
// find their entity; real company names on no list (negatives, near misses
// included) must find nothing at the default threshold.
// With --translations the graph is built WITHOUT the curated alias file
// (ingest/data/aliases.csv), and its Chinese names are the queries: each must
// find the entity its English name finds (names that translate, transliterate
// or neither; the file's source notes say where each pair comes from).
// Usage: screen_eval [--data DIR] [--repo DIR] [--threshold S] [--per-type N]
//                    [--translations] [--verbose]
#include <algorithm>
#include <cstdio>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <unicode/translit.h>

#include "ingest/util/csv.h"
#include "schema/catalog.h"

#include "bench/screen_common.h"
#include "screen/screener.h"
#include "text/abbreviations.h"
#include "text/pinyin.h"

namespace ecg::bench {
namespace {

// Real companies on none of the lists in ../shared/data (checked with grep on
// every list file), including near misses: sister companies and namesakes of
// listed entities (Honor / Huawei, Ezviz / Hikvision, Huaray / Dahua,
// Nexperia / Wingtech, Great Wall Motor / China Great Wall Industry).
const char* const kNegatives[] = {
    "Taiwan Semiconductor Manufacturing Company Limited",
    "Samsung Electronics Co., Ltd.",
    "Lenovo Group Limited",
    "Siemens AG",
    "Nokia Corporation",
    "Telefonaktiebolaget LM Ericsson",
    "Infineon Technologies AG",
    "Hon Hai Precision Industry Co., Ltd.",
    "MediaTek Inc.",
    "NetEase, Inc.",
    "Midea Group Co., Ltd.",
    "Zhejiang Geely Holding Group Co., Ltd.",
    "ASML Holding N.V.",
    "Tokyo Electron Limited",
    "Robert Bosch GmbH",
    "Unilever PLC",
    "Nestle S.A.",
    "Panasonic Holdings Corporation",
    "Canon Inc.",
    "LG Electronics Inc.",
    "SK Hynix Inc.",
    "Qualcomm Incorporated",
    "Broadcom Inc.",
    "Texas Instruments Incorporated",
    "Analog Devices, Inc.",
    "NXP Semiconductors N.V.",
    "STMicroelectronics N.V.",
    "Renesas Electronics Corporation",
    "Kioxia Holdings Corporation",
    "Meituan",
    "PDD Holdings Inc.",
    "China Merchants Bank Co., Ltd.",
    "Honor Device Co., Ltd.",
    "Vivo Mobile Communication Co., Ltd.",
    "Anta Sports Products Limited",
    "Li Ning Company Limited",
    "Tsingtao Brewery Company Limited",
    "Kweichow Moutai Co., Ltd.",
    "China Mengniu Dairy Company Limited",
    "Shenzhou International Group Holdings Limited",
    "Sunny Optical Technology (Group) Company Limited",
    "Luxshare Precision Industry Co., Ltd.",
    "Goertek Inc.",
    "Hisense Group Co., Ltd.",
    "Gree Electric Appliances Inc. of Zhuhai",
    "Xinyi Glass Holdings Limited",
    "Fuyao Glass Industry Group Co., Ltd.",
    "Wanhua Chemical Group Co., Ltd.",
    "Sany Heavy Industry Co., Ltd.",
    "Zoomlion Heavy Industry Science and Technology Co., Ltd.",
    "Weichai Power Co., Ltd.",
    "Great Wall Motor Company Limited",
    "XPeng Inc.",
    "Li Auto Inc.",
    "Trip.com Group Limited",
    "ByteDance Ltd.",
    "Kuaishou Technology",
    "Bilibili Inc.",
    "Unisoc (Shanghai) Technologies Co., Ltd.",
    "Hua Hong Semiconductor Limited",
    "Nexperia B.V.",
    "Hangzhou Ezviz Network Co., Ltd.",
    "Zhejiang Huaray Technology Co., Ltd.",
    "Haier Smart Home Co., Ltd.",
    "SAIC Motor Corporation Limited",
    "Dongfeng Motor Group Company Limited",
    "Guangzhou Automobile Group Co., Ltd.",
    "Shanghai Pudong Development Bank Co., Ltd.",
    "Huatai Securities Co., Ltd.",
    "CITIC Securities Company Limited",
    "China Vanke Co., Ltd.",
    "美团",
    "拼多多",
    "珠海格力电器股份有限公司",
    "美的集团股份有限公司",
    "浙江吉利控股集团有限公司",
    "台湾积体电路制造股份有限公司",
    "联想集团有限公司",
    "招商银行股份有限公司",
    "贵州茅台酒股份有限公司",
    "中国蒙牛乳业有限公司",
    "舜宇光学科技（集团）有限公司",
    "立讯精密工业股份有限公司",
    "歌尔股份有限公司",
    "海信集团有限公司",
    "福耀玻璃工业集团股份有限公司",
    "万华化学集团股份有限公司",
    "三一重工股份有限公司",
    "中联重科股份有限公司",
    "潍柴动力股份有限公司",
    "长城汽车股份有限公司",
    "广州小鹏汽车科技有限公司",
    "北京理想汽车有限公司",
    "携程集团有限公司",
    "北京字节跳动科技有限公司",
    "北京快手科技有限公司",
    "紫光展锐（上海）科技有限公司",
    "华虹半导体有限公司",
    "安世半导体",
    "杭州萤石网络股份有限公司",
    "浙江华睿科技股份有限公司",
    // Chinese names that TRANSLATE an English name on no list (universities,
    // airlines, a bank), each checked absent from every file of ../shared/data
    // in both scripts: near misses of translated listed names (北京航空航天大学,
    // 哈尔滨工业大学, 西北工业大学 are listed; these are not).
    "北京大学",
    "浙江大学",
    "武汉大学",
    "中国农业大学",
    "北京师范大学",
    "山东大学",
    "厦门大学",
    "吉林大学",
    "中国南方航空股份有限公司",
    "中国国际航空股份有限公司",
    "招商银行股份有限公司",
    "中国药科大学",
    "兰州大学",
    "华东师范大学",
    "上海交通大学",
    "重庆大学",
    "大连理工大学",
    "华南理工大学",
    "东北大学",
};

struct Sample {
  std::string type;
  std::string query;
  std::string source;     // the listed name the variant was made from ("" for negatives)
  std::set<uint64_t> ok;  // acceptable entities (same name); empty for negatives
};

struct Tally {
  size_t n = 0, hit1 = 0, hit5 = 0, returned = 0, correct_top = 0;
};

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find(' ', i);
    j = j == std::string::npos ? s.size() : j;
    if (j > i) {
      out.push_back(s.substr(i, j - i));
    }
    i = j + 1;
  }
  return out;
}

std::string JoinWords(const std::vector<std::string>& w) {
  std::string out;
  for (const auto& x : w) {
    out += (out.empty() ? "" : " ") + x;
  }
  return out;
}

bool IsAsciiWord(const std::string& w) {
  return std::all_of(w.begin(), w.end(), [](char c) { return (c >= 'a' && c <= 'z'); });
}

std::string Typo(const std::string& cleaned, std::mt19937* rng) {
  std::vector<std::string> words = Words(cleaned);
  size_t best = words.size();
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i].size() >= 5 && (best == words.size() || words[i].size() > words[best].size())) {
      best = i;
    }
  }
  if (best == words.size()) {
    return "";
  }
  std::string& w = words[best];
  const size_t pos = 1 + (*rng)() % (w.size() - 2);
  switch ((*rng)() % 4) {
    case 0:
      std::swap(w[pos], w[pos + 1]);
      break;
    case 1:
      w.erase(pos, 1);
      break;
    case 2:
      w[pos] = w[pos] == 'e' ? 'a' : 'e';
      break;
    default:
      w.insert(pos, 1, w[pos]);
  }
  return JoinWords(words);
}

// Full word -> abbreviation, from the screening table (first one wins).
std::map<std::string, std::string> ReverseAbbreviations() {
  std::map<std::string, std::string> rev;
  const char* abbrs[] = {"tech", "intl", "mfg",   "grp",  "comm", "elec", "ind",  "inds", "inst",
                         "sci",  "univ", "equip", "dev",  "info", "mach", "natl", "svcs", "sys",
                         "chem", "acad", "hldgs", "mgmt", "trdg", "assn", "ctr",  "dept"};
  for (const char* a : abbrs) {
    rev.emplace(std::string(text::ExpandWord(a)), a);
  }
  rev.emplace("technologies", "tech");
  rev.emplace("communications", "comm");
  rev.emplace("electronic", "elec");
  rev.emplace("industry", "ind");
  return rev;
}

std::string Upper(std::string s) {
  for (char& c : s) {
    c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return s;
}

std::string Pinyin(const std::string& han_core) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(han_core);
  std::vector<std::string> syll;
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    auto r = text::PinyinReadings(static_cast<char32_t>(u.char32At(i)));
    if (r.empty()) {
      return "";
    }
    syll.emplace_back(r[0]);
  }
  std::string out;
  for (size_t i = 0; i < syll.size(); i += 2) {
    std::string w = syll[i] + (i + 1 < syll.size() ? syll[i + 1] : "");
    w[0] = static_cast<char>(w[0] - 'a' + 'A');
    out += (out.empty() ? "" : " ") + w;
  }
  return out;
}

}  // namespace
}  // namespace ecg::bench

namespace ecg::bench {
namespace {

struct Entity {
  VertexId id;
  std::vector<std::string> names;
};

std::vector<Entity> LoadEntities(const store::ReadView& view) {
  std::vector<VertexId> ids;
  (void)view.ScanKind(VertexKind::kEntity, [&](VertexId id) {
    ids.push_back(id);
    return true;
  });
  std::vector<Entity> out;
  for (VertexId id : ids) {
    std::vector<store::PropertyStatement> st;
    (void)view.GetProperties(id, prop::kName, &st);
    (void)view.GetProperties(id, prop::kAlias, &st);
    Entity e{id, {}};
    for (const auto& s : st) {
      if (s.value.type() == PropertyType::kString) {
        e.names.push_back(s.value.as_string());
      }
    }
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<Sample> BuildSamples(const ListStore& ls, size_t per_type, size_t* entity_count) {
  const text::TextNormalizer& n = *ls.normalizer;
  auto view = ls.store->NewReadView();
  std::vector<Entity> entities = LoadEntities(*view);
  *entity_count = entities.size();
  std::mt19937 rng(20261128);
  std::shuffle(entities.begin(), entities.end(), rng);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> s2t(
      icu::Transliterator::createInstance("Simplified-Traditional", UTRANS_FORWARD, status));
  const auto rev = ReverseAbbreviations();
  std::map<std::string, std::vector<Sample>> by_type;
  auto add = [&](const std::string& type, std::string query, const Entity& e,
                 const std::string& source) {
    auto& v = by_type[type];
    if (v.size() >= per_type || query.empty() || query == source) {
      return;
    }
    Sample s{type, std::move(query), source, {e.id.value()}};
    (void)view->FindByName(source, VertexKind::kEntity, [&](VertexId id, std::string_view) {
      s.ok.insert(id.value());
      return true;
    });
    v.push_back(std::move(s));
  };
  for (const Entity& e : entities) {
    for (const std::string& name : e.names) {
      const text::AnalyzedName a = n.Analyze(name);
      const std::string cleaned = n.Clean(name);
      if (a.script == text::Script::kLatin && a.core.size() >= 8) {
        add("typo", Typo(cleaned, &rng), e, name);
        std::vector<std::string> core = Words(a.core);
        if (!a.legal_form.empty()) {
          const bool drop = rng() % 2 == 0;
          add("legal form",
              drop ? a.core
                   : a.core + (a.legal_form == "limited" || a.legal_form == "ltd" ? " Inc."
                                                                                  : " Limited"),
              e, name);
        }
        if (core.size() >= 2 && std::all_of(core.begin(), core.end(), IsAsciiWord)) {
          std::rotate(core.begin(), core.begin() + 1, core.end());
          // A legal form that leads the name ("OJSC ...") stays in front.
          const bool leading = !a.legal_form.empty() && a.folded.rfind(a.legal_form, 0) == 0;
          add("reordered",
              leading ? a.legal_form + " " + JoinWords(core)
                      : JoinWords(core) + (a.legal_form.empty() ? "" : " " + a.legal_form),
              e, name);
        }
        std::vector<std::string> words = Words(a.folded);
        bool changed = false;
        for (auto& w : words) {
          auto it = rev.find(w);
          if (it != rev.end()) {
            w = it->second;
            changed = true;
          }
        }
        if (changed) {
          add("abbreviation", Upper(JoinWords(words)), e, name);
        }
      } else if (a.script == text::Script::kHan && a.core.size() >= 6) {
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(name);
        s2t->transliterate(u);
        std::string trad;
        u.toUTF8String(trad);
        add("traditional", trad, e, name);
        if (!a.legal_form.empty()) {
          add("simplified (no legal form)", a.core, e, name);
        }
        add("pinyin", Pinyin(a.core), e, name);
      }
    }
  }
  std::vector<Sample> out;
  for (auto& [type, v] : by_type) {
    out.insert(out.end(), v.begin(), v.end());
  }
  for (const char* neg : kNegatives) {
    out.push_back(Sample{"negative", neg, "", {}});
  }
  return out;
}

// The Chinese names of the alias file as queries, each expecting the entities
// its English name finds; rows whose English name finds none are left out.
std::vector<Sample> TranslationSamples(const ListStore& ls, const std::string& repo,
                                       size_t* skipped) {
  std::vector<Sample> out;
  auto view = ls.store->NewReadView();
  const std::string path = repo + "/ingest/data/aliases.csv";
  Status st = ingest::util::ForEachCsvFileRecord(path, {}, [&](ingest::util::CsvRecord* r) {
    if (r->line == 1 || r->fields.size() < 2) {
      return Status::OK();  // the header
    }
    Sample s{"translation (graph without aliases.csv)", r->fields[0], r->fields[1], {}};
    (void)view->FindByName(r->fields[1], VertexKind::kEntity, [&](VertexId id, std::string_view) {
      s.ok.insert(id.value());
      return true;
    });
    if (s.ok.empty()) {
      ++*skipped;
    } else {
      out.push_back(std::move(s));
    }
    return Status::OK();
  });
  if (!st.ok()) {
    std::fprintf(stderr, "%s: %s\n", path.c_str(), st.ToString().c_str());
    std::exit(1);
  }
  for (const char* neg : kNegatives) {
    out.push_back(Sample{"negative", neg, "", {}});
  }
  return out;
}

int Main(int argc, char** argv) {
  std::string data = "../shared/data";
  std::string repo = ".";
  int threshold = screen::kDefaultThreshold;
  size_t per_type = 300;
  bool verbose = false;
  bool translations = false;
  for (int i = 1; i < argc; ++i) {
    std::string f = argv[i];
    if (f == "--verbose") {
      verbose = true;
    } else if (f == "--translations") {
      translations = true;
    } else if (i + 1 < argc && f == "--data") {
      data = argv[++i];
    } else if (i + 1 < argc && f == "--repo") {
      repo = argv[++i];
    } else if (i + 1 < argc && f == "--threshold") {
      threshold = std::atoi(argv[++i]);
    } else if (i + 1 < argc && f == "--per-type") {
      per_type = static_cast<size_t>(std::atoi(argv[++i]));
    }
  }
  auto ls = BuildListStore(data, repo, !translations);
  size_t entity_count = 0;
  size_t skipped = 0;
  std::vector<Sample> samples;
  if (translations) {
    samples = TranslationSamples(*ls, repo, &skipped);
    entity_count = LoadEntities(*ls->store->NewReadView()).size();
  } else {
    samples = BuildSamples(*ls, per_type, &entity_count);
  }
  auto screener = screen::Screener::Create(ls->store.get(), ls->normalizer.get());
  if (!screener.ok()) {
    std::fprintf(stderr, "%s\n", screener.status().ToString().c_str());
    return 1;
  }
  screen::ScreenOptions options;
  options.threshold = threshold;
  options.limit = 5;
  options.as_of = Date::FromYmd(2026, 9, 1);
  std::map<std::string, Tally> tallies;
  Tally all;
  Tally positives;
  for (const Sample& s : samples) {
    auto r = (*screener)->Screen(s.query, options);
    Tally& t = tallies[s.type];
    ++t.n;
    ++all.n;
    if (!r.ok()) {
      std::fprintf(stderr, "error on '%s': %s\n", s.query.c_str(), r.status().ToString().c_str());
      continue;
    }
    const auto& c = *r;
    bool h1 = !c.empty() && s.ok.count(c[0].id.value()) > 0;
    bool h5 = std::any_of(c.begin(), c.end(),
                          [&](const screen::Candidate& x) { return s.ok.count(x.id.value()) > 0; });
    for (Tally* x : {&t, &all}) {
      x->hit1 += h1;
      x->hit5 += h5;
      x->returned += !c.empty();
      x->correct_top += h1;
    }
    if (s.type != "negative") {
      ++positives.n;
      positives.hit1 += h1;
      positives.hit5 += h5;
    }
    if (verbose && (s.type == "negative" ? !c.empty() : !h5)) {
      std::printf("MISS [%s] '%s' (from '%s') -> %s %d\n", s.type.c_str(), s.query.c_str(),
                  s.source.c_str(), c.empty() ? "-" : c[0].name.c_str(),
                  c.empty() ? 0 : c[0].score);
    }
  }
  std::printf("Entities in the graph: %zu; threshold %d; %zu queries\n\n", entity_count, threshold,
              samples.size());
  if (translations) {
    std::printf("Alias rows left out (their English name finds no entity): %zu\n\n", skipped);
  }
  std::printf("| variant type | queries | recall@1 | recall@5 | precision |\n");
  std::printf("|---|---:|---:|---:|---:|\n");
  auto pct = [](size_t a, size_t b) { return b == 0 ? 1.0 : static_cast<double>(a) / b; };
  for (const auto& [type, t] : tallies) {
    if (type == "negative") {
      std::printf("| negative (no list) | %zu | - | - | %zu false positives |\n", t.n, t.returned);
    } else {
      std::printf("| %s | %zu | %.3f | %.3f | %.3f |\n", type.c_str(), t.n, pct(t.hit1, t.n),
                  pct(t.hit5, t.n), pct(t.correct_top, t.returned));
    }
  }
  std::printf("| **all positives** | %zu | %.3f | %.3f | |\n", positives.n,
              pct(positives.hit1, positives.n), pct(positives.hit5, positives.n));
  std::printf(
      "| **overall precision** (top-1 right / any answer, negatives included) | %zu | | "
      "| %.3f |\n",
      all.n, pct(all.correct_top, all.returned));
  return 0;
}

}  // namespace
}  // namespace ecg::bench

int main(int argc, char** argv) {
  return ecg::bench::Main(argc, argv);
}
