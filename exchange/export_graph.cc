// The generic graph formats: Neo4j admin-import CSV, GraphML and N-Triples.
// Each writes every vertex kind and edge type; the columns, keys and
// predicates are documented in docs/export.md.
#include <ostream>

#include "query/format.h"

#include "exchange/internal/writer.h"

namespace ecg::exchange::internal {

namespace {

std::string Csv(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    out += c == '"' ? std::string("\"\"") : std::string(1, c);
  }
  return out + "\"";
}

std::string Join(const std::vector<std::string>& v, char sep) {
  std::string out;
  for (const auto& x : v) {
    std::string clean = x;
    for (char& c : clean) {
      c = c == sep ? ',' : c;  // the array delimiter may not occur inside an element
    }
    out += (out.empty() ? "" : std::string(1, sep)) + clean;
  }
  return out;
}

std::string DateOrEmpty(Date d) {
  return d.is_min() || d.is_max() ? "" : d.ToString();
}

std::string Prop(const store::EdgeStatement& e, PropertyId p) {
  const Value& v = e.Get(p);
  return v.is_null() ? "" : v.ToString();
}

// Neo4j: nodes.csv and relationships.csv, for `neo4j-admin database import
// full --nodes=nodes.csv --relationships=relationships.csv` (array
// delimiter ';').
class Neo4jWriter : public Writer {
 public:
  Status Begin(const OutputFn& out) override {
    out_ = out;
    ECG_ASSIGN_OR_RETURN(nodes_, out("nodes.csv"));
    *nodes_ << "id:ID,:LABEL,key,name,aliases:string[],country,type\n";
    return StreamOk(nodes_, "nodes.csv");
  }
  Status Vertex(const VertexData& v, ExportCounts* counts) override {
    std::string label(VertexKindName(v.record.kind));
    label[0] = static_cast<char>(label[0] - 'a' + 'A');
    *nodes_ << v.record.id.value() << ',' << label << ',' << Csv(v.record.key) << ','
            << Csv(First(v.props, prop::kName)) << ',' << Csv(Join(All(v.props, prop::kAlias), ';'))
            << ',' << Csv(First(v.props, prop::kCountry)) << ',' << Csv(First(v.props, prop::kType))
            << '\n';
    ++counts->vertices;
    ++counts->lines;
    pending_edges_ |= !v.out.empty();
    return StreamOk(nodes_, "nodes.csv");
  }
  bool wants_edge_pass() const override { return true; }
  Status Edges(const VertexData& v, ExportCounts* counts) override {
    if (rels_ == nullptr) {
      ECG_ASSIGN_OR_RETURN(rels_, out_("relationships.csv"));
      *rels_ << ":START_ID,:END_ID,:TYPE,discriminator,valid_from,valid_to,pct:float,citation,"
                "start_date,note,recorded:long\n";
    }
    for (const auto& e : v.out) {
      std::string type(EdgeTypeName(e.type));
      for (char& c : type) {
        c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
      }
      *rels_ << e.src.value() << ',' << e.dst.value() << ',' << type << ',' << Csv(e.discriminator)
             << ',' << DateOrEmpty(e.meta.valid.from) << ',' << DateOrEmpty(e.meta.valid.to) << ','
             << Prop(e, prop::kPct) << ',' << Csv(Prop(e, prop::kCitation)) << ','
             << Prop(e, prop::kStartDate) << ',' << Csv(Prop(e, prop::kNote)) << ','
             << e.meta.recorded.value() << '\n';
      ++counts->edges;
      ++counts->lines;
    }
    return StreamOk(rels_, "relationships.csv");
  }
  Status End() override {
    if (rels_ == nullptr) {  // a graph without edges still gets the file
      ECG_ASSIGN_OR_RETURN(rels_, out_("relationships.csv"));
      *rels_ << ":START_ID,:END_ID,:TYPE,discriminator,valid_from,valid_to,pct:float,citation,"
                "start_date,note,recorded:long\n";
    }
    rels_->flush();
    return StreamOk(rels_, "relationships.csv");
  }

 private:
  OutputFn out_;
  std::ostream* nodes_ = nullptr;
  std::ostream* rels_ = nullptr;
  bool pending_edges_ = false;
};

class GraphmlWriter : public Writer {
 public:
  Status Begin(const OutputFn& out) override {
    ECG_ASSIGN_OR_RETURN(os_, out(""));
    *os_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n";
    for (const char* k : {"kind", "key", "name", "country", "type"}) {
      *os_ << "  <key id=\"" << k << "\" for=\"node\" attr.name=\"" << k
           << "\" attr.type=\"string\"/>\n";
    }
    for (const char* k : {"type", "discriminator", "valid_from", "valid_to", "citation"}) {
      *os_ << "  <key id=\"e_" << k << "\" for=\"edge\" attr.name=\"" << k
           << "\" attr.type=\"string\"/>\n";
    }
    *os_ << "  <key id=\"e_pct\" for=\"edge\" attr.name=\"pct\" attr.type=\"double\"/>\n"
            "  <graph id=\"ecgraph\" edgedefault=\"directed\">\n";
    return StreamOk(os_, "");
  }
  Status Vertex(const VertexData& v, ExportCounts* counts) override {
    *os_ << "    <node id=\"n" << v.record.id.value() << "\">";
    Data("kind", std::string(VertexKindName(v.record.kind)));
    Data("key", v.record.key);
    Data("name", First(v.props, prop::kName));
    Data("country", First(v.props, prop::kCountry));
    Data("type", First(v.props, prop::kType));
    *os_ << "</node>\n";
    ++counts->vertices;
    ++counts->lines;
    return StreamOk(os_, "");
  }
  bool wants_edge_pass() const override { return true; }
  Status Edges(const VertexData& v, ExportCounts* counts) override {
    for (const auto& e : v.out) {
      *os_ << "    <edge source=\"n" << e.src.value() << "\" target=\"n" << e.dst.value() << "\">";
      Data("e_type", std::string(EdgeTypeName(e.type)));
      Data("e_discriminator", e.discriminator);
      Data("e_valid_from", DateOrEmpty(e.meta.valid.from));
      Data("e_valid_to", DateOrEmpty(e.meta.valid.to));
      Data("e_citation", Prop(e, prop::kCitation));
      Data("e_pct", Prop(e, prop::kPct));
      *os_ << "</edge>\n";
      ++counts->edges;
      ++counts->lines;
    }
    return StreamOk(os_, "");
  }
  Status End() override {
    *os_ << "  </graph>\n</graphml>\n";
    os_->flush();
    return StreamOk(os_, "");
  }

