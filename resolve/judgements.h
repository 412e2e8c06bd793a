// Curated resolution judgements: two list records are one party, or two.
// A judgement names records by their record keys ("rec:<id>"), which every
// re-ingest of the same file gives again, so a judgement survives re-ingest.
// Judgements live in the graph as `judgement` statements of the source that
// made them (the judgements file, or an `ecg resolve merge|split` run); the
// resolver reads them and holds them against every later record.
// Plain values and pure functions; thread-compatible.
#ifndef ECG_RESOLVE_JUDGEMENTS_H_
#define ECG_RESOLVE_JUDGEMENTS_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema/result.h"
#include "store/graph_store.h"

namespace ecg::resolve {

struct Judgement {
  bool same = false;   // one party (true) or two (false)
  std::string record;  // "rec:<id>"
  std::string other;   // "rec:<id>"
  std::string reason;  // why, as the curator wrote it
};

// The statement value of a judgement: "same|distinct\t<record>\t<other>\t<reason>".
std::string EncodeJudgement(const Judgement& j);
// nullopt for a value that is not an encoded judgement.
std::optional<Judgement> DecodeJudgement(std::string_view value);

// Record key -> the judgements that name it, each once per side (a judgement
// of A and B is under A with other B, and under B with other A).
using JudgementIndex = std::map<std::string, std::vector<Judgement>>;

// Every current judgement of the graph (the `judgement` statements of all
// source vertices).
Result<JudgementIndex> LoadJudgements(const store::ReadView& view);

// Adds `j` to `index` under both of its records.
void AddJudgement(const Judgement& j, JudgementIndex* index);

}  // namespace ecg::resolve

#endif  // ECG_RESOLVE_JUDGEMENTS_H_
