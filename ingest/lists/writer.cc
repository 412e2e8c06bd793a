// ListHandler and the writing of list records: list vertices, resolved
// entities, listed_on / located_in / adds / revises / affiliated_with edges.
#include "ingest/lists/writer.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <map>
#include <set>
#include <utility>

#include "ingest/lists/detect.h"
#include "ingest/run/handlers.h"
#include "ingest/util/fr_citation.h"

#include "resolve/resolve.h"

namespace ecg::ingest {
namespace {

using store::WriteOutcome;

bool IsSnapshotFormat(std::string_view format) {
  // CSL CSV files here are samples and subsets; ownership files are stakes
  // added over time; list-metadata describes lists without records; an FtM
  // file may hold any datasets, so it closes nothing (docs/ingest.md).
  return format != "csl-csv" && format != "ownership-csv" && format != "ownership-jsonl" &&
         format != "ftm-json" && format != "ftm-statements" && format != "list-metadata-json" &&
         format != kAliasCsvFormat && format != kJudgementsCsvFormat;
}

// "Semiconductor Manufacturing International Corporation (SMIC)" -> the name
// without its trailing acronym, and the acronym as an alias. Only a one-word
// or all-capital parenthesis counts ("X (Shenzhen) Co." is left alone).
void SplitTrailingAcronym(std::string* name, std::vector<std::string>* aliases) {
  if (name->size() < 4 || name->back() != ')') {
    return;
  }
  size_t open = name->rfind(" (");
  if (open == std::string::npos || open == 0) {
    return;
  }
  std::string inner = name->substr(open + 2, name->size() - open - 3);
  bool caps = true;
  for (char c : inner) {
    caps = caps && !(c >= 'a' && c <= 'z');
  }
  if (inner.empty() || inner.find('(') != std::string::npos ||
      (inner.find(' ') != std::string::npos && !caps)) {
    return;
  }
  aliases->push_back(inner);
  name->resize(open);
}

// "Huawei Technologies Co., Ltd. (Huawei). Affiliated Entity: X" -> parent
// "Huawei Technologies Co., Ltd.", parent alias "Huawei", affiliate "X".
struct Affiliation {
  std::string parent;
  std::string parent_alias;
  std::string affiliate;
};

std::optional<Affiliation> SplitAffiliation(std::string_view name) {
  size_t at = name.find("Affiliated Entit");
  if (at == std::string_view::npos) {
    return std::nullopt;
  }
  size_t colon = name.find(':', at);
  if (colon == std::string_view::npos) {
    return std::nullopt;
  }
  Affiliation a;
  std::string_view head = name.substr(0, at);
  while (!head.empty() && (head.back() == ' ' || head.back() == '.' || head.back() == ',')) {
    head.remove_suffix(1);
  }
  if (!head.empty() && head.back() == ')') {
    size_t open = head.rfind('(');
    if (open != std::string_view::npos) {
      a.parent_alias = std::string(head.substr(open + 1, head.size() - open - 2));
      head = head.substr(0, open);
      while (!head.empty() && head.back() == ' ') {
        head.remove_suffix(1);
      }
    }
  }
  a.parent = std::string(head);
  std::vector<std::string> acronyms;
  SplitTrailingAcronym(&a.parent, &acronyms);
  if (a.parent_alias.empty() && !acronyms.empty()) {
    a.parent_alias = acronyms.front();
  }
  std::string_view tail = name.substr(colon + 1);
  while (!tail.empty() && tail.front() == ' ') {
    tail.remove_prefix(1);
  }
  a.affiliate = std::string(tail);
  if (a.parent.empty() || a.affiliate.empty()) {
    return std::nullopt;
  }
  return a;
}

// When a source gives a citation but no date, the valid time starts on the
// first day of the citation's Federal Register volume year (volume V is year
// 1935 + V): the listing cannot be older than the rule that made it, and an
// open start would count it as listed since always. nullopt when unparsable.
std::optional<Date> CitationYearStart(const std::string& citation) {
  int volume = 0;
  auto res = std::from_chars(citation.data(), citation.data() + citation.size(), volume);
  if (res.ec != std::errc() || volume < 1 || volume > 200 ||
      std::string_view(res.ptr, citation.data() + citation.size()).rfind(" FR ", 0) != 0) {
    return std::nullopt;
  }
  return Date::FromYmd(1935 + volume, 1, 1);
}

// True when a name has Latin letters and none of them is lower case.
bool IsUpperCaseOnly(std::string_view name) {
  bool upper = false;
  for (char c : name) {
    if (c >= 'a' && c <= 'z') {
      return false;
    }
    upper = upper || (c >= 'A' && c <= 'Z');
  }
  return upper;
}

// Where a listing's start date comes from, best evidence first.
struct ListingStart {
  std::optional<Date> date;
  // "day"; "range" (the date is the earliest the register's pagination
  // allows); "year" (the first day of the citation's volume year); "" when
  // undated.
  std::string precision;
  std::string dated_by;
  // For "range" and "year": the latest day the evidence allows.
  std::optional<Date> latest;
};

class RecordWriter {
 public:
  explicit RecordWriter(SourceContext* ctx)
      : ctx_(ctx), resolver_(ctx->batch(), &ctx->view(), &ctx->normalizer()) {}

