// GET /healthz, GET /version, GET /openapi.json, POST /query and
// GET /lists/{key}/changes: the query language over HTTP (query::Engine),
// under the server's limits.
#include <algorithm>
#include <chrono>
#include <string>
#include <utility>

#include "query/format.h"

#include "serve/handlers.h"
#include "serve/static_files.h"

namespace ecg::serve {
namespace {

// A JSON parameter value as a query Value: strings, integers, numbers,
// booleans and arrays of strings.
Result<Value> ParamValue(const std::string& name, const nlohmann::json& j) {
  if (j.is_string()) {
    return Value(j.get<std::string>());
  }
  if (j.is_boolean()) {
    return Value(j.get<bool>());
  }
  if (j.is_number_integer()) {
    return Value(j.get<int64_t>());
  }
  if (j.is_number()) {
    return Value(j.get<double>());
  }
  if (j.is_array()) {
    Value::StringList list;
    for (const auto& e : j) {
      if (!e.is_string()) {
        return Status::InvalidArgument("parameter '" + name + "': arrays hold strings only");
      }
      list.push_back(e.get<std::string>());
    }
    return Value(std::move(list));
  }
  return Status::InvalidArgument("parameter '" + name +
                                 "' must be a string, number, boolean or array of strings");
}

// A limit of the request, capped by the server's: requests may lower limits
// but never raise them.
template <typename T>
Status ReadLimit(const nlohmann::json& limits, const char* name, T cap, T* out) {
  auto it = limits.find(name);
  if (it == limits.end()) {
    *out = cap;
    return Status::OK();
  }
  if (!it->is_number_unsigned()) {
    return Status::InvalidArgument(std::string("limits.") + name +
                                   " must be a non-negative integer");
  }
  *out = std::min<T>(cap, static_cast<T>(it->get<uint64_t>()));
  return Status::OK();
}

Result<query::ExecOptions> ReadOptions(const nlohmann::json& req, const ServeOptions& server) {
  query::ExecOptions o = server.query_limits;
  o.timeout = std::min(o.timeout, server.request_timeout);
  if (auto it = req.find("limits"); it != req.end()) {
    if (!it->is_object()) {
      return Status::InvalidArgument("'limits' must be an object");
    }
    ECG_RETURN_IF_ERROR(
        CheckFields(*it, {"max_rows", "max_depth", "max_expansions", "timeout_ms"}, "limits"));
    ECG_RETURN_IF_ERROR(ReadLimit(*it, "max_rows", o.max_rows, &o.max_rows));
    ECG_RETURN_IF_ERROR(ReadLimit(*it, "max_depth", o.max_depth, &o.max_depth));
    ECG_RETURN_IF_ERROR(ReadLimit(*it, "max_expansions", o.max_expansions, &o.max_expansions));
    int64_t ms = 0;
    ECG_RETURN_IF_ERROR(ReadLimit<int64_t>(*it, "timeout_ms", o.timeout.count(), &ms));
    o.timeout = std::chrono::milliseconds(ms);
  }
  if (auto it = req.find("today"); it != req.end()) {
    if (!it->is_string()) {
      return Status::InvalidArgument("'today' must be a date YYYY-MM-DD");
    }
    ECG_ASSIGN_OR_RETURN(Date today, Date::Parse(it->get<std::string>()));
    o.today = today;
  }
  return o;
}

nlohmann::json ResultJson(const query::ResultSet& rs) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : rs.rows) {
    nlohmann::json r = nlohmann::json::array();
    for (const Value& v : row) {
      r.push_back(ValueJson(v));
    }
    rows.push_back(std::move(r));
  }
  nlohmann::json j = {{"columns", rs.columns},
                      {"rows", std::move(rows)},
                      {"row_count", rs.rows.size()},
                      {"truncated", rs.truncated},
                      {"notices", rs.notices}};
  if (!rs.stopped_by.empty()) {
    j["stopped_by"] = rs.stopped_by;
  }
  return j;
}

