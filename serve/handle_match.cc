// POST /match: yente's query-by-example API (OpenSanctions), so that a yente
// client works unchanged: {"queries":{"q1":{"schema":"Company","properties":
// {"name":[...],"country":[...]}}}} in, {"responses":{"q1":{"status":200,
// "results":[{"id","caption","schema","properties","score","match",
// "features",...}],"total":{...}}}} out, backed by screen::Screener.
#include <algorithm>
#include <charconv>
#include <string>
#include <unordered_map>
#include <utility>

#include "schema/props.h"

#include "serve/handlers.h"

namespace ecg::serve {
namespace {

// yente's defaults: matches at 0.7 or more; results down to the cutoff.
constexpr double kDefaultCutoff = 0.5;
constexpr size_t kDefaultLimit = 5;

// FollowTheMoney properties that carry a name or a country.
bool IsNameProperty(std::string_view p) {
  return p == "name" || p == "alias" || p == "previousName" || p == "weakAlias" ||
         p == "abbreviation" || p == "firstName" || p == "lastName";
}
bool IsCountryProperty(std::string_view p) {
  return p == "country" || p == "jurisdiction" || p == "nationality" || p == "citizenship" ||
         p == "mainCountry" || p == "registrationCountry";
}

// A number in [0, 1] from a URL parameter or a JSON field.
Result<double> Fraction(std::string_view name, const nlohmann::json& j) {
  if (!j.is_number() || j.get<double>() < 0 || j.get<double>() > 1) {
    return Status::InvalidArgument("'" + std::string(name) + "' must be a number from 0 to 1");
  }
  return j.get<double>();
}

Result<nlohmann::json> UrlNumber(const UrlParams& params, const std::string& name) {
  const std::string s = Param(params, name);
  if (s.empty()) {
    return nlohmann::json();
  }
  double d = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), d);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size()) {
    return Status::InvalidArgument("parameter '" + name + "' must be a number, got '" + s + "'");
  }
  return nlohmann::json(d);
}

// Request-wide settings from the URL (?threshold=&cutoff=&limit=&as_of=).
struct MatchSettings {
  double threshold = static_cast<double>(screen::kDefaultThreshold) / 100.0;
  double cutoff = kDefaultCutoff;
  size_t limit = kDefaultLimit;
  std::optional<Date> as_of;
};

Status ApplyLimit(const nlohmann::json& j, size_t cap, size_t* out) {
  if (!j.is_number_unsigned() && !(j.is_number() && j.get<double>() >= 1)) {
    return Status::InvalidArgument("'limit' must be a positive integer");
  }
  *out = std::min(cap, static_cast<size_t>(j.get<double>()));
  return Status::OK();
}

Status ApplyAsOf(const nlohmann::json& j, std::optional<Date>* out) {
  if (!j.is_string()) {
    return Status::InvalidArgument("'as_of' must be a date YYYY-MM-DD");
  }
  ECG_ASSIGN_OR_RETURN(Date d, Date::Parse(j.get<std::string>()));
  *out = d;
  return Status::OK();
}

Result<MatchSettings> UrlSettings(const Context& ctx, const UrlParams& params) {
  MatchSettings s;
  ECG_ASSIGN_OR_RETURN(nlohmann::json t, UrlNumber(params, "threshold"));
  if (!t.is_null()) {
    ECG_ASSIGN_OR_RETURN(s.threshold, Fraction("threshold", t));
  }
  ECG_ASSIGN_OR_RETURN(nlohmann::json c, UrlNumber(params, "cutoff"));
  if (!c.is_null()) {
    ECG_ASSIGN_OR_RETURN(s.cutoff, Fraction("cutoff", c));
  }
  ECG_ASSIGN_OR_RETURN(nlohmann::json l, UrlNumber(params, "limit"));
  if (!l.is_null()) {
    ECG_RETURN_IF_ERROR(ApplyLimit(l, ctx.options.max_results, &s.limit));
  }
  if (std::string as_of = Param(params, "as_of"); !as_of.empty()) {
    ECG_RETURN_IF_ERROR(ApplyAsOf(as_of, &s.as_of));
  }
  return s;
}