  Status WriteDescriptions(const std::vector<ListDescription>& lists) {
    for (const auto& d : lists) {
      if (d.list_code.empty()) {
        continue;
      }
      ECG_ASSIGN_OR_RETURN(VertexId id, ListVertex(d.list_code, d.name));
      if (!d.official_name.empty() && d.official_name != d.name) {
        ECG_RETURN_IF_ERROR(Prop(id, prop::kAlias, Value(d.official_name)).status());
      }
      if (!d.url.empty()) {
        ECG_RETURN_IF_ERROR(Prop(id, prop::kUrl, Value(d.url)).status());
      }
    }
    return Status::OK();
  }

  Status Write(const ListRecord& r) {
    ++ctx_->report()->counts.records_read;
    std::string name = ctx_->normalizer().Clean(r.name);
    std::vector<std::string> aliases;
    for (const auto* names : {&r.aliases, &r.previous_names}) {
      for (const auto& a : *names) {
        std::string c = ctx_->normalizer().Clean(a);
        if (!c.empty() && c != name) {
          aliases.push_back(std::move(c));
        }
      }
    }
    std::optional<Affiliation> aff = SplitAffiliation(name);
    if (aff) {
      name = aff->affiliate;
    }
    if (std::string full = name; (SplitTrailingAcronym(&name, &aliases), full != name)) {
      aliases.push_back(std::move(full));  // the source's own spelling stays findable
    }
    if (resolve::EntityKey(ctx_->normalizer(), name, r.country).empty()) {
      ctx_->Quarantine(r.line, r.offset, "name without letters or digits: '" + r.name + "'");
      return Status::OK();
    }
    std::string disc = r.record_id;
    if (int n = ++record_ids_[r.record_id]; n > 1) {
      disc += "#" + std::to_string(n);
    }
    const std::string strong_key = "rec:" + r.record_id;
    resolve::RecordInput input;
    input.strong_key = strong_key;
    const std::string scope = r.edition.empty() ? r.list_code : r.list_code + "@" + r.edition;
    input.scope = scope;
    input.name = name;
    input.aliases = &aliases;
    input.country = r.country;
    input.other_countries = &r.other_countries;
    input.type = r.entity_type;
    const auto resolve_start = std::chrono::steady_clock::now();
    Result<resolve::Resolution> resolved = resolver_.Resolve(input);
    ctx_->report()->resolve_seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - resolve_start).count();
    ECG_ASSIGN_OR_RETURN(resolve::Resolution res, std::move(resolved));
    bool changed = false;
    auto note = [&changed](WriteOutcome o) { changed |= o != WriteOutcome::kUnchanged; };
    ECG_RETURN_IF_ERROR(WriteEntityProps(r, name, aliases, res, note));
    if (res.created || res.merged) {
      ECG_RETURN_IF_ERROR(
          Prop(res.id, prop::kResolution,
               Value(r.list_code + " record " + r.record_id + " '" + name + "': " + res.reason))
              .status());
    }
    ECG_ASSIGN_OR_RETURN(VertexId list, ListVertex(r.list_code, r.list_name));
    ECG_ASSIGN_OR_RETURN(ListingStart start, StartOf(r));
    ECG_RETURN_IF_ERROR(RefineByOtherSources(res.id, list, &start));
    Interval valid = Interval::Always();
    if (start.date) {
      valid.from = *start.date;
    }
    if (r.end_date && valid.from < *r.end_date) {
      valid.to = *r.end_date;
    }
    ECG_ASSIGN_OR_RETURN(WriteOutcome o, ctx_->PutEdge(EdgeType::kListedOn, res.id, list,
                                                       ListingProps(r, start), valid, disc));
    note(o);
    ECG_RETURN_IF_ERROR(WriteRuleEdges(r, res.id, note));
    if (aff) {
      ECG_RETURN_IF_ERROR(WriteAffiliation(*aff, r.country, res.id, note));
    }
    CountParty(res.created, res.merged, changed, ctx_);
    return Status::OK();
  }

