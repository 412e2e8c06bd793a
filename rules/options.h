// RulesOptions: the domain rules' settings, shared by the query operators
// and screening so that both answer the same question the same way. Plain
// data: thread-compatible.
#ifndef ECG_RULES_OPTIONS_H_
#define ECG_RULES_OPTIONS_H_

#include <string>
#include <vector>

namespace ecg::rules {

struct RulesOptions {
  // Natural key (Federal Register document number) of the rule that imposes
  // the affiliates (50%) rule: "Expansion of End-User Controls To Cover
  // Affiliates of Certain Listed Entities" (90 FR 47201, 2025-09-30).
  std::string affiliates_rule_key = "2025-19001";
  // Aggregate stake of listed owners at or above which an entity is an
  // affiliate.
  double affiliates_threshold = 50.0;
  // Lists whose entities' affiliates the rule reaches (by list key): the
  // Entity List, the Military End-User List and OFAC's SDN list. Screening
  // starts the fixed point from the entities on these lists; the query
  // operator starts it from whatever set it is given.
  std::vector<std::string> affiliates_lists = {"EL", "MEU", "SDN"};
  // Ownership levels followed upwards from a screened entity.
  int max_ownership_depth = 32;
  // Owners gathered upwards from a screened entity before giving up (the
  // answer then says it is incomplete).
  size_t max_owners = 10000;
};

}  // namespace ecg::rules

#endif  // ECG_RULES_OPTIONS_H_
