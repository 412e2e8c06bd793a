// The endpoints of `ecg serve`, one function each, free of HTTP library
// types: each takes the request's parts and returns a Reply that
// serve/server.cc sends. Internal to serve/ (and its tests).
// Thread safety: the handlers are safe for concurrent use; each request
// passes its own Context.
#ifndef ECG_SERVE_HANDLERS_H_
#define ECG_SERVE_HANDLERS_H_

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "schema/ids.h"
#include "schema/result.h"
#include "store/graph_store.h"

#include "serve/follower.h"
#include "serve/server.h"

namespace ecg::serve {

// URL query parameters, as the HTTP library hands them over.
using UrlParams = std::multimap<std::string, std::string>;

struct Reply {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

struct Context {
  const Snapshot& snapshot;
  const ServeOptions& options;
  // "http://host:port" as the client addressed the server (for links).
  std::string base_url;
};

// {"error":{"status":S,"message":M}} with status S.
Reply ErrorReply(int status, std::string_view message);
// The HTTP status for a Status (docs/serve.md): InvalidArgument 400,
// NotFound 404, AlreadyExists 409, Busy 503, ResourceExhausted 413 (or 429
// for a limit a query hit: `limit_hit`), NotSupported 501, else 500. A
// query error with a position gets {"position":{"line","column"}} too.
Reply StatusReply(const Status& s);
Reply JsonReply(const nlohmann::json& j, int status = 200);
// JSON text of `j`, invalid UTF-8 replaced.
std::string Dump(const nlohmann::json& j);
// `body` parsed as a JSON object. InvalidArgument "invalid JSON: ..." (with
// the line and column) or "... must be a JSON object".
Result<nlohmann::json> ParseJsonObject(std::string_view body, std::string_view what);
// InvalidArgument naming the first member of `obj` not in `allowed`.
Status CheckFields(const nlohmann::json& obj, const std::vector<std::string_view>& allowed,
                   std::string_view where);
// The value of parameter `name`, or `fallback`.
std::string Param(const UrlParams& params, const std::string& name, std::string fallback = "");

Reply HandleHealth(const Context& ctx);
Reply HandleVersion(const Context& ctx);
Reply HandleOpenApi(const Context& ctx);
// POST /query {"query", "params", "limits", "format", "today"}.
Reply HandleQuery(const Context& ctx, std::string_view body);
// POST /match[/{dataset}] in yente's shape; `params` holds threshold,
// cutoff, limit and as_of for every query of the body.
Reply HandleMatch(const Context& ctx, std::string_view body, const UrlParams& params);
// GET /search?q=&kind=&country=&type=&limit=&as_of=&threshold=.
Reply HandleSearch(const Context& ctx, const UrlParams& params);
// GET /entities/{id}: natural key or numeric vertex id.
Reply HandleEntity(const Context& ctx, std::string_view id, const UrlParams& params);
// GET /lists/{key}/changes?from=&to=.
Reply HandleListChanges(const Context& ctx, std::string_view key, const UrlParams& params);
// The OpenRefine reconciliation service: manifest (GET /reconcile without
// queries), queries (queries=JSON, by GET or form POST) and preview.
Reply HandleReconcile(const Context& ctx, const UrlParams& params);
Reply HandleReconcilePreview(const Context& ctx, const UrlParams& params);

// Shared by the handlers (serve/entity_json.cc).

// The vertex named by `id` in a URL: a natural key of any kind, or
// "v<number>" / "<number>" for a vertex id. NotFound when none.
Result<store::VertexRecord> ResolveVertex(const store::ReadView& view, std::string_view id);
// The id a URL uses for a vertex: its natural key.
std::string PublicId(const store::VertexRecord& rec);
// Visible values of every property of `id` (but an article's text and
// entity resolution's notes), by property name:
// {"name":["..."],"alias":[...],"country":["CN"],...}.
Result<nlohmann::json> PropertiesJson(const store::ReadView& view, VertexId id);
// FollowTheMoney schema for an entity type: Company, Person, Vessel,
// LegalEntity (unknown type).
std::string FtmSchema(std::string_view type);
// A stored Value as JSON: strings, numbers, booleans, dates as
// "YYYY-MM-DD", string lists as arrays, null.
nlohmann::json ValueJson(const Value& v);
// "YYYY-MM-DD", or null for an open end.
nlohmann::json DateJson(Date d, bool is_end);

// Screening shared by /match, /search and /reconcile (serve/handle_match.cc).
struct ScreenRequest {
  std::vector<std::string> names;  // each is screened; candidates merge by entity
  screen::ScreenOptions options;   // country, type, as_of, threshold (the cutoff), limit
};
// Candidates of every name, merged by entity keeping the best score, best
// first, at most options.limit. InvalidArgument when there is no name or a
// name is unusable (screen::Screener::Screen).
// `rule_status` (optional) receives the affiliates rule's force on the day
// ("in force since ...", "suspended by ...").
Result<std::vector<screen::Candidate>> ScreenNames(const Context& ctx, const ScreenRequest& req,
                                                   std::string* rule_status = nullptr);
// The Screener's entity type for a FollowTheMoney schema ("" = any);
// InvalidArgument for a schema that is not a legal entity.
Result<std::string> TypeForSchema(std::string_view schema);

}  // namespace ecg::serve

#endif  // ECG_SERVE_HANDLERS_H_