const char* ContentType(query::Format f) {
  switch (f) {
    case query::Format::kCsv:
      return "text/csv; charset=utf-8";
    case query::Format::kDot:
      return "text/vnd.graphviz; charset=utf-8";
    case query::Format::kGraphml:
      return "application/graphml+xml; charset=utf-8";
    case query::Format::kJson:
      return "application/x-ndjson; charset=utf-8";
    default:
      return "text/plain; charset=utf-8";
  }
}

// Prepares and runs `text`; the reply in `format` ("" = one JSON document).
Reply RunQuery(const Context& ctx, const std::string& text, const query::Params& params,
               query::ExecOptions options, const std::string& format) {
  std::optional<query::Format> f;
  if (!format.empty()) {
    auto parsed = query::ParseFormat(format);
    if (!parsed.ok()) {
      return StatusReply(parsed.status());
    }
    f = *parsed;
    options.collect_graph = query::IsGraphFormat(*f);
  }
  const query::Engine& engine = ctx.snapshot.engine();
  auto prepared = engine.Prepare(text, params);
  if (!prepared.ok()) {
    return StatusReply(prepared.status());
  }
  if (prepared->is_explain()) {
    return JsonReply({{"explain", prepared->Explain()}});
  }
  auto result = engine.Execute(*prepared, options);
  if (!result.ok()) {
    return StatusReply(result.status());
  }
  if (f.has_value()) {
    Reply r;
    r.content_type = ContentType(*f);
    r.body = query::Render(*result, *f);
    return r;
  }
  return JsonReply(ResultJson(*result));
}

}  // namespace

Reply HandleHealth(const Context& ctx) {
  return JsonReply({{"status", "ok"}, {"generation", ctx.snapshot.generation()}});
}

Reply HandleVersion(const Context& ctx) {
  nlohmann::json j = {{"ecg", "0.1.0"},
                      {"format_version", store::kFormatVersion},
                      {"generation", ctx.snapshot.generation()}};
  const auto opened =
      std::chrono::duration_cast<std::chrono::seconds>(ctx.snapshot.opened_at().time_since_epoch());
  j["opened_unix_seconds"] = opened.count();
  auto runs = ctx.snapshot.store().Runs();
  if (!runs.ok()) {
    return StatusReply(runs.status());
  }
  j["runs"] = runs->size();
  if (!runs->empty()) {
    const store::RunInfo& last = runs->back();
    j["last_run"] = {{"id", last.id.value()},
                     {"label", last.label},
                     {"started_unix_seconds", last.started_unix_seconds}};
  } else {
    j["last_run"] = nullptr;
  }
  return JsonReply(j);
}

Reply HandleOpenApi(const Context& /*ctx*/) {
  const StaticFile* f = FindStaticFile("/openapi.json");
  if (f == nullptr) {
    return ErrorReply(500, "the OpenAPI document is missing from this build");
  }
  Reply r;
  r.content_type = std::string(f->content_type);
  r.body = std::string(f->body);
  return r;
}

Reply HandleQuery(const Context& ctx, std::string_view body) {
  auto req = ParseJsonObject(body, "POST /query");
  if (!req.ok()) {
    return StatusReply(req.status());
  }
  Status fields =
      CheckFields(*req, {"query", "params", "limits", "format", "today"}, "the request");
  if (!fields.ok()) {
    return StatusReply(fields);
  }
  auto q = req->find("query");
  if (q == req->end() || !q->is_string() || q->get<std::string>().empty()) {
    return ErrorReply(400, "'query' must be a non-empty string (docs/query.md)");
  }
  query::Params params;
  if (auto p = req->find("params"); p != req->end()) {
    if (!p->is_object()) {
      return ErrorReply(400, "'params' must be an object of $name values");
    }
    for (const auto& item : p->items()) {
      auto v = ParamValue(item.key(), item.value());
      if (!v.ok()) {
        return StatusReply(v.status());
      }
      params[item.key()] = std::move(*v);
    }
  }
  auto options = ReadOptions(*req, ctx.options);
  if (!options.ok()) {
    return StatusReply(options.status());
  }
  std::string format;
  if (auto f = req->find("format"); f != req->end()) {
    if (!f->is_string()) {
      return ErrorReply(400, "'format' must be a string: json, jsonl, csv, table, dot, graphml");
    }
    format = f->get<std::string>();
    if (format == "json") {
      format.clear();  // one JSON document; "jsonl" is the line format
    }
  }
  return RunQuery(ctx, q->get<std::string>(), params, *options, format);
}