 private:
  // The day a source gives for the Federal Register citation `cit` (the
  // eCFR's "89 FR 96836, 12/5/24"), recorded on the citation's rule vertex
  // by whichever file stated it first, or with `prop` = kListedFrom the
  // start date a source gave a listing citing only `cit`; nullopt when no
  // source has.
  Result<std::optional<Date>> CitationDate(const std::string& cit,
                                           PropertyId prop = prop::kPublicationDate) {
    auto& cache = citation_dates_[prop];
    auto it = cache.find(cit);
    if (it != cache.end()) {
      return it->second;
    }
    std::optional<Date> date;
    ECG_ASSIGN_OR_RETURN(VertexId rule, ctx_->batch()->Find(VertexKind::kRule, cit));
    if (rule.valid()) {
      std::vector<store::PropertyStatement> props;
      ECG_RETURN_IF_ERROR(ctx_->batch()->GetProperties(rule, prop, &props));
      for (const auto& p : props) {
        if (p.value.type() == PropertyType::kDate) {
          date = p.value.as_date();
        }
      }
    }
    cache[cit] = date;
    return date;
  }

  // The listing's start: the record's own date; else the date its source
  // gives the first citation; else the date any source gave that citation;
  // else the start date a source gave a listing under it; else
  // StartByPagination.
  Result<ListingStart> StartOf(const ListRecord& r) {
    ListingStart s;
    if (r.start_date) {
      s.date = r.start_date;
      s.precision = "day";
      s.dated_by = "the record";
      return s;
    }
    if (r.fr_citations.empty()) {
      return s;
    }
    const std::string& cit = r.fr_citations.front();
    if (!r.citation_dates.empty() && r.citation_dates.front()) {
      s.date = r.citation_dates.front();
      s.precision = "day";
      s.dated_by = "the record's date of " + cit;
      return s;
    }
    ECG_ASSIGN_OR_RETURN(std::optional<Date> known, CitationDate(cit));
    if (known) {
      s.date = known;
      s.precision = "day";
      s.dated_by = "the date a source gives " + cit;
      return s;
    }
    ECG_ASSIGN_OR_RETURN(std::optional<Date> listed, CitationDate(cit, prop::kListedFrom));
    if (listed) {
      s.date = listed;
      s.precision = "day";
      s.dated_by = "the start date a source gives a listing under " + cit;
      return s;
    }
    return StartByPagination(cit);
  }

  // The start of a listing under `cit` that no source dates: the issue the
  // register's pagination places the citation in ("day"), else the earliest
  // day it allows ("range"), else the citation's volume year ("year").
  Result<ListingStart> StartByPagination(const std::string& cit) {
    ListingStart s;
    ECG_ASSIGN_OR_RETURN(PageBracket bracket, DatedPagesAround(cit));
    if (bracket.before && bracket.after && bracket.before->second == bracket.after->second) {
      s.date = bracket.before->second;
      s.precision = "day";
      s.dated_by = "the Federal Register issue holding " + cit + ": pages " +
                   std::to_string(bracket.before->first) + " and " +
                   std::to_string(bracket.after->first) + " around it are of that day";
      return s;
    }
    if (bracket.before) {
      s.date = bracket.before->second;
      s.precision = "range";
      if (bracket.after) {
        s.latest = bracket.after->second;
      }
      s.dated_by =
          "not before the issue of page " + std::to_string(bracket.before->first) +
          (bracket.after ? ", not after that of page " + std::to_string(bracket.after->first) +
                               " (" + bracket.after->second.ToString() + ")"
                         : std::string()) +
          " (day not stated)";
      return s;
    }
    if (auto d = CitationYearStart(cit)) {
      s.date = d;
      s.precision = "year";
      s.dated_by = "the volume year of " + cit + " (day not stated)";
      int y = 0, m = 0, day = 0;
      d->ToYmd(&y, &m, &day);
      s.latest = Date::FromYmd(y, 12, 31);
      if (bracket.after && bracket.after->second < *s.latest) {
        s.latest = bracket.after->second;
      }
    }
    return s;
  }

