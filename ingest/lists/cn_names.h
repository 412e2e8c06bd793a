// The entity names of China's lists, taken apart: a row that announces a
// group ("哈德森技术公司（Hudson Technologies Co.）等6家实体", "TechInsights公司及其
// 分支机构等外国实体") names one party and says it stands for more; a Latin
// name in parentheses is the party's own spelling; a leading country
// ("美国PVH集团") is the party's country, not part of its name.
// Pure functions: thread-safe.
#ifndef ECG_INGEST_LISTS_CN_NAMES_H_
#define ECG_INGEST_LISTS_CN_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

namespace ecg::ingest::lists {

struct CnName {
  std::string name;                  // the party's primary name
  std::vector<std::string> aliases;  // other spellings in the row (the Chinese one)
  std::string country;               // ISO-2 from a leading country name, or ""
  // Set when the row stands for a group: "stands for a group of 6 entities
  // named in the row: <row text>" (or "... a group (with its branches) ...").
  std::string group_note;
};

// Takes `row_name` apart; a name without any of these shapes comes back as
// the name itself.
CnName SplitCnEntityName(std::string_view row_name);

}  // namespace ecg::ingest::lists

#endif  // ECG_INGEST_LISTS_CN_NAMES_H_
