// GET /entities/{id}: everything the graph knows about one vertex, for the
// entity page: names in every script, listings with their dates and the
// rules that made them, ownership and the affiliates rule, articles that
// mention it with a snippet, the full history and the source files.
#include <algorithm>
#include <set>
#include <string>
#include <utility>

#include "schema/catalog.h"
#include "schema/props.h"

#include "rules/affiliates.h"
#include "rules/force.h"
#include "serve/handlers.h"

namespace ecg::serve {
namespace {

// Characters of context on each side of a mention.
constexpr size_t kSnippetBytes = 90;

std::string Str(const Value& v) {
  return v.type() == PropertyType::kString ? v.as_string() : v.ToString();
}

// "Han" when the text holds a CJK ideograph, "Latin" for ASCII letters
// only, else "Other".
std::string Script(std::string_view s) {
  bool ascii = true;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0xE4 && c <= 0xE9) {  // lead bytes of U+4000..U+9FFF
      return "Han";
    }
    ascii = ascii && c < 0x80;
  }
  return ascii ? "Latin" : "Other";
}

// Moves `pos` back to the start of a UTF-8 sequence.
size_t CharStart(std::string_view s, size_t pos) {
  pos = std::min(pos, s.size());
  while (pos > 0 && pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) {
    --pos;
  }
  return pos;
}

nlohmann::json Interval(const ecg::Interval& i) {
  return {{"from", DateJson(i.from, false)}, {"to", DateJson(i.to, true)}};
}

Result<std::string> NameOf(const store::ReadView& view, VertexId id) {
  ECG_ASSIGN_OR_RETURN(Value name, view.GetValue(id, prop::kName));
  if (!name.is_null()) {
    return Str(name);
  }
  ECG_ASSIGN_OR_RETURN(store::VertexRecord rec, view.GetVertex(id));
  return rec.key;
}

Result<nlohmann::json> Ref(const store::ReadView& view, VertexId id) {
  ECG_ASSIGN_OR_RETURN(store::VertexRecord rec, view.GetVertex(id));
  ECG_ASSIGN_OR_RETURN(std::string name, NameOf(view, id));
  return nlohmann::json{
      {"id", PublicId(rec)}, {"kind", std::string(VertexKindName(rec.kind))}, {"name", name}};
}

nlohmann::json EdgeProps(const store::EdgeStatement& e) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [pid, v] : e.props) {
    const PropertyDef* def = Catalog::Find(pid);
    j[def != nullptr ? std::string(def->name) : std::to_string(pid)] = ValueJson(v);
  }
  return j;
}

Status Names(const store::ReadView& all, VertexId id, nlohmann::json* out) {
  *out = nlohmann::json::array();
  for (PropertyId p : {prop::kName, prop::kAlias}) {
    std::vector<store::PropertyStatement> props;
    ECG_RETURN_IF_ERROR(all.GetProperties(id, p, &props));
    for (const auto& s : props) {
      const std::string v = Str(s.value);
      nlohmann::json n = {
          {"value", v}, {"property", p == prop::kName ? "name" : "alias"}, {"script", Script(v)}};
      n.update(Interval(s.meta.valid));
      out->push_back(std::move(n));
    }
  }
  return Status::OK();
}

// Listings (every valid time) and the rules that added, removed or revised
// the entity.
Status Listings(const store::ReadView& all, VertexId id, nlohmann::json* page) {
  nlohmann::json listings = nlohmann::json::array();
  std::vector<std::pair<VertexId, store::EdgeStatement>> edges;
  ECG_RETURN_IF_ERROR(all.ForEachEdge(id, store::Direction::kOut, EdgeType::kListedOn,
                                      [&](const store::EdgeStatement& e) {
                                        edges.emplace_back(e.dst, e);
                                        return true;
                                      }));
  for (const auto& entry : edges) {
    ECG_ASSIGN_OR_RETURN(nlohmann::json list, Ref(all, entry.first));
    nlohmann::json l = {{"list", list["id"]}, {"list_name", list["name"]}};
    l.update(Interval(entry.second.meta.valid));
    l["edge"] = EdgeProps(entry.second);
    listings.push_back(std::move(l));
  }
  nlohmann::json events = nlohmann::json::array();
  std::vector<std::pair<VertexId, store::EdgeStatement>> in;
  ECG_RETURN_IF_ERROR(
      all.ForEachEdge(id, store::Direction::kIn, std::nullopt, [&](const store::EdgeStatement& e) {
        if (e.type == EdgeType::kAdds || e.type == EdgeType::kRemoves ||
            e.type == EdgeType::kRevises) {
          in.emplace_back(e.src, e);
        }
        return true;
      }));
  for (const auto& entry : in) {
    ECG_ASSIGN_OR_RETURN(nlohmann::json rule, Ref(all, entry.first));
    ECG_ASSIGN_OR_RETURN(Value pub, all.GetValue(entry.first, prop::kPublicationDate));
    nlohmann::json ev = {{"change", std::string(EdgeTypeName(entry.second.type))},
                         {"rule", rule["id"]},
                         {"title", rule["name"]},
                         {"publication_date", ValueJson(pub)}};
    ev.update(Interval(entry.second.meta.valid));
    ev["edge"] = EdgeProps(entry.second);
    events.push_back(std::move(ev));
  }
  (*page)["listings"] = std::move(listings);
  (*page)["list_events"] = std::move(events);
  return Status::OK();
}