  // A start known only within bounds ("range", "year") takes the day another
  // source gives the same entity's listing on the same list within those
  // bounds: one listing, dated by the source that states its day (the CSL's
  // "90 FR 560" of an entry the eCFR dates "90 FR 561, 1/6/25"). An undated
  // start takes the earliest such day.
  Status RefineByOtherSources(VertexId entity, VertexId list, ListingStart* start) {
    const bool undated = !start->date;
    if (!undated &&
        (!start->latest || (start->precision != "range" && start->precision != "year"))) {
      return Status::OK();
    }
    std::vector<store::EdgeStatement> edges;
    ECG_RETURN_IF_ERROR(
        ctx_->batch()->GetEdges(entity, store::Direction::kOut, EdgeType::kListedOn, &edges));
    std::optional<Date> best;
    for (const store::EdgeStatement& e : edges) {
      const Value& precision = e.Get(prop::kDatePrecision);
      if (e.dst != list || e.meta.source == ctx_->source() || !e.meta.current() ||
          precision.type() != PropertyType::kString || precision.as_string() != "day") {
        continue;
      }
      const Date from = e.meta.valid.from;
      const bool within = undated || (*start->date <= from && from <= *start->latest);
      if (within && !from.is_min() && (!best || from < *best)) {
        best = from;
      }
    }
    if (best) {
      start->dated_by = undated
                            ? std::string("the day another source gives this listing")
                            : "the day another source gives this listing (" + start->dated_by + ")";
      start->date = best;
      start->precision = "day";
      start->latest.reset();
    }
    return Status::OK();
  }

  // The dated pages nearest a citation's page in its Federal Register volume:
  // the last at or before it and the first at or after it, as (page, day).
  // The register is paginated through the year in publication order, so a
  // page between two pages of one day's issue is of that day, and a page
  // between two days is of neither earlier nor later ones.
  struct PageBracket {
    std::optional<std::pair<int, Date>> before;
    std::optional<std::pair<int, Date>> after;
  };
  Result<PageBracket> DatedPagesAround(const std::string& cit) {
    PageBracket out;
    std::vector<util::FrCitation> parsed = util::ParseFrCitations(cit);
    if (parsed.empty()) {
      return out;
    }
    ECG_RETURN_IF_ERROR(LoadDatedPages());
    auto vol = dated_pages_.find(parsed.front().volume);
    if (vol == dated_pages_.end()) {
      return out;
    }
    const std::map<int, Date>& pages = vol->second;
    const int page = parsed.front().page;
    auto after = pages.lower_bound(page);
    if (after != pages.end()) {
      out.after = *after;
    }
    auto before = pages.upper_bound(page);
    if (before != pages.begin()) {
      out.before = *std::prev(before);
    }
    return out;
  }

  // Every dated citation of the committed graph (a rule's citation and
  // publication date), by volume and page; this file's own dated citations
  // join as it states them (NotePageDate).
  Status LoadDatedPages() {
    if (dated_pages_loaded_) {
      return Status::OK();
    }
    dated_pages_loaded_ = true;
    const store::ReadView& view = ctx_->view();
    Status inner;
    ECG_RETURN_IF_ERROR(view.ScanKind(VertexKind::kRule, [&](VertexId id) {
      std::vector<store::PropertyStatement> cits;
      std::vector<store::PropertyStatement> days;
      inner = view.GetProperties(id, prop::kCitation, &cits);
      if (inner.ok()) {
        inner = view.GetProperties(id, prop::kPublicationDate, &days);
      }
      if (!inner.ok()) {
        return false;
      }
      for (const auto& d : days) {
        if (d.value.type() != PropertyType::kDate) {
          continue;
        }
        for (const auto& c : cits) {
          if (c.value.type() == PropertyType::kString) {
            NotePageDate(c.value.as_string(), d.value.as_date());
          }
        }
      }
      return true;
    }));
    return inner;
  }

