#include "text/lexicon.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <unicode/unistr.h>

#include "text/icu_util.h"

namespace ecg::text::internal {
namespace {

// Chinese and Japanese legal-form suffixes, in folded Simplified form. 集团
// (group) and 研究所 (research institute) are NOT here: they name what the
// organisation is, and their English counterparts ("Group", "Research
// Institute") stay in English name cores too, so both sides keep them as
// generic words. 公司 / "Company" are legal forms at the end of a name.
constexpr std::string_view kHanLegalForms[] = {
    "股份有限公司", "有限责任公司", "有限合伙", "有限公司", "股份公司", "公司",
    "株式会社",     "有限会社",     "合同会社", "合资会社", "合名会社",
};

// Latin legal forms at the end of a name, as folded words (dots and commas
// are already spaces and runs of single letters are joined: "L.L.C." ->
// "llc", "S.A." -> "sa", "s.r.o." -> "sro").
constexpr std::string_view kLatinLegalSuffixes[] = {
    "co",
    "company",
    "ltd",
    "limited",
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "llc",
    "plc",
    "llp",
    "lp",
    "jsc",
    "ojsc",
    "pjsc",
    "cjsc",
    "gmbh",
    "ag",
    "kg",
    "sa",
    "sas",
    "sarl",
    "srl",
    "spa",
    "bv",
    "nv",
    "pte",
    "pvt",
    "pty",
    "kk",
    "oy",
    "oyj",
    "ab",
    "as",
    "asa",
    "sro",
    "spol",
    "ooo",
    "oao",
    "zao",
    "pao",
    "kft",
    "zrt",
    "doo",
    "sdn",
    "bhd",
    "tbk",
    "se",
    "ulc",
    "limited partnership",
    "private limited",
    "public limited company",
    "joint stock company",
    "limited liability company",
    "co op",
    "cooperative",
};

// Latin legal forms at the start of a name (Russian and other CIS forms).
constexpr std::string_view kLatinLegalPrefixes[] = {
    "jsc",
    "ojsc",
    "pjsc",
    "cjsc",
    "ooo",
    "oao",
    "zao",
    "pao",
    "ao",
    "fsue",
    "fgup",
    "tov",
    "llc",
    "joint stock company",
    "open joint stock company",
    "closed joint stock company",
    "public joint stock company",
    "federal state unitary enterprise",
};

// The bilingual table of generic company words: canonical English form,
// Chinese forms (Simplified), English variants. Both scripts map to the
// canonical form, so that 华为技术 and "Huawei Technologies" share the core
// "huawei technology".
struct GenericRow {
  std::string_view canonical;
  std::vector<std::string_view> zh;
  std::vector<std::string_view> en;
};

const std::vector<GenericRow>& GenericRows() {
  // A data table: its rows share one shape.
  static const std::vector<GenericRow> kRows = {
      {"technology",
       {"技术", "科技", "科学技术"},
       {"technology", "technologies", "tech", "science and technology"}},
      {"information", {"信息", "资讯"}, {"information", "info"}},
      {"electronics", {"电子"}, {"electronic", "electronics"}},
      {"semiconductor", {"半导体"}, {"semiconductor", "semiconductors"}},
      {"integrated circuit", {"集成电路"}, {"integrated circuit", "integrated circuits"}},
      {"microelectronics", {"微电子"}, {"microelectronic", "microelectronics"}},
      {"equipment", {"装备", "设备"}, {"equipment", "equipments"}},
      {"communication", {"通信", "通讯"}, {"communication", "communications"}},
      {"telecommunications",
       {"电信"},
       {"telecom", "telecoms", "telecommunication", "telecommunications"}},
      {"research institute",
       {"研究所", "研究院"},
       {"research institute", "research institutes", "research academy"}},
      {"university", {"大学"}, {"university"}},
      {"international", {"国际"}, {"international", "intl"}},
      {"company", {"公司"}, {"company", "companies"}},
      {"group", {"集团"}, {"group"}},
      {"industry", {"工业", "产业", "实业"}, {"industry", "industries", "industrial"}},
      {"aviation", {"航空"}, {"aviation", "aeronautics", "aeronautical"}},
      {"aerospace", {"航天", "航空航天", "宇航"}, {"aerospace", "astronautics"}},
      {"software", {"软件"}, {"software"}},
      {"network", {"网络"}, {"network", "networks", "networking"}},
      {"intelligent", {"智能"}, {"intelligent", "intelligence", "smart"}},
      {"artificial intelligence", {"人工智能"}, {"artificial intelligence", "ai"}},
      {"optoelectronics",
       {"光电", "光电子"},
       {"optoelectronic", "optoelectronics", "photoelectric"}},
      {"holdings", {"控股"}, {"holding", "holdings"}},
      {"trading", {"贸易", "商贸"}, {"trading", "trade"}},
      {"logistics", {"物流"}, {"logistics"}},
      {"instrument", {"仪器", "仪表"}, {"instrument", "instruments", "instrumentation"}},
      {"materials", {"材料"}, {"material", "materials"}},
      {"machinery", {"机械"}, {"machinery", "machine", "machines"}},
      {"precision", {"精密"}, {"precision"}},
      {"heavy industry", {"重工", "重工业"}, {"heavy industry", "heavy industries"}},
      {"shipbuilding", {"船舶", "造船"}, {"shipbuilding", "ship", "ships"}},
      {"energy", {"能源"}, {"energy"}},
      {"chemical", {"化工", "化学"}, {"chemical", "chemicals", "chemistry"}},
      {"medical", {"医疗"}, {"medical"}},
      {"systems", {"系统"}, {"system", "systems"}},
      {"engineering", {"工程"}, {"engineering"}},
      {"development", {"发展", "开发"}, {"development"}},
      {"investment", {"投资"}, {"investment", "investments"}},
      {"manufacturing", {"制造"}, {"manufacturing", "manufacture"}},
      {"research", {"研究"}, {"research"}},
      {"center", {"中心"}, {"center", "centre"}},
      {"laboratory", {"实验室"}, {"laboratory", "laboratories", "lab", "labs"}},
      {"science", {"科学"}, {"science", "sciences"}},
      {"defense", {"防务", "防卫"}, {"defense", "defence"}},
      {"national defense", {"国防"}, {"national defense", "national defence"}},
      {"missile", {"导弹"}, {"missile", "missiles"}},
      {"optics", {"光学"}, {"optics", "optical"}},
      {"laser", {"激光"}, {"laser", "lasers"}},
      {"computer", {"计算机", "电脑"}, {"computer", "computers"}},
      {"computing", {"计算"}, {"computing"}},
      {"data", {"数据"}, {"data"}},
      {"memory", {"存储"}, {"memory", "storage"}},
      {"chip", {"芯片"}, {"chip", "chips"}},
      {"microsystems", {"微系统"}, {"microsystem", "microsystems"}},
      {"automation", {"自动化"}, {"automation"}},
      {"robotics", {"机器人"}, {"robot", "robots", "robotics"}},
      {"electric", {"电气", "电机"}, {"electric", "electrical"}},
      {"design", {"设计"}, {"design"}},
      {"services", {"服务"}, {"service", "services"}},
      {"management", {"管理"}, {"management"}},
      {"consulting", {"咨询"}, {"consulting", "consultancy"}},
      {"import and export", {"进出口"}, {"import and export", "import export"}},
      {"branch", {"分公司"}, {"branch"}},
      {"china", {"中国"}, {"china"}},
      {"hong kong", {"香港"}, {"hong kong", "hongkong"}},
      {"power", {"电力", "动力"}, {"power"}},
      {"drones", {"无人机"}, {"drone", "drones", "uav", "uavs"}},
      {"physics", {"物理"}, {"physics"}},
      {"photonics", {"光子"}, {"photonic", "photonics"}},
      {"vehicle", {"车辆"}, {"vehicle", "vehicles"}},
      {"marine", {"海洋"}, {"marine", "ocean"}},
      {"maritime", {"海事"}, {"maritime"}},
      {"national", {"国家"}, {"national"}},
      {"security", {"安全"}, {"security"}},
      {"sensor", {"传感器"}, {"sensor", "sensors"}},
      {"testing", {"测试", "检测"}, {"testing", "test"}},
      {"control", {"控制"}, {"control", "controls"}},
      {"digital", {"数字"}, {"digital"}},
      {"video", {"视频"}, {"video"}},
      {"microwave", {"微波"}, {"microwave"}},
      {"radar", {"雷达"}, {"radar"}},
      {"satellite", {"卫星"}, {"satellite", "satellites"}},
  };
  return kRows;
}

struct Tables {
  std::unordered_map<std::u32string, std::string_view> zh;
  size_t zh_max = 0;
  std::unordered_map<std::string, std::string_view> en;  // phrase -> canonical
  std::unordered_set<std::string_view> legal_suffix;
  std::unordered_set<std::string_view> legal_prefix;
};

const Tables& GetTables() {
  static const Tables kTables = [] {
    Tables t;
    for (const GenericRow& row : GenericRows()) {
      for (std::string_view zh : row.zh) {
        std::u32string key = ToCodePoints(zh);
        t.zh_max = std::max(t.zh_max, key.size());
        t.zh.emplace(std::move(key), row.canonical);
      }
      for (std::string_view en : row.en) {
        t.en.emplace(std::string(en), row.canonical);
      }
    }
    t.legal_suffix.insert(std::begin(kLatinLegalSuffixes), std::end(kLatinLegalSuffixes));
    t.legal_prefix.insert(std::begin(kLatinLegalPrefixes), std::end(kLatinLegalPrefixes));
    return t;
  }();
  return kTables;
}

std::string JoinWords(const std::vector<std::string>& words, size_t begin, size_t n) {
  std::string out;
  for (size_t i = begin; i < begin + n; ++i) {
    if (i > begin) {
      out.push_back(' ');
    }
    out += words[i];
  }
  return out;
}

}  // namespace

std::string_view HanLegalSuffix(std::string_view han) {
  for (std::string_view form : kHanLegalForms) {
    if (han.size() >= form.size() && han.substr(han.size() - form.size()) == form) {
      // "...分公司" is a branch office: 公司 there is part of the name.
      if (form == "公司" && han.size() >= form.size() + 3 &&
          han.substr(han.size() - form.size() - 3, 3) == "分") {
        return {};
      }
      return form;
    }
  }
  return {};
}

size_t LatinLegalSuffixWords(const std::vector<std::string>& words, size_t end) {
  const Tables& t = GetTables();
  for (size_t n = std::min<size_t>(3, end); n >= 1; --n) {
    if (t.legal_suffix.count(JoinWords(words, end - n, n)) > 0) {
      return n;
    }
  }
  return 0;
}

size_t LatinLegalPrefixWords(const std::vector<std::string>& words, size_t begin) {
  const Tables& t = GetTables();
  for (size_t n = std::min<size_t>(4, words.size() - begin); n >= 1; --n) {
    if (t.legal_prefix.count(JoinWords(words, begin, n)) > 0) {
      return n;
    }
  }
  return 0;
}

GenericMatch MatchGenericHanBackward(const std::u32string& han, size_t end) {
  const Tables& t = GetTables();
  for (size_t n = std::min(t.zh_max, end); n >= 1; --n) {
    auto it = t.zh.find(han.substr(end - n, n));
    if (it != t.zh.end()) {
      return GenericMatch{n, it->second};
    }
  }
  return GenericMatch{};
}

GenericMatch MatchGenericLatin(const std::vector<std::string>& words, size_t begin) {
  const Tables& t = GetTables();
  for (size_t n = std::min<size_t>(3, words.size() - begin); n >= 1; --n) {
    auto it = t.en.find(JoinWords(words, begin, n));
    if (it != t.en.end()) {
      return GenericMatch{n, it->second};
    }
  }
  return GenericMatch{};
}

void ForEachGenericRendering(
    const std::function<void(std::string_view zh, std::string_view en)>& fn) {
  for (const GenericRow& row : GenericRows()) {
    for (std::string_view zh : row.zh) {
      for (std::string_view en : row.en) {
        fn(zh, en);
      }
    }
  }
}

}  // namespace ecg::text::internal