Status Ownership(const store::ReadView& all, VertexId id, nlohmann::json* page) {
  for (auto [dir, field] : {std::pair{store::Direction::kIn, "owners"},
                            std::pair{store::Direction::kOut, "holdings"}}) {
    std::vector<store::EdgeStatement> edges;
    ECG_RETURN_IF_ERROR(
        all.ForEachEdge(id, dir, EdgeType::kOwns, [&](const store::EdgeStatement& e) {
          edges.push_back(e);
          return true;
        }));
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : edges) {
      ECG_ASSIGN_OR_RETURN(nlohmann::json other,
                           Ref(all, dir == store::Direction::kIn ? e.src : e.dst));
      other["pct"] = ValueJson(e.Get(prop::kPct));
      other.update(Interval(e.meta.valid));
      list.push_back(std::move(other));
    }
    (*page)[field] = std::move(list);
  }
  return Status::OK();
}

// The 50% affiliates rule for `id` on `day`, as screening reports it.
Status AffiliatesRule(const store::ReadView& day_view, VertexId id, Date day,
                      nlohmann::json* page) {
  const rules::RulesOptions ro;
  std::vector<VertexId> rule_lists;
  for (const std::string& code : ro.affiliates_lists) {
    ECG_ASSIGN_OR_RETURN(VertexId l, day_view.FindByKey(VertexKind::kList, code));
    if (l.valid()) {
      rule_lists.push_back(l);
    }
  }
  auto is_seed = [&](VertexId v) -> Result<bool> {
    bool listed = false;
    ECG_RETURN_IF_ERROR(day_view.ForEachEdge(
        v, store::Direction::kOut, EdgeType::kListedOn, [&](const store::EdgeStatement& e) {
          listed = std::find(rule_lists.begin(), rule_lists.end(), e.dst) != rule_lists.end();
          return !listed;
        }));
    return listed;
  };
  rules::OwnershipReader reader{&day_view, day_view.filter(), {}};
  ECG_ASSIGN_OR_RETURN(rules::Affiliation a, rules::AffiliationOf(reader, id, is_seed, ro));
  nlohmann::json paths = nlohmann::json::array();
  for (const rules::OwnershipPath& p : a.paths) {
    nlohmann::json links = nlohmann::json::array();
    for (const auto& l : p.links) {
      ECG_ASSIGN_OR_RETURN(nlohmann::json owner, Ref(day_view, l.owner));
      owner["pct"] = l.pct;
      links.push_back(std::move(owner));
    }
    paths.push_back({{"links", std::move(links)}});
  }
  ECG_ASSIGN_OR_RETURN(rules::ForceStatus force,
                       rules::RuleForce(day_view, ro.affiliates_rule_key, day));
  (*page)["affiliates_rule"] = {
      {"applies", a.applies},           {"pct", a.pct},
      {"incomplete", a.incomplete},     {"paths", std::move(paths)},
      {"rule", ro.affiliates_rule_key}, {"rule_status", force.ToString()}};
  return Status::OK();
}

Status Mentions(const store::ReadView& all, VertexId id, nlohmann::json* page) {
  std::vector<store::EdgeStatement> edges;
  ECG_RETURN_IF_ERROR(all.ForEachEdge(id, store::Direction::kIn, EdgeType::kMentions,
                                      [&](const store::EdgeStatement& e) {
                                        edges.push_back(e);
                                        return edges.size() < 200;
                                      }));
  nlohmann::json out = nlohmann::json::array();
  for (const auto& e : edges) {
    ECG_ASSIGN_OR_RETURN(nlohmann::json article, Ref(all, e.src));
    for (PropertyId p : {prop::kTitle, prop::kLang, prop::kDate, prop::kUrl}) {
      ECG_ASSIGN_OR_RETURN(Value v, all.GetValue(e.src, p));
      const PropertyDef* def = Catalog::Find(p);
      article[std::string(def != nullptr ? def->name : "?")] = ValueJson(v);
    }
    const std::string surface = Str(e.Get(prop::kSurface));
    article["surface"] = surface;
    article["confidence"] = ValueJson(e.Get(prop::kConfidence));
    ECG_ASSIGN_OR_RETURN(Value text, all.GetValue(e.src, prop::kText));
    double off = 0;
    if (text.type() == PropertyType::kString && e.Get(prop::kByteOffset).ToNumber(&off) &&
        off >= 0) {
      const std::string& t = text.as_string();
      const size_t at = CharStart(t, static_cast<size_t>(off));
      const size_t end = CharStart(t, at + surface.size());
      const size_t from = CharStart(t, at > kSnippetBytes ? at - kSnippetBytes : 0);
      const size_t to = CharStart(t, end + kSnippetBytes);
      article["snippet"] = {{"before", t.substr(from, at - from)},
                            {"match", t.substr(at, end - at)},
                            {"after", t.substr(end, to - end)}};
    }
    out.push_back(std::move(article));
  }
  (*page)["mentions"] = std::move(out);
  return Status::OK();
}