// One query of the body, validated.
struct MatchQuery {
  ScreenRequest screen;
  MatchSettings settings;
  std::string schema;
  nlohmann::json echo;
};

Result<MatchQuery> ReadQuery(const Context& ctx, const std::string& name, const nlohmann::json& q,
                             const MatchSettings& base) {
  const std::string where = "query '" + name + "'";
  if (!q.is_object()) {
    return Status::InvalidArgument(where + " must be an object");
  }
  ECG_RETURN_IF_ERROR(CheckFields(
      q, {"id", "schema", "properties", "threshold", "cutoff", "limit", "as_of"}, where));
  MatchQuery out;
  out.settings = base;
  out.schema = "LegalEntity";
  if (auto it = q.find("schema"); it != q.end()) {
    if (!it->is_string()) {
      return Status::InvalidArgument(where + ": 'schema' must be a string");
    }
    out.schema = it->get<std::string>();
  }
  ECG_ASSIGN_OR_RETURN(out.screen.options.type, TypeForSchema(out.schema));
  auto props = q.find("properties");
  if (props == q.end() || !props->is_object()) {
    return Status::InvalidArgument(where + ": 'properties' must be an object of value lists");
  }
  for (const auto& item : props->items()) {
    std::vector<std::string> values;
    const nlohmann::json& v = item.value();
    if (v.is_string()) {
      values.push_back(v.get<std::string>());
    } else if (v.is_array()) {
      for (const auto& e : v) {
        if (!e.is_string()) {
          return Status::InvalidArgument(where + ": property '" + item.key() +
                                         "' must hold strings");
        }
        values.push_back(e.get<std::string>());
      }
    } else {
      return Status::InvalidArgument(where + ": property '" + item.key() +
                                     "' must be a string or a list of strings");
    }
    if (IsNameProperty(item.key())) {
      out.screen.names.insert(out.screen.names.end(), values.begin(), values.end());
    } else if (IsCountryProperty(item.key()) && out.screen.options.country.empty() &&
               !values.empty()) {
      out.screen.options.country = values.front();
      for (char& ch : out.screen.options.country) {
        ch = (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch;
      }
    }
  }
  if (auto it = q.find("threshold"); it != q.end()) {
    ECG_ASSIGN_OR_RETURN(out.settings.threshold, Fraction("threshold", *it));
  }
  if (auto it = q.find("cutoff"); it != q.end()) {
    ECG_ASSIGN_OR_RETURN(out.settings.cutoff, Fraction("cutoff", *it));
  }
  if (auto it = q.find("limit"); it != q.end()) {
    ECG_RETURN_IF_ERROR(ApplyLimit(*it, ctx.options.max_results, &out.settings.limit));
  }
  if (auto it = q.find("as_of"); it != q.end()) {
    ECG_RETURN_IF_ERROR(ApplyAsOf(*it, &out.settings.as_of));
  }
  out.screen.options.threshold =
      static_cast<int>(std::min(out.settings.cutoff, out.settings.threshold) * 100.0 + 0.5);
  out.screen.options.limit = out.settings.limit;
  out.screen.options.as_of = out.settings.as_of;
  out.echo = q;
  return out;
}

// yente's result entity, with ecgraph's explanation, listings and the
// affiliates rule.
Result<nlohmann::json> ResultJson(const store::ReadView& view, const screen::Candidate& c,
                                  double threshold) {
  const double score = c.score / 100.0;
  ECG_ASSIGN_OR_RETURN(nlohmann::json props, PropertiesJson(view, c.id));
  nlohmann::json datasets = nlohmann::json::array();
  nlohmann::json listings = nlohmann::json::array();
  for (const screen::Listing& l : c.lists) {
    if (std::find(datasets.begin(), datasets.end(), l.list_code) == datasets.end()) {
      datasets.push_back(l.list_code);
    }
    listings.push_back({{"list", l.list_code},
                        {"list_name", l.list_name},
                        {"from", DateJson(l.valid.from, false)},
                        {"to", DateJson(l.valid.to, true)},
                        {"citation", l.citation},
                        {"license_requirement", l.license_requirement},
                        {"license_policy", l.license_policy},
                        {"entity_number", l.entity_number}});
  }
  if (!c.lists.empty() || c.affiliation.applies) {
    props["topics"] = {c.lists.empty() ? "export.control.affiliate" : "export.control"};
  }
  nlohmann::json features = nlohmann::json::object();
  features["name_match"] = c.aliases.empty() ? score : c.aliases.front().score / 100.0;
  for (const std::string& r : c.reasons) {
    if (r.rfind("country agrees", 0) == 0) {
      features["country_match"] = 1.0;
    } else if (r.rfind("country conflicts", 0) == 0) {
      features["country_mismatch"] = 1.0;
    }
  }
  nlohmann::json aliases = nlohmann::json::array();
  for (const screen::AliasMatch& a : c.aliases) {
    aliases.push_back({{"alias", a.alias}, {"score", a.score / 100.0}, {"reasons", a.reasons}});
  }
  nlohmann::json paths = nlohmann::json::array();
  for (const screen::OwnershipPath& p : c.affiliation.paths) {
    nlohmann::json links = nlohmann::json::array();
    for (const auto& l : p.links) {
      links.push_back(
          {{"owner", l.owner_name}, {"owner_vertex_id", l.owner.value()}, {"pct", l.pct}});
    }
    paths.push_back({{"root_lists", p.root_lists}, {"links", std::move(links)}});
  }
  return nlohmann::json{{"id", c.key},
                        {"vertex_id", c.id.value()},
                        {"caption", c.name},
                        {"schema", FtmSchema(c.type)},
                        {"properties", std::move(props)},
                        {"datasets", std::move(datasets)},
                        {"referents", nlohmann::json::array()},
                        {"target", !c.lists.empty()},
                        {"score", score},
                        {"match", score >= threshold},
                        {"features", std::move(features)},
                        {"explanation", {{"reasons", c.reasons}, {"aliases", std::move(aliases)}}},
                        {"listings", std::move(listings)},
                        {"affiliates_rule",
                         {{"applies", c.affiliation.applies},
                          {"pct", c.affiliation.pct},
                          {"incomplete", c.affiliation.incomplete},
                          {"rule_status", c.affiliation.rule_status},
                          {"paths", std::move(paths)}}}};
}

Result<nlohmann::json> AnswerQuery(const Context& ctx, const store::ReadView& view,
                                   const MatchQuery& q) {
  std::string rule_status;
  ECG_ASSIGN_OR_RETURN(std::vector<screen::Candidate> cands,
                       ScreenNames(ctx, q.screen, &rule_status));
  nlohmann::json results = nlohmann::json::array();
  for (const screen::Candidate& c : cands) {
    if (c.score / 100.0 + 1e-9 < q.settings.cutoff) {
      continue;
    }
    ECG_ASSIGN_OR_RETURN(nlohmann::json r, ResultJson(view, c, q.settings.threshold));
    results.push_back(std::move(r));
  }
  const size_t total = results.size();
  return nlohmann::json{{"status", 200},
                        {"results", std::move(results)},
                        {"total", {{"value", total}, {"relation", "eq"}}},
                        {"query", q.echo},
                        {"affiliates_rule",
                         {{"rule", q.screen.options.rules.affiliates_rule_key},
                          {"date", q.screen.options.as_of.value_or(Date::Today()).ToString()},
                          {"status", rule_status}}}};
}

}  // namespace

