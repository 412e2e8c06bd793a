// The OpenRefine reconciliation service (Reconciliation Service API 0.2):
// GET /reconcile is the service manifest; queries=JSON (GET or form POST)
// reconciles names; GET /reconcile/preview?id= is a small HTML card.
#include <string>
#include <utility>

#include "query/format.h"
#include "schema/props.h"

#include "serve/handlers.h"

namespace ecg::serve {
namespace {

constexpr size_t kDefaultLimit = 3;

nlohmann::json Manifest(const Context& ctx) {
  const std::string& base = ctx.base_url;
  return {{"versions", {"0.1", "0.2"}},
          {"name", "ecgraph: export-control entities"},
          {"identifierSpace", base + "/entities/"},
          {"schemaSpace", base + "/schema/"},
          {"defaultTypes",
           {{{"id", "LegalEntity"}, {"name", "Legal entity"}},
            {{"id", "Company"}, {"name", "Company"}},
            {{"id", "Person"}, {"name", "Person"}},
            {{"id", "Vessel"}, {"name", "Vessel"}}}},
          {"view", {{"url", base + "/#/entity/{{id}}"}}},
          {"preview",
           {{"url", base + "/reconcile/preview?id={{id}}"}, {"width", 400}, {"height", 200}}},
          {"batchSize", 10}};
}

Result<nlohmann::json> Reconcile(const Context& ctx, const std::string& name,
                                 const nlohmann::json& q) {
  const std::string where = "query '" + name + "'";
  if (!q.is_object()) {
    return Status::InvalidArgument(where + " must be an object");
  }
  ECG_RETURN_IF_ERROR(
      CheckFields(q, {"query", "type", "limit", "properties", "type_strict"}, where));
  auto text = q.find("query");
  if (text == q.end() || !text->is_string() || text->get<std::string>().empty()) {
    return Status::InvalidArgument(where + ": 'query' must be a non-empty string");
  }
  ScreenRequest req;
  req.names.push_back(text->get<std::string>());
  req.options.threshold = 50;
  req.options.limit = kDefaultLimit;
  std::string type = "LegalEntity";
  if (auto t = q.find("type"); t != q.end()) {
    if (!t->is_string()) {
      return Status::InvalidArgument(where + ": 'type' must be a type id");
    }
    type = t->get<std::string>();
  }
  ECG_ASSIGN_OR_RETURN(req.options.type, TypeForSchema(type));
  if (auto l = q.find("limit"); l != q.end()) {
    if (!l->is_number_unsigned() || l->get<uint64_t>() == 0) {
      return Status::InvalidArgument(where + ": 'limit' must be a positive integer");
    }
    req.options.limit = std::min<size_t>(ctx.options.max_results, l->get<uint64_t>());
  }
  if (auto props = q.find("properties"); props != q.end()) {
    if (!props->is_array()) {
      return Status::InvalidArgument(where + ": 'properties' must be a list of {pid, v}");
    }
    for (const auto& p : *props) {
      if (!p.is_object() || !p.contains("pid") || !p["pid"].is_string() || !p.contains("v")) {
        return Status::InvalidArgument(where + ": each property needs 'pid' and 'v'");
      }
      const nlohmann::json& v = p["v"];
      const std::string value = v.is_string() ? v.get<std::string>()
                                : v.is_array() && !v.empty() && v[0].is_string()
                                    ? v[0].get<std::string>()
                                    : "";
      if (p["pid"] == "country" && !value.empty()) {
        req.options.country = value;
      } else if ((p["pid"] == "alias" || p["pid"] == "name") && !value.empty()) {
        req.names.push_back(value);
      }
    }
  }
  ECG_ASSIGN_OR_RETURN(std::vector<screen::Candidate> cands, ScreenNames(ctx, req));
  nlohmann::json result = nlohmann::json::array();
  for (const screen::Candidate& c : cands) {
    std::string description = c.country;
    for (const screen::Listing& l : c.lists) {
      description += description.empty() ? "" : "; ";
      description += l.list_name.empty() ? l.list_code : l.list_name;
    }
    const std::string schema = FtmSchema(c.type);
    result.push_back({{"id", c.key},
                      {"name", c.name},
                      {"type", {{{"id", schema}, {"name", schema}}}},
                      {"score", c.score},
                      {"match", c.score >= screen::kDefaultThreshold && &c == &cands.front()},
                      {"description", description}});
  }
  return nlohmann::json{{"result", std::move(result)}};
}

}  // namespace

Reply HandleReconcile(const Context& ctx, const UrlParams& params) {
  const std::string queries = Param(params, "queries");
  if (queries.empty()) {
    return JsonReply(Manifest(ctx));
  }
  auto req = ParseJsonObject(queries, "reconcile queries");
  if (!req.ok()) {
    return StatusReply(req.status());
  }
  if (req->size() > ctx.options.max_match_queries) {
    return ErrorReply(413, "too many queries in one batch (at most " +
                               std::to_string(ctx.options.max_match_queries) + ")");
  }
  nlohmann::json out = nlohmann::json::object();
  for (const auto& item : req->items()) {
    auto r = Reconcile(ctx, item.key(), item.value());
    if (!r.ok()) {
      return StatusReply(r.status());
    }
    out[item.key()] = std::move(*r);
  }
  return JsonReply(out);
}

Reply HandleReconcilePreview(const Context& ctx, const UrlParams& params) {
  const std::string id = Param(params, "id");
  auto view = ctx.snapshot.store().NewReadView();
  auto rec = ResolveVertex(*view, id);
  if (!rec.ok()) {
    return StatusReply(rec.status());
  }
  auto props = PropertiesJson(*view, rec->id);
  if (!props.ok()) {
    return StatusReply(props.status());
  }
  std::string html =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>body{font:13px "
      "sans-serif;margin:6px}dt{font-weight:bold}</style></head><body><dl>";
  for (const auto& item : props->items()) {
    std::string values;
    for (const auto& v : item.value()) {
      values += values.empty() ? "" : "; ";
      values += v.is_string() ? v.get<std::string>() : Dump(v);
    }
    html +=
        "<dt>" + query::XmlEscape(item.key()) + "</dt><dd>" + query::XmlEscape(values) + "</dd>";
  }
  html += "</dl></body></html>\n";
  Reply r;
  r.content_type = "text/html; charset=utf-8";
  r.body = std::move(html);
  return r;
}

}  // namespace ecg::serve