Status History(const store::ReadView& all, VertexId id, nlohmann::json* page) {
  std::vector<store::HistoryEvent> events;
  ECG_RETURN_IF_ERROR(all.History(id, &events));
  nlohmann::json out = nlohmann::json::array();
  std::set<uint64_t> sources;
  for (const store::HistoryEvent& ev : events) {
    const store::StatementMeta& m = ev.meta();
    nlohmann::json j = Interval(m.valid);
    j["recorded_run"] = m.recorded.value();
    j["superseded_run"] = m.superseded.valid() ? nlohmann::json(m.superseded.value()) : nullptr;
    if (m.source.valid()) {
      sources.insert(m.source.value());
    }
    if (ev.property) {
      const PropertyDef* def = Catalog::Find(ev.property->property);
      j["event"] = "property";
      j["field"] = def != nullptr ? std::string(def->name) : "?";
      j["value"] = ValueJson(ev.property->value);
    } else {
      const bool out_edge = ev.what == store::HistoryEvent::What::kEdgeOut;
      j["event"] = out_edge ? "edge out" : "edge in";
      j["field"] = std::string(EdgeTypeName(ev.edge->type));
      ECG_ASSIGN_OR_RETURN(nlohmann::json other, Ref(all, out_edge ? ev.edge->dst : ev.edge->src));
      j["value"] = other;
      j["edge"] = EdgeProps(*ev.edge);
    }
    out.push_back(std::move(j));
  }
  (*page)["history"] = std::move(out);
  nlohmann::json prov = nlohmann::json::array();
  for (uint64_t s : sources) {
    ECG_ASSIGN_OR_RETURN(nlohmann::json src, Ref(all, VertexId(s)));
    for (PropertyId p : {prop::kPath, prop::kSha256, prop::kFormat, prop::kFeed}) {
      ECG_ASSIGN_OR_RETURN(Value v, all.GetValue(VertexId(s), p));
      const PropertyDef* def = Catalog::Find(p);
      src[std::string(def != nullptr ? def->name : "?")] = ValueJson(v);
    }
    prov.push_back(std::move(src));
  }
  (*page)["provenance"] = std::move(prov);
  return Status::OK();
}

Result<nlohmann::json> EntityPage(const Context& ctx, std::string_view id, Date day) {
  auto all = ctx.snapshot.store().NewReadView();
  ECG_ASSIGN_OR_RETURN(store::VertexRecord rec, ResolveVertex(*all, id));
  store::TimeFilter on_day;
  on_day.as_of = day;
  auto day_view = ctx.snapshot.store().NewReadView(on_day);
  ECG_ASSIGN_OR_RETURN(nlohmann::json props, PropertiesJson(*day_view, rec.id));
  ECG_ASSIGN_OR_RETURN(std::string caption, NameOf(*all, rec.id));
  ECG_ASSIGN_OR_RETURN(Value type, day_view->GetValue(rec.id, prop::kType));
  nlohmann::json page = {{"id", PublicId(rec)},
                         {"vertex_id", rec.id.value()},
                         {"kind", std::string(VertexKindName(rec.kind))},
                         {"caption", caption},
                         {"as_of", day.ToString()},
                         {"properties", std::move(props)}};
  if (rec.kind == VertexKind::kEntity) {
    page["schema"] = FtmSchema(Str(type));
  }
  std::vector<store::PropertyStatement> notes;
  ECG_RETURN_IF_ERROR(all->GetProperties(rec.id, prop::kResolution, &notes));
  page["resolution"] = nlohmann::json::array();
  for (const auto& n : notes) {
    page["resolution"].push_back(ValueJson(n.value));
  }
  nlohmann::json names;
  ECG_RETURN_IF_ERROR(Names(*all, rec.id, &names));
  page["names"] = std::move(names);
  if (rec.kind == VertexKind::kEntity) {
    ECG_RETURN_IF_ERROR(Listings(*all, rec.id, &page));
    ECG_RETURN_IF_ERROR(Ownership(*all, rec.id, &page));
    ECG_RETURN_IF_ERROR(AffiliatesRule(*day_view, rec.id, day, &page));
  }
  ECG_RETURN_IF_ERROR(Mentions(*all, rec.id, &page));
  ECG_RETURN_IF_ERROR(History(*all, rec.id, &page));
  return page;
}

}  // namespace

Reply HandleEntity(const Context& ctx, std::string_view id, const UrlParams& params) {
  Date day = Date::Today();
  if (std::string as_of = Param(params, "as_of"); !as_of.empty()) {
    auto d = Date::Parse(as_of);
    if (!d.ok()) {
      return ErrorReply(400, "'as_of': " + d.status().message());
    }
    day = *d;
  }
  auto page = EntityPage(ctx, id, day);
  if (!page.ok()) {
    return StatusReply(page.status());
  }
  return JsonReply(*page);
}

}  // namespace ecg::serve
