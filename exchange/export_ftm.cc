// FollowTheMoney entities and statements. An entity vertex becomes a
// Company, Person, Vessel, Airplane, Organization or LegalEntity; each
// listed_on edge a Sanction, each owns edge an Ownership, each
// affiliated_with edge an UnknownLink. Other vertex kinds (rules, ECCNs,
// technologies, articles, sources) have no FtM schema here and are left out.
#include <algorithm>
#include <ctime>
#include <map>
#include <ostream>

#include <nlohmann/json.hpp>

#include "ingest/util/sha256.h"

#include "exchange/internal/writer.h"
#include "text/normalizer.h"

namespace ecg::exchange::internal {

namespace {

// One FtM property value with the statement it came from.
struct FtmValue {
  std::string prop;
  std::string prop_type;
  std::string value;
  const store::StatementMeta* meta = nullptr;
};

struct FtmEntity {
  std::string id;
  std::string schema;
  std::vector<FtmValue> values;
};

std::string EntityId(VertexId id) {
  return "ecg-" + std::to_string(id.value());
}

std::string SchemaOf(const std::string& type) {
  if (type == "company") {
    return "Company";
  }
  if (type == "person") {
    return "Person";
  }
  if (type == "vessel") {
    return "Vessel";
  }
  if (type == "aircraft") {
    return "Airplane";
  }
  if (type == "institute" || type == "organization") {
    return "Organization";
  }
  return "LegalEntity";
}

std::string Lower(std::string s) {
  for (char& c : s) {
    c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return s;
}

// The entity vertex as FtM: its properties, and its countries from the
// located_in edges as well.
FtmEntity EntityOf(const VertexData& v, const store::ReadView& view) {
  FtmEntity e;
  e.id = EntityId(v.record.id);
  e.schema = SchemaOf(First(v.props, prop::kType));
  for (const auto& p : v.props) {
    auto add = [&](const char* prop, const char* type, std::string value) {
      if (!value.empty()) {
        e.values.push_back(FtmValue{prop, type, std::move(value), &p.meta});
      }
    };
    const std::vector<std::string> values = p.value.type() == PropertyType::kStringList
                                                ? p.value.as_string_list()
                                                : std::vector<std::string>{p.value.ToString()};
    for (const auto& value : values) {
      switch (p.property) {
        case prop::kName:
          add("name", "name", value);
          break;
        case prop::kAlias:
          add("alias", "name", value);
          break;
        case prop::kCountry:
          add("country", "country", Lower(value));
          break;
        case prop::kAddress:
          add("address", "address", value);
          break;
        case prop::kIdentifier:
          add("idNumber", "identifier", value);
          break;
        case prop::kRemarks:
          add("notes", "text", value);
          break;
        case prop::kLegalForm:
          add("legalForm", "string", value);
          break;
        case prop::kUrl:
          add("sourceUrl", "url", value);
          break;
        default:
          break;
      }
    }
  }
  for (const auto& edge : v.out) {
    if (edge.type == EdgeType::kListedOn) {
      e.values.push_back(FtmValue{"topics", "topic", "sanction", &edge.meta});
    } else if (edge.type == EdgeType::kLocatedIn) {
      auto rec = view.GetVertex(edge.dst);
      if (rec.ok()) {
        e.values.push_back(FtmValue{"country", "country", Lower(rec->key), &edge.meta});
      }
    }
  }
  return e;
}

// startDate and endDate. FtM writes a date known only to the year as "2019",
// so a start that the graph dates only by a citation's volume year, or within
// the bounds of the register's pagination (`date_precision` year or range),
// is written as its year, never as a day it is not known to be.
void AddInterval(const store::EdgeStatement& edge, FtmEntity* e) {
  if (!edge.meta.valid.from.is_min()) {
    std::string from = edge.meta.valid.from.ToString();
    if (const Value& p = edge.Get(prop::kDatePrecision);
        !p.is_null() && p.ToString() != "day" && from.size() >= 4) {
      from.resize(4);
    }
    e->values.push_back(FtmValue{"startDate", "date", std::move(from), &edge.meta});
  }
  if (!edge.meta.valid.is_open()) {
    e->values.push_back(FtmValue{"endDate", "date", edge.meta.valid.to.ToString(), &edge.meta});
  }
}

// The relation entities of a vertex's outgoing edges.
std::vector<FtmEntity> RelationsOf(const VertexData& v, const store::ReadView& view,
                                   std::map<uint64_t, std::string>* list_names) {
  std::vector<FtmEntity> out;
  for (const auto& edge : v.out) {
    FtmEntity e;
    e.id =
        "ecg-" + std::string(EdgeTypeName(edge.type)) + "-" + std::to_string(edge.meta.id.value());
    if (edge.type == EdgeType::kListedOn) {
      e.schema = "Sanction";
      e.values.push_back(FtmValue{"entity", "entity", EntityId(edge.src), &edge.meta});
      auto it = list_names->find(edge.dst.value());
      if (it == list_names->end()) {
        auto name = view.GetValue(edge.dst, prop::kName);
        auto rec = view.GetVertex(edge.dst);
        std::string text = name.ok() ? name->ToString() : "";
        if (text.empty() && rec.ok()) {
          text = rec->key;
        }
        it = list_names->emplace(edge.dst.value(), text).first;
      }
      e.values.push_back(FtmValue{"program", "string", it->second, &edge.meta});
      if (auto rec = view.GetVertex(edge.dst); rec.ok()) {
        e.values.push_back(FtmValue{"programId", "identifier", rec->key, &edge.meta});
      }
      if (!edge.discriminator.empty()) {
        e.values.push_back(FtmValue{"recordId", "string", edge.discriminator, &edge.meta});
      }
      for (PropertyId p : {prop::kNote, prop::kLicenseRequirement}) {
        if (const Value& note = edge.Get(p); !note.is_null()) {
          e.values.push_back(FtmValue{p == prop::kNote ? "reason" : "provisions", "text",
                                      note.ToString(), &edge.meta});
        }
      }
      if (const Value& cit = edge.Get(prop::kCitation); !cit.is_null()) {
        e.values.push_back(FtmValue{"authorityId", "identifier", cit.ToString(), &edge.meta});
      }
      if (const Value& d = edge.Get(prop::kStartDate); !d.is_null()) {
        e.values.push_back(FtmValue{"listingDate", "date", d.ToString(), &edge.meta});
      }
    } else if (edge.type == EdgeType::kOwns) {
      e.schema = "Ownership";
      e.values.push_back(FtmValue{"owner", "entity", EntityId(edge.src), &edge.meta});
      e.values.push_back(FtmValue{"asset", "entity", EntityId(edge.dst), &edge.meta});
      if (const Value& pct = edge.Get(prop::kPct); !pct.is_null()) {
        e.values.push_back(FtmValue{"percentage", "number", pct.ToString(), &edge.meta});
      }
      if (const Value& note = edge.Get(prop::kNote); !note.is_null()) {
        e.values.push_back(FtmValue{"summary", "text", note.ToString(), &edge.meta});
      }
    } else if (edge.type == EdgeType::kAffiliatedWith) {
      e.schema = "UnknownLink";
      e.values.push_back(FtmValue{"subject", "entity", EntityId(edge.src), &edge.meta});
      e.values.push_back(FtmValue{"object", "entity", EntityId(edge.dst), &edge.meta});
      e.values.push_back(FtmValue{"role", "string", "affiliated with", &edge.meta});
    } else {
      continue;
    }
    AddInterval(edge, &e);
    out.push_back(std::move(e));
  }
  return out;
}

class FtmWriter : public Writer {
 public:
  FtmWriter(const store::ReadView& view, const ExportOptions& o, bool statements)
      : view_(view), options_(o), statements_(statements) {
    for (const auto& r : o.runs) {
      run_times_[r.id.value()] = r.started_unix_seconds;
      last_run_ = std::max(last_run_, r.started_unix_seconds);
    }
  }

  Status Begin(const OutputFn& out) override {
    ECG_ASSIGN_OR_RETURN(os_, out(""));
    if (statements_) {
      *os_ << "canonical_id,entity_id,prop,prop_type,schema,value,dataset,origin,lang,"
              "original_value,external,first_seen,last_seen,id\n";
    }
    return StreamOk(os_, "");
  }

  Status Vertex(const VertexData& v, ExportCounts* counts) override {
    if (v.record.kind != VertexKind::kEntity) {
      return Status::OK();
    }
    Write(EntityOf(v, view_), counts);
    ++counts->vertices;
    for (auto& rel : RelationsOf(v, view_, &list_names_)) {
      Write(rel, counts);
      ++counts->edges;
    }
    return StreamOk(os_, "");
  }

  Status End() override {
    os_->flush();
    return StreamOk(os_, "");
  }

 private:
  std::string Time(RunId run) const {
    auto it = run_times_.find(run.value());
    int64_t t = it != run_times_.end() ? it->second : 0;
    if (t == 0) {
      return "";
    }
    std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    return buf;
  }

  std::string Origin(VertexId source) {
    auto it = origins_.find(source.value());
    if (it != origins_.end()) {
      return it->second;
    }
    auto path = view_.GetValue(source, prop::kPath);
    std::string o = path.ok() ? path->ToString() : "";
    origins_[source.value()] = o;
    return o;
  }

  static std::string Csv(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) {
      return s;
    }
    std::string out = "\"";
    for (char c : s) {
      out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
  }

  void Write(const FtmEntity& e, ExportCounts* counts) {
    if (!statements_) {
      nlohmann::ordered_json j;
      j["id"] = e.id;
      j["schema"] = e.schema;
      nlohmann::ordered_json props = nlohmann::ordered_json::object();
      for (const auto& v : e.values) {
        auto& arr = props[v.prop];
        if (std::find(arr.begin(), arr.end(), v.value) == arr.end()) {
          arr.push_back(v.value);
        }
      }
      j["properties"] = std::move(props);
      j["datasets"] = {options_.dataset};
      *os_ << j.dump() << "\n";
      ++counts->lines;
      return;
    }
    // The id statement marks the entity and its schema (as FtM does).
    Row(e, FtmValue{"id", "id", e.id, nullptr}, counts);
    for (const auto& v : e.values) {
      Row(e, v, counts);
    }
  }

  void Row(const FtmEntity& e, const FtmValue& v, ExportCounts* counts) {
    const std::string origin = v.meta != nullptr ? Origin(v.meta->source) : "";
    const std::string first = v.meta != nullptr ? Time(v.meta->recorded) : "";
    std::string last;
    if (v.meta != nullptr) {
      last = v.meta->current() ? Time(RunId(LastRun())) : Time(v.meta->superseded);
    }
    const std::string lang = text::ContainsHan(v.value) ? "zh" : "";
    const std::string id =
        ingest::Sha256Hex(e.id + "\x1f" + v.prop + "\x1f" + v.value + "\x1f" + options_.dataset)
            .substr(0, 40);
    *os_ << Csv(e.id) << ',' << Csv(e.id) << ',' << Csv(v.prop) << ',' << Csv(v.prop_type) << ','
         << Csv(e.schema) << ',' << Csv(v.value) << ',' << Csv(options_.dataset) << ','
         << Csv(origin) << ',' << lang << ",,"
         << "false," << first << ',' << last << ',' << id << '\n';
    ++counts->lines;
  }

  uint64_t LastRun() const {
    uint64_t last = 0;
    for (const auto& [id, t] : run_times_) {
      last = std::max(last, id);
    }
    return last;
  }

  const store::ReadView& view_;
  const ExportOptions& options_;
  bool statements_;
  std::ostream* os_ = nullptr;
  std::map<uint64_t, int64_t> run_times_;
  int64_t last_run_ = 0;
  std::map<uint64_t, std::string> list_names_;
  std::map<uint64_t, std::string> origins_;
};

}  // namespace

std::unique_ptr<Writer> NewFtmJsonWriter(const store::ReadView& view, const ExportOptions& o) {
  return std::make_unique<FtmWriter>(view, o, /*statements=*/false);
}

std::unique_ptr<Writer> NewFtmStatementsWriter(const store::ReadView& view,
                                               const ExportOptions& o) {
  return std::make_unique<FtmWriter>(view, o, /*statements=*/true);
}

}  // namespace ecg::exchange::internal