Reply HandleListChanges(const Context& ctx, std::string_view key, const UrlParams& params) {
  const std::string from = Param(params, "from");
  const std::string to = Param(params, "to", "today");
  if (from.empty()) {
    return ErrorReply(400, "give ?from=YYYY-MM-DD (and optionally &to=YYYY-MM-DD, default today)");
  }
  query::Params qp;
  qp["key"] = Value(std::string(key));
  for (const auto& [name, text] : {std::pair{"from", from}, std::pair{"to", to}}) {
    if (text == "today") {
      qp[name] = Value(Date::Today());
      continue;
    }
    auto d = Date::Parse(text);
    if (!d.ok()) {
      return ErrorReply(400, std::string("'") + name + "': " + d.status().message());
    }
    qp[name] = Value(*d);
  }
  auto view = ctx.snapshot.store().NewReadView();
  auto list = view->FindByKey(VertexKind::kList, key);
  if (!list.ok()) {
    return StatusReply(list.status());
  }
  if (!list->valid()) {
    return ErrorReply(404, "no list with key '" + std::string(key) + "'");
  }
  query::ExecOptions options = ctx.options.query_limits;
  options.timeout = std::min(options.timeout, ctx.options.request_timeout);
  Reply r = RunQuery(ctx,
                     "list $key <- listed_on entity | diff $from .. $to"
                     " | select change, key, name, detail | sort change, name",
                     qp, options, "");
  if (r.status != 200) {
    return r;
  }
  nlohmann::json j = nlohmann::json::parse(r.body, nullptr, /*allow_exceptions=*/false);
  nlohmann::json changes = nlohmann::json::array();
  for (const auto& row : j["rows"]) {
    changes.push_back({{"change", row[0]}, {"id", row[1]}, {"name", row[2]}, {"detail", row[3]}});
  }
  nlohmann::json out = {{"list", std::string(key)},
                        {"from", qp["from"].ToString()},
                        {"to", qp["to"].ToString()},
                        {"changes", std::move(changes)},
                        {"truncated", j["truncated"]}};
  // The rules behind each change: adds / removes / revises edges into the
  // entity that took effect in the window.
  const Date from_day = qp["from"].as_date();
  const Date to_day = qp["to"].as_date();
  for (auto& change : out["changes"]) {
    change["rules"] = nlohmann::json::array();
    if (!change["id"].is_string()) {
      continue;
    }
    auto rec = ResolveVertex(*view, change["id"].get<std::string>());
    if (!rec.ok()) {
      continue;
    }
    std::vector<std::pair<VertexId, store::EdgeStatement>> edges;
    Status s = view->ForEachEdge(
        rec->id, store::Direction::kIn, std::nullopt, [&](const store::EdgeStatement& e) {
          const bool event = e.type == EdgeType::kAdds || e.type == EdgeType::kRemoves ||
                             e.type == EdgeType::kRevises;
          if (event && e.meta.valid.from > from_day && e.meta.valid.from <= to_day) {
            edges.emplace_back(e.src, e);
          }
          return true;
        });
    if (!s.ok()) {
      return StatusReply(s);
    }
    for (const auto& entry : edges) {
      auto rule = view->GetVertex(entry.first);
      if (!rule.ok()) {
        return StatusReply(rule.status());
      }
      change["rules"].push_back({{"rule", PublicId(*rule)},
                                 {"change", std::string(EdgeTypeName(entry.second.type))},
                                 {"date", DateJson(entry.second.meta.valid.from, false)}});
    }
  }
  return JsonReply(out);
}

}  // namespace ecg::serve
