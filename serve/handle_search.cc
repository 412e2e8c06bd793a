// GET /search?q=: fuzzy names in any script. Entities go through screening
// (scores, reasons, lists); other kinds through the query language's fuzzy
// start set (`technology ~"光刻机"`).
#include <charconv>
#include <string>

#include "serve/handlers.h"

namespace ecg::serve {
namespace {

// A search casts a wider net than a match: results down to this score.
constexpr int kSearchThreshold = 60;
constexpr size_t kSearchLimit = 10;

Result<int64_t> IntParam(const UrlParams& params, const std::string& name, int64_t fallback,
                         int64_t lo, int64_t hi) {
  const std::string s = Param(params, name);
  if (s.empty()) {
    return fallback;
  }
  int64_t v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size() || v < lo || v > hi) {
    return Status::InvalidArgument("parameter '" + name + "' must be an integer from " +
                                   std::to_string(lo) + " to " + std::to_string(hi));
  }
  return v;
}

Result<nlohmann::json> SearchEntities(const Context& ctx, const UrlParams& params,
                                      const std::string& q, size_t limit) {
  ScreenRequest req;
  req.names.push_back(q);
  req.options.limit = limit;
  ECG_ASSIGN_OR_RETURN(int64_t threshold, IntParam(params, "threshold", kSearchThreshold, 0, 100));
  req.options.threshold = static_cast<int>(threshold);
  req.options.country = Param(params, "country");
  for (char& ch : req.options.country) {
    ch = (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch;
  }
  const std::string type = Param(params, "type");
  if (!type.empty() && type != "company" && type != "person" && type != "vessel") {
    return Status::InvalidArgument("'type' must be company, person or vessel");
  }
  req.options.type = type;
  if (std::string as_of = Param(params, "as_of"); !as_of.empty()) {
    ECG_ASSIGN_OR_RETURN(Date d, Date::Parse(as_of));
    req.options.as_of = d;
  }
  ECG_ASSIGN_OR_RETURN(std::vector<screen::Candidate> cands, ScreenNames(ctx, req));
  nlohmann::json results = nlohmann::json::array();
  for (const screen::Candidate& c : cands) {
    nlohmann::json lists = nlohmann::json::array();
    for (const screen::Listing& l : c.lists) {
      lists.push_back({{"list", l.list_code},
                       {"list_name", l.list_name},
                       {"from", DateJson(l.valid.from, false)},
                       {"to", DateJson(l.valid.to, true)},
                       {"citation", l.citation}});
    }
    results.push_back({{"id", c.key},
                       {"kind", "entity"},
                       {"caption", c.name},
                       {"schema", FtmSchema(c.type)},
                       {"country", c.country},
                       {"score", c.score / 100.0},
                       {"reasons", c.reasons},
                       {"lists", std::move(lists)},
                       {"affiliate", c.affiliation.applies},
                       {"affiliate_pct", c.affiliation.pct}});
  }
  return results;
}

Result<nlohmann::json> SearchKind(const Context& ctx, VertexKind kind, const std::string& q,
                                  size_t limit) {
  query::Params params;
  params["q"] = Value(q);
  params["n"] = Value(static_cast<int64_t>(limit));
  const std::string text = std::string(VertexKindName(kind)) + " ~$q | limit $n | select key, name";
  query::ExecOptions options = ctx.options.query_limits;
  options.timeout = std::min(options.timeout, ctx.options.request_timeout);
  ECG_ASSIGN_OR_RETURN(query::Prepared prepared, ctx.snapshot.engine().Prepare(text, params));
  ECG_ASSIGN_OR_RETURN(query::ResultSet rs, ctx.snapshot.engine().Execute(prepared, options));
  nlohmann::json results = nlohmann::json::array();
  for (const auto& row : rs.rows) {
    nlohmann::json caption = ValueJson(row[1]);
    results.push_back({{"id", ValueJson(row[0])},
                       {"kind", std::string(VertexKindName(kind))},
                       {"caption", caption.is_null() ? ValueJson(row[0]) : caption}});
  }
  return results;
}

}  // namespace

Reply HandleSearch(const Context& ctx, const UrlParams& params) {
  const std::string q = Param(params, "q");
  if (q.empty()) {
    return ErrorReply(400, "give ?q=NAME (any script)");
  }
  auto limit =
      IntParam(params, "limit", kSearchLimit, 1, static_cast<int64_t>(ctx.options.max_results));
  if (!limit.ok()) {
    return StatusReply(limit.status());
  }
  const std::string kind_name = Param(params, "kind", "entity");
  auto kind = ParseVertexKind(kind_name);
  if (!kind.has_value()) {
    return ErrorReply(400,
                      "unknown kind '" + kind_name +
                          "' (entity, list, rule, eccn, technology, country, article, source)");
  }
  auto results = *kind == VertexKind::kEntity
                     ? SearchEntities(ctx, params, q, static_cast<size_t>(*limit))
                     : SearchKind(ctx, *kind, q, static_cast<size_t>(*limit));
  if (!results.ok()) {
    return StatusReply(results.status());
  }
  const size_t total = results->size();
  return JsonReply({{"query", q},
                    {"kind", kind_name},
                    {"results", std::move(*results)},
                    {"total", {{"value", total}, {"relation", "eq"}}}});
}

}  // namespace ecg::serve
