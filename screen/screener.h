// Screener: "is this counterparty restricted?" Finds the entities whose
// names or aliases match a name in any script, through the `grams` and
// `names` indexes of the store (never a scan of every name), scores them
// (ingest/screen/match.h), and reports for each the lists it is on as of a
// date (license policy, Federal Register citations) and whether the 50%
// affiliates rule reaches it through its owners.
// Thread safety: a Screener is NOT thread-safe (it caches word weights and
// analysed names); use one per thread. The store and normalizer must outlive it.
#ifndef ECG_SCREEN_SCREENER_H_
#define ECG_SCREEN_SCREENER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "schema/date.h"
#include "schema/ids.h"
#include "schema/result.h"
#include "store/graph_store.h"

#include "rules/force.h"
#include "rules/options.h"
#include "text/match.h"
#include "text/normalizer.h"

namespace ecg::screen {

// The default score a candidate needs (see docs/benchmarks.md, Screening).
inline constexpr int kDefaultThreshold = 82;
// Longest name accepted, in bytes.
inline constexpr size_t kMaxNameBytes = 1024;

struct ScreenOptions {
  // ISO 3166 alpha-2 of the counterparty ("CN"); agreement raises a score,
  // a conflict lowers it.
  std::string country;
  // "company", "person", "vessel" (entity `type`); empty = any. Entities of
  // unknown type always pass.
  std::string type;
  // Lists and ownership as of this day; today (UTC) when unset.
  std::optional<Date> as_of;
  int threshold = kDefaultThreshold;
  size_t limit = 10;
  // The affiliates rule: which rule imposes it, its threshold, the lists
  // whose entities' affiliates it reaches (rules/options.h).
  rules::RulesOptions rules;
};

// One name or alias of a candidate and how well it matched.
struct AliasMatch {
  std::string alias;
  int score = 0;
  std::vector<std::string> reasons;
};

// One visible `listed_on` edge of a candidate.
struct Listing {
  std::string list_code;  // the list vertex's key: "EL", "SDN", "UEL", ...
  std::string list_name;
  std::string license_requirement;
  std::string license_policy;
  std::string citation;  // Federal Register citations as the list gives them
  std::string entity_number;
  Interval valid;
};

// One chain of ownership from a listed entity down to the candidate.
struct OwnershipPath {
  // The owners from the listed root to the direct owner, with the stake each
  // holds in the next one (the last stake is held in the candidate).
  struct Link {
    VertexId owner;
    std::string owner_name;
    double pct = 0;
  };
  std::vector<Link> links;
  std::vector<std::string> root_lists;  // list codes of the listed root
};

// The 50% affiliates rule for one candidate.
struct Affiliation {
  bool applies = false;  // listed owners hold >= 50% (directly, indirectly or together)
  double pct = 0;        // aggregate stake held by listed (or affected) owners
  std::vector<OwnershipPath> paths;
  // The ownership above the candidate was too large or deep to follow whole.
  bool incomplete = false;
  // The affiliates rule on the date (rules::ForceStatus::ToString): "in force
  // since ...", "suspended by X from ... to ...", "not yet in force ...".
  std::string rule_status;
  // The rule is in force on the date (only set when `applies`).
  bool rule_in_force = false;
};

struct Candidate {
  VertexId id;
  std::string key;                   // natural key ("ent:CN:huaweitechnology")
  std::string name;                  // the entity's name
  std::string country;               // ISO code or ""
  std::string type;                  // company / person / vessel / ""
  int score = 0;                     // best alias score adjusted for country, 0..100
  std::vector<std::string> reasons;  // of the best alias, then country
  std::vector<AliasMatch> aliases;   // the best-scoring names, best first (at most 5)
  std::vector<Listing> lists;
  Affiliation affiliation;
};

// One list a candidate is on: its visible `listed_on` edges (one per source
// that lists it, and per record) folded into one.
struct ListGroup {
  std::string list_code;
  std::string list_name;
  Date since;  // the earliest valid start among the edges
  // Every distinct value among the edges, in edge order.
  std::vector<std::string> citations;
  std::vector<std::string> license_requirements;
  std::vector<std::string> license_policies;
  std::vector<std::string> entity_numbers;
};

// Candidate::lists folded per list code, in order of first appearance.
std::vector<ListGroup> GroupLists(const std::vector<Listing>& lists);

// Whether a candidate is restricted on the screening date: on a list, or
// reached by the affiliates rule while that rule is in force.
bool Restricted(const Candidate& c);

// The overall answer of a screen.
enum class Verdict : uint8_t {
  kMatch,          // a restricted candidate scores at or above the threshold
  kPossibleMatch,  // none does, but a restricted near miss scores within `near` below it
  kNoMatch,        // neither
};
// "match", "possible match", "no match".
std::string_view VerdictName(Verdict v);

// Candidates of one screen split at the threshold.
struct Assessment {
  Verdict verdict = Verdict::kNoMatch;
  int threshold = kDefaultThreshold;
  int near = 0;                        // how far below the threshold near misses go
  std::vector<Candidate> matches;      // score >= threshold, best first
  std::vector<Candidate> near_misses;  // threshold - near <= score < threshold
  // "match (threshold 82): Huawei Technologies Co., Ltd. scores 100, on EL"
  std::string Line() const;
};

// Splits `candidates` (best first, as Screen returns them, screened with a
// threshold of `threshold - near`) at `threshold`, keeping at most `limit`
// of each side, and decides the verdict.
Assessment Assess(std::vector<Candidate> candidates, int threshold, int near, size_t limit);

// How far below the threshold `ecg screen` shows near misses by default.
inline constexpr int kDefaultNear = 10;

// Counters of the last Screen call (for benchmarks and `--verbose`).
struct ScreenStats {
  size_t postings_read = 0;
  size_t grams_skipped = 0;  // too common to generate candidates
  size_t candidates_scored = 0;
};

class Screener {
 public:
  // `store` and `normalizer` are not owned. Counts the entities (for word
  // weights) once.
  static Result<std::unique_ptr<Screener>> Create(const store::GraphStore* store,
                                                  const text::TextNormalizer* normalizer);
  // As above with the entity count already known (CountEntities): word
  // weights need only its order of magnitude, so a caller that screens often
  // may count once and reuse it. `store` may be null for a screener that only
  // runs Match over views it is given (Screen then fails).
  static Result<std::unique_ptr<Screener>> Create(const store::GraphStore* store,
                                                  const text::TextNormalizer* normalizer,
                                                  uint64_t entities);
  static Result<uint64_t> CountEntities(const store::ReadView& view);
  Screener(const Screener&) = delete;
  Screener& operator=(const Screener&) = delete;