Result<std::string> TypeForSchema(std::string_view schema) {
  if (schema == "Company" || schema == "Organization" || schema == "PublicBody") {
    return std::string("company");
  }
  if (schema == "Person") {
    return std::string("person");
  }
  if (schema == "Vessel") {
    return std::string("vessel");
  }
  if (schema == "LegalEntity" || schema == "Thing" || schema.empty()) {
    return std::string();
  }
  return Status::InvalidArgument("unsupported schema '" + std::string(schema) +
                                 "' (Company, Organization, PublicBody, Person, Vessel, "
                                 "LegalEntity, Thing)");
}

Result<std::vector<screen::Candidate>> ScreenNames(const Context& ctx, const ScreenRequest& req,
                                                   std::string* rule_status) {
  if (req.names.empty()) {
    return Status::InvalidArgument("give at least one name (properties name or alias)");
  }
  ECG_ASSIGN_OR_RETURN(ScreenerLease screener, ctx.snapshot.LeaseScreener());
  std::vector<screen::Candidate> merged;
  std::unordered_map<uint64_t, size_t> at;
  for (const std::string& name : req.names) {
    ECG_ASSIGN_OR_RETURN(std::vector<screen::Candidate> cands, screener->Screen(name, req.options));
    for (screen::Candidate& c : cands) {
      auto it = at.find(c.id.value());
      if (it == at.end()) {
        at.emplace(c.id.value(), merged.size());
        merged.push_back(std::move(c));
      } else if (c.score > merged[it->second].score) {
        merged[it->second] = std::move(c);
      }
    }
  }
  if (rule_status != nullptr) {
    ECG_ASSIGN_OR_RETURN(rules::ForceStatus force, screener->AffiliatesRuleForce(req.options));
    *rule_status = force.ToString();
  }
  std::stable_sort(
      merged.begin(), merged.end(),
      [](const screen::Candidate& a, const screen::Candidate& b) { return a.score > b.score; });
  if (merged.size() > req.options.limit) {
    merged.resize(req.options.limit);
  }
  return merged;
}

