// The list writer: turns parsed restricted-party lists, ownership files and
// the curated alias file into the graph, through the ingest run framework
// (ingest/run). One `list` vertex per list, one resolved `entity` per
// real-world entity, a `listed_on` edge per record, `located_in`, `adds` /
// `revises` from the record's Federal Register citations, `affiliated_with`
// for Entity List affiliates, `owns` from ownership files.
// Thread safety: ListHandler is immutable and safe to share; the Write*
// functions use one SourceContext and are not thread-safe.
#ifndef ECG_INGEST_LISTS_WRITER_H_
#define ECG_INGEST_LISTS_WRITER_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/lists/alias_csv.h"
#include "ingest/lists/list_record.h"
#include "ingest/run/ingest_run.h"
#include "schema/result.h"

namespace ecg::ingest {

// The format name of the curated bilingual alias file
// (ingest/data/aliases.csv: chinese_name,english_name,source_note).
inline constexpr std::string_view kAliasCsvFormat = "alias-csv";

// The format name of the curated judgements file
// (ingest/data/judgements.csv: judgement,record,other,reason).
inline constexpr std::string_view kJudgementsCsvFormat = "judgements-csv";

// Handles every list format of ListFormats() plus kAliasCsvFormat and
// kJudgementsCsvFormat.
// Feeds: complete list files are snapshot feeds named
// "list:<format>:<list codes>" (a newer file of the same lists closes the
// listed_on edges of records that are gone); the CSL CSV files in
// ../shared/data are samples and subsets, so they, ownership and alias files
// are not snapshot feeds.
class ListHandler final : public FormatHandler {
 public:
  std::string_view name() const override { return "lists"; }
  std::vector<std::string> formats() const override;
  std::optional<std::string> Detect(std::string_view utf8,
                                    std::string_view file_name) const override;
  std::string FeedKey(std::string_view format, std::string_view utf8,
                      std::string_view file_name) const override;
  Status Apply(std::string_view utf8, SourceContext* ctx) const override;
};

// The list vertex of `code` (kind kList), created with `name` (or the code)
// and the code on first sight and remembered in `*cache`. With `alias_names`
// a name given for an existing list becomes one of its aliases.
Result<VertexId> FindOrAddList(const std::string& code, const std::string& name, bool alias_names,
                               SourceContext* ctx, std::map<std::string, VertexId>* cache);

// The `located_in` edge from `entity` to the country vertex of ISO code
// `code` (created on first sight). Every writer that gives an entity a
// `country` also writes this edge, so the property and the edge agree.
Result<store::WriteOutcome> LocateIn(VertexId entity, std::string_view code, SourceContext* ctx);

// Counts one written party in the report: new, merged, changed or unchanged.
void CountParty(bool created, bool merged, bool changed, SourceContext* ctx);

// Writes the records, list descriptions and ownership stakes of `list` (and
// its quarantined records) through `ctx`. Errors are write errors (they
// reject the file).
Status WriteParsedList(const ParsedList& list, SourceContext* ctx);

// Writes ownership stakes as `owns` edges (pct, validity). Parties are found
// by record id ("rec:<id>" keys) or resolved by name and country (created
// when unknown); a stake whose id is unknown is quarantined.
Status WriteOwnership(const std::vector<OwnershipRecord>& stakes, SourceContext* ctx);

// Writes FollowTheMoney entities (ftm_writer.cc): parties as resolved
// entities (their listings' record ids as strong keys), Sanction as
// `listed_on`, Ownership as `owns`, UnknownLink "affiliated with" as
// `affiliated_with`; a relation naming no party of the file, or another
// schema, is quarantined.
Status WriteFtm(const std::vector<FtmEntity>& entities, SourceContext* ctx);

// Writes the curated alias pairs: the entity named by either side (resolved
// by name, created from the English name when unknown) gets both names as
// aliases, with the alias file as provenance.
Status WriteAliasPairs(const std::vector<AliasPair>& pairs, SourceContext* ctx);

// Records the judgements as statements of the file's source (the resolver
// holds them against every later record) and applies them to the graph as
// it is: records judged one party that sit on two entities are merged,
// records judged two parties that sit on one entity are split.
Status WriteJudgements(const std::vector<resolve::Judgement>& judgements, SourceContext* ctx);

}  // namespace ecg::ingest

#endif  // ECG_INGEST_LISTS_WRITER_H_