  // Candidates scoring at least options.threshold, best first, at most
  // options.limit, each with its lists and the affiliates rule on
  // options.as_of. InvalidArgument for an empty name, a name longer than
  // kMaxNameBytes or one that is not valid UTF-8 (the message says which).
  Result<std::vector<Candidate>> Screen(std::string_view name, const ScreenOptions& options);
  // The name matching of Screen over the caller's snapshot (`entity ~"x"`
  // in the query language): the same candidates and scores, without lists
  // or affiliation (Candidate::lists and ::affiliation stay empty).
  // options.as_of is ignored: the view's time filter applies.
  Result<std::vector<Candidate>> Match(const store::ReadView& view, std::string_view name,
                                       const ScreenOptions& options);

  // The force of the rule imposing the affiliates rule (options.rules) on
  // options.as_of (today when unset), e.g. "suspended by 2025-19846 from
  // 2025-11-10 to 2026-11-09": every screen reports it, match or not.
  Result<rules::ForceStatus> AffiliatesRuleForce(const ScreenOptions& options) const;
  // Whether the graph holds any ownership (`owns`) data at all
  // (rules::HoldsOwnership); without it the affiliates rule reaches no one.
  Result<bool> HoldsOwnership() const;

  const ScreenStats& last_stats() const { return stats_; }
  uint64_t entity_count() const { return entities_; }

 private:
  Screener(const store::GraphStore* store, const text::TextNormalizer* normalizer,
           uint64_t entities);

  // Weight of an ASCII key word from its document frequency (cached).
  double WeightOf(const std::string& word, const store::ReadView& view);
  // Candidate vertices for `query`, best gram evidence first.
  // At most `verify` of them.
  Status Generate(const text::NameForm& query, std::string_view raw, const store::ReadView& view,
                  size_t verify, std::vector<VertexId>* out);
  // Adds evidence for the vertices with an indexed word within an edit or two
  // of `word` (a word of the query no name has).
  Status NearWords(const std::string& word, const store::ReadView& view,
                   std::unordered_map<uint64_t, double>* evidence);
  // The names of `id` prepared for comparison (cached).
  Result<const std::vector<text::NameForm>*> Forms(VertexId id, const store::ReadView& view);
  Status Enrich(const store::ReadView& view, const ScreenOptions& options, Date as_of,
                Candidate* c);
  // The affiliates rule for c->id: listed owners from options.rules.
  Status Affiliates(const store::ReadView& view, const ScreenOptions& options, Date as_of,
                    Candidate* c);

  const store::GraphStore* store_;
  const text::TextNormalizer* normalizer_;
  uint64_t entities_;
  std::unordered_map<std::string, double> weights_;
  std::unordered_map<uint64_t, std::vector<text::NameForm>> forms_;
  // Grams found to have more postings than their cap (too common to
  // nominate candidates): later queries skip them without a scan.
  std::unordered_set<std::string> common_;
  ScreenStats stats_;
};

// "" when `text` is valid UTF-8, else a message naming the first bad byte.
std::string Utf8Error(std::string_view text);

}  // namespace ecg::screen

#endif  // ECG_SCREEN_SCREENER_H_