Reply HandleMatch(const Context& ctx, std::string_view body, const UrlParams& params) {
  auto settings = UrlSettings(ctx, params);
  if (!settings.ok()) {
    return StatusReply(settings.status());
  }
  auto req = ParseJsonObject(body, "POST /match");
  if (!req.ok()) {
    return StatusReply(req.status());
  }
  Status fields = CheckFields(*req, {"queries", "weights", "config"}, "the request");
  if (!fields.ok()) {
    return StatusReply(fields);
  }
  auto queries = req->find("queries");
  if (queries == req->end() || !queries->is_object() || queries->empty()) {
    return ErrorReply(400, "'queries' must be an object of named queries");
  }
  if (queries->size() > ctx.options.max_match_queries) {
    return ErrorReply(413, "too many queries: " + std::to_string(queries->size()) + " (at most " +
                               std::to_string(ctx.options.max_match_queries) + " per request)");
  }
  std::vector<std::pair<std::string, MatchQuery>> parsed;
  for (const auto& item : queries->items()) {
    auto q = ReadQuery(ctx, item.key(), item.value(), *settings);
    if (!q.ok()) {
      return StatusReply(q.status());
    }
    parsed.emplace_back(item.key(), std::move(*q));
  }
  auto view = ctx.snapshot.store().NewReadView();
  nlohmann::json responses = nlohmann::json::object();
  for (const auto& entry : parsed) {
    auto answer = AnswerQuery(ctx, *view, entry.second);
    if (answer.ok()) {
      responses[entry.first] = std::move(*answer);
      continue;
    }
    Reply err = StatusReply(answer.status());
    if (err.status >= 500) {
      return err;
    }
    nlohmann::json e = nlohmann::json::parse(err.body, nullptr, false);
    e["status"] = err.status;
    e["results"] = nlohmann::json::array();
    e["total"] = {{"value", 0}, {"relation", "eq"}};
    e["query"] = entry.second.echo;
    responses[entry.first] = std::move(e);
  }
  return JsonReply({{"responses", std::move(responses)},
                    {"matcher",
                     {{"name", "ecgraph-screen"},
                      {"threshold", settings->threshold},
                      {"cutoff", settings->cutoff}}},
                    {"limit", settings->limit}});
}

}  // namespace ecg::serve
