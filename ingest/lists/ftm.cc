// FollowTheMoney files as OpenSanctions publishes them: entities as JSON
// lines (ftm-json) and statements as CSV (ftm-statements). Both yield
// FtmEntity values; ftm_writer.cc maps them onto the graph.
#include <map>

#include <simdjson.h>

#include "ingest/lists/parsers.h"
#include "ingest/util/csv.h"
#include "ingest/util/fields.h"
#include "ingest/util/json.h"
#include "ingest/util/location.h"

#include "text/ascii.h"

namespace ecg::ingest {
namespace {

constexpr std::string_view kExpectedEntity =
    "expected a FollowTheMoney entity: one JSON object per line with \"id\" (string), "
    "\"schema\" (string) and \"properties\" (an object of arrays of strings)";

Status EntityError(std::string_view label, uint64_t line, uint64_t offset, std::string_view why) {
  return Status::InvalidArgument(util::Where(label, line, offset) + ": " + std::string(why) + "; " +
                                 std::string(kExpectedEntity));
}

// Schemas that FtM treats as vaguer than the others: a statements file may
// state an entity as LegalEntity in one row and Company in another, and the
// specific one wins.
bool IsVagueSchema(std::string_view schema) {
  return schema == "Thing" || schema == "LegalEntity";
}

}  // namespace

Result<ParsedList> ParseFtmJson(std::string_view bytes, std::string_view file_label) {
  ParsedList out;
  out.format = "ftm-json";
  ECG_RETURN_IF_ERROR(util::ForEachJsonLine(bytes, file_label, [&](const util::JsonLine& l) {
    const uint64_t line_no = l.line;
    const uint64_t offset = l.offset;
    if (l.error) {
      return EntityError(file_label, line_no, offset,
                         std::string("invalid JSON (") + simdjson::error_message(l.error) + ")");
    }
    simdjson::dom::object o;
    std::string_view id;
    std::string_view schema;
    simdjson::dom::object props;
    if (l.element.get(o) != simdjson::SUCCESS) {
      return EntityError(file_label, line_no, offset, "the line is not a JSON object");
    }
    if (o["id"].get(id) != simdjson::SUCCESS || util::CleanText(id).empty()) {
      return EntityError(file_label, line_no, offset, "no \"id\" string");
    }
    if (o["schema"].get(schema) != simdjson::SUCCESS || util::CleanText(schema).empty()) {
      return EntityError(file_label, line_no, offset, "no \"schema\" string");
    }
    FtmEntity entity;
    entity.id = util::CleanText(id);
    entity.schema = util::CleanText(schema);
    entity.line = line_no;
    entity.offset = offset;
    simdjson::dom::element props_el;
    if (o["properties"].get(props_el) == simdjson::SUCCESS && !props_el.is_null()) {
      if (props_el.get(props) != simdjson::SUCCESS) {
        return EntityError(file_label, line_no, offset, "\"properties\" is not an object");
      }
      for (auto field : props) {
        simdjson::dom::array values;
        if (field.value.get(values) != simdjson::SUCCESS) {
          return EntityError(file_label, line_no, offset,
                             "property \"" + std::string(field.key) + "\" is not an array");
        }
        for (simdjson::dom::element v : values) {
          std::string_view s;
          if (v.get(s) != simdjson::SUCCESS) {
            return EntityError(file_label, line_no, offset,
                               "a value of \"" + std::string(field.key) + "\" is not a string");
          }
          std::string clean = util::CleanText(s);
          if (!clean.empty()) {
            entity.props.emplace_back(std::string(field.key), std::move(clean));
          }
        }
      }
    }
    out.ftm.push_back(std::move(entity));
    return Status::OK();
  }));
  return out;
}

Result<ParsedList> ParseFtmStatements(std::string_view bytes, std::string_view file_label) {
  ECG_ASSIGN_OR_RETURN(
      util::CsvTable t,
      util::ReadCsvTable(bytes, file_label, {"entity_id", "prop", "schema", "value"},
                         "FollowTheMoney statements CSV (canonical_id, entity_id, prop, "
                         "prop_type, schema, value, dataset, ...)"));
  ParsedList out;
  out.format = "ftm-statements";
  out.quarantined = std::move(t.quarantined);
  const int canonical = t.Col("canonical_id");
  const int entity_col = t.Col("entity_id");
  const int prop_col = t.Col("prop");
  const int schema_col = t.Col("schema");
  const int value_col = t.Col("value");
  std::map<std::string, size_t> index;  // entity id -> position in out.ftm
  for (const util::CsvRecord& row : t.rows) {
    const std::vector<std::string>& f = row.fields;
    std::string id = canonical >= 0 ? util::CleanText(f[canonical]) : "";
    if (id.empty()) {
      id = util::CleanText(f[entity_col]);
    }
    const std::string prop = util::CleanText(f[prop_col]);
    const std::string schema = util::CleanText(f[schema_col]);
    if (id.empty() || prop.empty() || schema.empty()) {
      return Status::InvalidArgument(util::Where(file_label, row.line, row.offset) +
                                     ": expected a statement with an entity id (canonical_id or "
                                     "entity_id), a prop and a schema");
    }
    auto [it, added] = index.emplace(id, out.ftm.size());
    if (added) {
      FtmEntity e;
      e.id = id;
      e.schema = schema;
      e.line = row.line;
      e.offset = row.offset;
      out.ftm.push_back(std::move(e));
    }
    FtmEntity& e = out.ftm[it->second];
    if (IsVagueSchema(e.schema) && !IsVagueSchema(schema)) {
      e.schema = schema;
    }
    if (prop == "id") {
      continue;  // the statement that the entity exists, with its schema
    }
    std::string value = util::CleanText(f[value_col]);
    if (!value.empty()) {
      e.props.emplace_back(prop, std::move(value));
    }
  }
  return out;
}

}  // namespace ecg::ingest
