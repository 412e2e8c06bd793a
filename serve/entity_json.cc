// Helpers the handlers share to describe vertices: URL ids, properties by
// name, FollowTheMoney schema names, values as JSON.
#include <charconv>
#include <string>

#include "schema/catalog.h"
#include "schema/props.h"

#include "serve/handlers.h"

namespace ecg::serve {

Result<store::VertexRecord> ResolveVertex(const store::ReadView& view, std::string_view id) {
  if (id.empty()) {
    return Status::InvalidArgument("empty id");
  }
  // A natural key first: keys of any kind, entity keys most often.
  for (VertexKind kind : kAllVertexKinds) {
    ECG_ASSIGN_OR_RETURN(VertexId v, view.FindByKey(kind, id));
    if (v.valid()) {
      return view.GetVertex(v);
    }
  }
  std::string_view digits = id;
  if (digits.front() == 'v') {
    digits.remove_prefix(1);
  }
  uint64_t n = 0;
  auto r = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (!digits.empty() && r.ec == std::errc() && r.ptr == digits.data() + digits.size() && n > 0) {
    auto rec = view.GetVertex(VertexId(n));
    if (rec.ok() || rec.status().code() != StatusCode::kNotFound) {
      return rec;
    }
  }
  return Status::NotFound("no vertex with id or key '" + std::string(id) + "'");
}

std::string PublicId(const store::VertexRecord& rec) {
  return rec.key.empty() ? "v" + std::to_string(rec.id.value()) : rec.key;
}

Result<nlohmann::json> PropertiesJson(const store::ReadView& view, VertexId id) {
  std::vector<store::PropertyStatement> props;
  ECG_RETURN_IF_ERROR(view.GetProperties(id, std::nullopt, &props));
  nlohmann::json out = nlohmann::json::object();
  for (const store::PropertyStatement& p : props) {
    const PropertyDef* def = Catalog::Find(p.property);
    const std::string name = def != nullptr ? std::string(def->name) : std::to_string(p.property);
    // Bulk text (an article's body) and entity resolution's notes are not
    // properties a summary shows (the entity page lists the notes apart).
    if (p.property == prop::kText || p.property == prop::kResolution) {
      continue;
    }
    nlohmann::json& values = out[name];
    if (!values.is_array()) {
      values = nlohmann::json::array();
    }
    nlohmann::json v = ValueJson(p.value);
    bool seen = false;
    for (const auto& e : values) {
      seen = seen || e == v;
    }
    if (!seen) {
      values.push_back(std::move(v));
    }
  }
  return out;
}

std::string FtmSchema(std::string_view type) {
  if (type == "company" || type == "institute" || type == "organization") {
    return "Company";
  }
  if (type == "person") {
    return "Person";
  }
  if (type == "vessel") {
    return "Vessel";
  }
  return "LegalEntity";
}

}  // namespace ecg::serve