 private:
  void Data(const char* key, const std::string& value) {
    if (!value.empty()) {
      *os_ << "<data key=\"" << key << "\">" << query::XmlEscape(value) << "</data>";
    }
  }
  std::ostream* os_ = nullptr;
};

// N-Triples with the urn:ecgraph: vocabulary (docs/export.md).
class NtriplesWriter : public Writer {
 public:
  Status Begin(const OutputFn& out) override {
    ECG_ASSIGN_OR_RETURN(os_, out(""));
    return StreamOk(os_, "");
  }
  Status Vertex(const VertexData& v, ExportCounts* counts) override {
    const std::string s = Iri(v.record.id);
    Triple(s, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>",
           "<urn:ecgraph:kind:" + std::string(VertexKindName(v.record.kind)) + ">", counts);
    Triple(s, "<urn:ecgraph:key>", Literal(v.record.key), counts);
    for (const auto& p : v.props) {
      const PropertyDef* def = Catalog::Find(p.property);
      if (def == nullptr) {
        continue;
      }
      const std::string pred = "<urn:ecgraph:prop:" + std::string(def->name) + ">";
      if (p.value.type() == PropertyType::kStringList) {
        for (const auto& x : p.value.as_string_list()) {
          Triple(s, pred, Literal(x), counts);
        }
      } else {
        Triple(s, pred, Typed(p.value), counts);
      }
    }
    for (const auto& e : v.out) {
      const std::string type(EdgeTypeName(e.type));
      Triple(s, "<urn:ecgraph:edge:" + type + ">", Iri(e.dst), counts);
      // The edge as a node of its own, for its interval and properties.
      const std::string st = "<urn:ecgraph:statement:" + std::to_string(e.meta.id.value()) + ">";
      Triple(st, "<urn:ecgraph:from>", s, counts);
      Triple(st, "<urn:ecgraph:to>", Iri(e.dst), counts);
      Triple(st, "<urn:ecgraph:type>", Literal(type), counts);
      if (!e.meta.valid.from.is_min()) {
        Triple(st, "<urn:ecgraph:valid_from>", Typed(Value(e.meta.valid.from)), counts);
      }
      if (!e.meta.valid.is_open()) {
        Triple(st, "<urn:ecgraph:valid_to>", Typed(Value(e.meta.valid.to)), counts);
      }
      Triple(st, "<urn:ecgraph:recorded>",
             "\"" + std::to_string(e.meta.recorded.value()) +
                 "\"^^<http://www.w3.org/2001/XMLSchema#integer>",
             counts);
      for (const auto& [pid, val] : e.props) {
        if (const PropertyDef* def = Catalog::Find(pid)) {
          Triple(st, "<urn:ecgraph:prop:" + std::string(def->name) + ">", Typed(val), counts);
        }
      }
      ++counts->edges;
    }
    ++counts->vertices;
    return StreamOk(os_, "");
  }
  Status End() override {
    os_->flush();
    return StreamOk(os_, "");
  }

 private:
  static std::string Iri(VertexId id) {
    return "<urn:ecgraph:vertex:" + std::to_string(id.value()) + ">";
  }
  static std::string Literal(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
      switch (c) {
        case '\\':
          out += "\\\\";
          break;
        case '"':
          out += "\\\"";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        default:
          if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
            out += buf;
          } else {
            out += c;
          }
      }
    }
    return out + "\"";
  }
  static std::string Typed(const Value& v) {
    const char* xsd = "http://www.w3.org/2001/XMLSchema#";
    switch (v.type()) {
      case PropertyType::kDate:
        if (v.as_date().is_min() || v.as_date().is_max()) {
          return Literal(v.ToString());
        }
        return Literal(v.ToString()) + "^^<" + xsd + "date>";
      case PropertyType::kInt:
        return Literal(v.ToString()) + "^^<" + xsd + "integer>";
      case PropertyType::kDouble:
        return Literal(v.ToString()) + "^^<" + xsd + "double>";
      case PropertyType::kBool:
        return Literal(v.ToString()) + "^^<" + xsd + "boolean>";
      default:
        return Literal(v.ToString());
    }
  }
  void Triple(const std::string& s, const std::string& p, const std::string& o,
              ExportCounts* counts) {
    *os_ << s << ' ' << p << ' ' << o << " .\n";
    ++counts->lines;
  }
  std::ostream* os_ = nullptr;
};

}  // namespace

std::unique_ptr<Writer> NewNeo4jWriter(const store::ReadView&, const ExportOptions&) {
  return std::make_unique<Neo4jWriter>();
}
std::unique_ptr<Writer> NewGraphmlWriter(const store::ReadView&, const ExportOptions&) {
  return std::make_unique<GraphmlWriter>();
}
std::unique_ptr<Writer> NewNtriplesWriter(const store::ReadView&, const ExportOptions&) {
  return std::make_unique<NtriplesWriter>();
}

}  // namespace ecg::exchange::internal