  void NotePageDate(std::string_view cit, Date day) {
    for (const util::FrCitation& c : util::ParseFrCitations(cit)) {
      dated_pages_[c.volume].emplace(c.page, day);
    }
  }

  Result<WriteOutcome> Prop(VertexId id, PropertyId prop, const Value& v) {
    return ctx_->SetProperty(id, prop, v);
  }

  Result<VertexId> ListVertex(const std::string& code, const std::string& name) {
    return FindOrAddList(code, name, /*alias_names=*/true, ctx_, &lists_);
  }

  // Whether `name` (an owner's) would replace the entity's Latin name with one
  // in Han script: true for an existing entity whose current name has only
  // Latin letters when `name` has Han characters.
  Result<bool> KeepsLatinName(const resolve::Resolution& res, std::string_view name) {
    if (res.created) {
      return false;
    }
    const text::Script mine = ctx_->normalizer().Analyze(name).script;
    if (mine != text::Script::kHan && mine != text::Script::kMixed) {
      return false;
    }
    std::vector<store::PropertyStatement> names;
    ECG_RETURN_IF_ERROR(ctx_->batch()->GetProperties(res.id, prop::kName, &names));
    for (const store::PropertyStatement& p : names) {
      if (p.meta.valid.is_open() && p.value.type() == PropertyType::kString &&
          ctx_->normalizer().Analyze(p.value.as_string()).script == text::Script::kLatin) {
        return true;
      }
    }
    return false;
  }

  template <typename Note>
  Status WriteEntityProps(const ListRecord& r, const std::string& name,
                          const std::vector<std::string>& aliases, const resolve::Resolution& res,
                          Note note) {
    const VertexId id = res.id;
    auto set = [&](PropertyId prop, const Value& v) -> Status {
      ECG_ASSIGN_OR_RETURN(WriteOutcome o, Prop(id, prop, v));
      note(o);
      return Status::OK();
    };
    // The first owning record of an entity in a file sets its name and other
    // single-valued properties; later ones (the same entity listed again under
    // a variant name) add aliases, so a re-ingest writes the same values.
    if (res.owner && owned_in_file_.insert(id).second) {
      // A name in Han script does not replace a Latin one that an earlier file
      // gave the entity ("PVH集团" after "PVH Group"): it becomes an alias, so
      // the entity keeps the spelling that the other lists and screening use.
      ECG_ASSIGN_OR_RETURN(bool keep_latin, KeepsLatinName(res, name));
      ECG_RETURN_IF_ERROR(set(keep_latin ? prop::kAlias : prop::kName, Value(name)));
      if (!r.country.empty()) {
        ECG_RETURN_IF_ERROR(set(prop::kCountry, Value(r.country)));
      }
      if (!r.entity_type.empty() && r.entity_type != "unknown") {
        ECG_RETURN_IF_ERROR(set(prop::kType, Value(r.entity_type)));
      }
      std::string legal = ctx_->normalizer().Analyze(name).legal_form;
      if (!legal.empty()) {
        ECG_RETURN_IF_ERROR(set(prop::kLegalForm, Value(legal)));
      }
    } else {
      ECG_RETURN_IF_ERROR(set(prop::kAlias, Value(name)));
    }
    for (const auto& a : aliases) {
      ECG_RETURN_IF_ERROR(set(prop::kAlias, Value(a)));
    }
    for (const auto& a : r.addresses) {
      ECG_RETURN_IF_ERROR(set(prop::kAddress, Value(ctx_->normalizer().Clean(a))));
    }
    for (const auto& i : r.identifiers) {
      ECG_RETURN_IF_ERROR(set(prop::kIdentifier, Value(i)));
    }
    std::vector<std::string_view> countries;
    if (!r.country.empty()) {
      countries.push_back(r.country);
    }
    countries.insert(countries.end(), r.other_countries.begin(), r.other_countries.end());
    for (std::string_view code : countries) {
      ECG_ASSIGN_OR_RETURN(WriteOutcome o, LocateIn(id, code, ctx_));
      note(o);
    }
    return Status::OK();
  }

  static PropertyList ListingProps(const ListRecord& r, const ListingStart& start) {
    PropertyList p;
    auto add = [&p](PropertyId prop, Value v) { p.emplace_back(prop, v); };
    if (!start.precision.empty()) {
      add(prop::kDatePrecision, Value(start.precision));
      add(prop::kDatedBy, Value(start.dated_by));
    }
    if (!r.fr_citations.empty()) {
      std::string joined;
      for (const auto& c : r.fr_citations) {
        joined += (joined.empty() ? "" : "; ") + c;
      }
      add(prop::kCitation, Value(joined));
    }
    if (!r.license_requirement.empty()) {
      add(prop::kLicenseRequirement, Value(r.license_requirement));
    }
    if (!r.license_policy.empty()) {
      add(prop::kLicensePolicy, Value(r.license_policy));
    }
    if (!r.programs.empty()) {
      add(prop::kPrograms, Value(r.programs));
    }
    if (r.start_date) {
      add(prop::kStartDate, Value(*r.start_date));
    }
    if (!r.remarks.empty()) {
      add(prop::kNote, Value(r.remarks));
    }
    std::sort(p.begin(), p.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return p;
  }

  template <typename Note>
  Status WriteRuleEdges(const ListRecord& r, VertexId entity, Note note) {
    for (size_t i = 0; i < r.fr_citations.size(); ++i) {
      const std::string& cit = r.fr_citations[i];
      bool created = false;
      ECG_ASSIGN_OR_RETURN(VertexId rule, ctx_->batch()->Vertex(VertexKind::kRule, cit, &created));
      if (created) {
        ECG_RETURN_IF_ERROR(Prop(rule, prop::kCitation, Value(cit)).status());
      }
      std::optional<Date> stated;
      if (i < r.citation_dates.size()) {
        stated = r.citation_dates[i];
      }
      ECG_ASSIGN_OR_RETURN(std::optional<Date> known, CitationDate(cit));
      if (stated && !known) {
        // The first source to date a citation dates it for every source.
        ECG_RETURN_IF_ERROR(Prop(rule, prop::kPublicationDate, Value(*stated)).status());
        citation_dates_[prop::kPublicationDate][cit] = stated;
        if (dated_pages_loaded_) {
          NotePageDate(cit, *stated);
        }
        known = stated;
      }
      if (r.start_date && r.fr_citations.size() == 1 && !stated) {
        // A dated record citing only this rule (a CSL record's start_date)
        // dates the undated listings of other sources under it.
        ECG_ASSIGN_OR_RETURN(std::optional<Date> listed, CitationDate(cit, prop::kListedFrom));
        if (!listed) {
          ECG_RETURN_IF_ERROR(Prop(rule, prop::kListedFrom, Value(*r.start_date)).status());
          citation_dates_[prop::kListedFrom][cit] = r.start_date;
        }
      }
      Interval iv = Interval::Always();
      if (stated) {
        iv = Interval::Since(*stated);
      } else if (known) {
        iv = Interval::Since(*known);
      } else {
        ECG_ASSIGN_OR_RETURN(ListingStart start, StartByPagination(cit));
        if (start.date) {
          iv = Interval::Since(*start.date);
        }
      }
      PropertyList props = {{prop::kCitation, Value(cit)}, {prop::kListName, Value(r.list_code)}};
      ECG_ASSIGN_OR_RETURN(
          WriteOutcome o, ctx_->PutEdge(i == 0 ? EdgeType::kAdds : EdgeType::kRevises, rule, entity,
                                        props, iv, r.list_code));
      note(o);
    }
    return Status::OK();
  }

  template <typename Note>
  Status WriteAffiliation(const Affiliation& a, const std::string& country, VertexId affiliate,
                          Note note) {
    std::vector<std::string> aliases;
    if (!a.parent_alias.empty()) {
      aliases.push_back(a.parent_alias);
    }
    ECG_ASSIGN_OR_RETURN(resolve::Resolution parent,
                         resolver_.Resolve({}, a.parent, aliases, country));
    if (parent.created) {
      ECG_RETURN_IF_ERROR(Prop(parent.id, prop::kName, Value(a.parent)).status());
      if (!country.empty()) {
        ECG_RETURN_IF_ERROR(Prop(parent.id, prop::kCountry, Value(country)).status());
        ECG_RETURN_IF_ERROR(LocateIn(parent.id, country, ctx_).status());
      }
      ECG_RETURN_IF_ERROR(Prop(parent.id, prop::kResolution,
                               Value("parent named by an affiliate: " + parent.reason))
                              .status());
    }
    if (!a.parent_alias.empty()) {
      ECG_RETURN_IF_ERROR(Prop(parent.id, prop::kAlias, Value(a.parent_alias)).status());
    }
    if (parent.id == affiliate) {
      return Status::OK();
    }
    ECG_ASSIGN_OR_RETURN(WriteOutcome o, ctx_->PutEdge(EdgeType::kAffiliatedWith, affiliate,
                                                       parent.id, {}, Interval::Always()));
    note(o);
    return Status::OK();
  }

  SourceContext* ctx_;
  resolve::EntityResolver resolver_;
  std::map<std::string, VertexId> lists_;
  std::set<VertexId> owned_in_file_;
  std::map<std::string, int> record_ids_;
  // Per property (kPublicationDate, kListedFrom): citation -> date.
  std::map<PropertyId, std::map<std::string, std::optional<Date>>> citation_dates_;
  // Volume -> page -> day of the dated citations known (LoadDatedPages).
  std::map<int, std::map<int, Date>> dated_pages_;
  bool dated_pages_loaded_ = false;
};

}  // namespace

Result<VertexId> FindOrAddList(const std::string& code, const std::string& name, bool alias_names,
                               SourceContext* ctx, std::map<std::string, VertexId>* cache) {
  auto it = cache->find(code);
  if (it != cache->end()) {
    return it->second;
  }
  bool created = false;
  ECG_ASSIGN_OR_RETURN(VertexId id, ctx->batch()->Vertex(VertexKind::kList, code, &created));
  if (created) {
    ECG_RETURN_IF_ERROR(
        ctx->SetProperty(id, prop::kName, Value(name.empty() ? code : name)).status());
    ECG_RETURN_IF_ERROR(ctx->SetProperty(id, prop::kCode, Value(code)).status());
  } else if (alias_names && !name.empty()) {
    ECG_RETURN_IF_ERROR(ctx->SetProperty(id, prop::kAlias, Value(name)).status());
  }
  (*cache)[code] = id;
  return id;
}

Result<store::WriteOutcome> LocateIn(VertexId entity, std::string_view code, SourceContext* ctx) {
  ECG_ASSIGN_OR_RETURN(VertexId country, ctx->batch()->Vertex(VertexKind::kCountry, code));
  return ctx->PutEdge(EdgeType::kLocatedIn, entity, country, {}, Interval::Always());
}

void CountParty(bool created, bool merged, bool changed, SourceContext* ctx) {
  IngestCounts& c = ctx->report()->counts;
  if (created) {
    ++c.entities_new;
  } else if (merged) {
    ++c.entities_merged;
  } else if (changed) {
    ++c.entities_changed;
  } else {
    ++c.entities_unchanged;
  }
}

Status WriteParsedList(const ParsedList& list, SourceContext* ctx) {
  if (list.snapshot_date) {
    ctx->set_snapshot_date(*list.snapshot_date);
  }
  for (const auto& q : list.quarantined) {
    ctx->Quarantine(q.line, q.offset, q.reason);
  }
  RecordWriter writer(ctx);
  ECG_RETURN_IF_ERROR(writer.WriteDescriptions(list.lists));
  // The first record of an entity in a file names it (later ones add
  // aliases). Records written in upper case only ("HUAWEI TECHNOLOGIES CO.,
  // LTD.") go after the others, so that the name shown is the mixed-case
  // spelling when the file has one; the order is deterministic, so a re-ingest
  // writes the same values.
  std::vector<const ListRecord*> order;
  order.reserve(list.records.size());
  for (const auto& r : list.records) {
    order.push_back(&r);
  }
  std::stable_partition(order.begin(), order.end(),
                        [](const ListRecord* r) { return !IsUpperCaseOnly(r->name); });
  std::set<std::string> codes;
  for (const ListRecord* r : order) {
    codes.insert(r->list_code);
  }
  // The feed is known before the records are written, so that the writes of
  // an older snapshot ingested late can defer to the newer one
  // (SourceContext::NewerSnapshot).
  if (IsSnapshotFormat(list.format) && !codes.empty()) {
    // Most formats are one file per data set, whose lists come and go; the
    // eCFR extracts are one file per list, so their feed names the list. The
    // two shapes of the Consolidated Screening List share one feed.
    std::string feed = list.format == "csl-compact-json" ? "csl" : "list:" + list.format;
    if (list.format == "ecfr-list-json") {
      feed += ":";
      for (const auto& c : codes) {
        feed += (feed.back() == ':' ? "" : ",") + c;
      }
    }
    ctx->set_feed(std::move(feed));
    ctx->MarkSnapshot(EdgeType::kListedOn);
  }
  for (const ListRecord* r : order) {
    ECG_RETURN_IF_ERROR(writer.Write(*r));
  }
  if (!list.ownership.empty()) {
    ECG_RETURN_IF_ERROR(WriteOwnership(list.ownership, ctx));
  }
  if (!list.ftm.empty()) {
    ECG_RETURN_IF_ERROR(WriteFtm(list.ftm, ctx));
  }
  if (!IsSnapshotFormat(list.format) && list.format == "csl-csv" &&
      !ctx->complete_lists().empty()) {
    // A CSL sample or subset, declared complete for some lists (--complete):
    // a snapshot of those lists only, in the CSL feed.
    std::set<VertexId> targets;
    for (const auto& code : ctx->complete_lists()) {
      if (codes.count(code) == 0) {
        continue;
      }
      ECG_ASSIGN_OR_RETURN(VertexId list_vertex, ctx->batch()->Find(VertexKind::kList, code));
      if (list_vertex.valid()) {
        targets.insert(list_vertex);
      }
    }
    if (!targets.empty()) {
      ctx->set_feed("csl");
      ctx->MarkSnapshot(EdgeType::kListedOn);
      ctx->RestrictSnapshotTo(std::move(targets));
    }
  }
  return Status::OK();
}

std::vector<std::string> ListHandler::formats() const {
  std::vector<std::string> out = ListFormats();
  out.emplace_back(kAliasCsvFormat);
  out.emplace_back(kJudgementsCsvFormat);
  return out;
}

std::optional<std::string> ListHandler::Detect(std::string_view utf8,
                                               std::string_view file_name) const {
  if (utf8.starts_with("chinese_name,english_name,source_note")) {
    return std::string(kAliasCsvFormat);
  }
  if (utf8.starts_with("judgement,record,other,reason")) {
    return std::string(kJudgementsCsvFormat);
  }
  auto f = DetectListFormat(utf8, file_name);
  if (!f.ok()) {
    return std::nullopt;
  }
  return *f;
}

std::string ListHandler::FeedKey(std::string_view format, std::string_view /*utf8*/,
                                 std::string_view /*file_name*/) const {
  // Refined in Apply with the file's list codes. CSL samples and subsets
  // belong to the CSL feed without being snapshots: a later complete CSL
  // closes what they asserted and it no longer does.
  if (format == "csl-compact-json" || format == "csl-csv") {
    return "csl";
  }
  return IsSnapshotFormat(format) ? "list:" + std::string(format) : std::string();
}

Status ListHandler::Apply(std::string_view utf8, SourceContext* ctx) const {
  if (ctx->format() == kAliasCsvFormat) {
    ECG_ASSIGN_OR_RETURN(std::vector<AliasPair> pairs, ParseAliasCsv(utf8, ctx->file_label()));
    return WriteAliasPairs(pairs, ctx);
  }
  if (ctx->format() == kJudgementsCsvFormat) {
    ECG_ASSIGN_OR_RETURN(std::vector<resolve::Judgement> judgements,
                         ParseJudgementsCsv(utf8, ctx->file_label()));
    return WriteJudgements(judgements, ctx);
  }
  ECG_ASSIGN_OR_RETURN(ParsedList list, ParseListFile(utf8, ctx->format(), ctx->file_label()));
  return WriteParsedList(list, ctx);
}

void RegisterListHandlers(Ingester* ingester) {
  ingester->Register(std::make_unique<ListHandler>());
}

}  // namespace ecg::ingest
