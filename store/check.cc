// CheckImpl: the integrity check behind `ecg check`.
#include <memory>
#include <string>

#include <rocksdb/db.h>

#include "store/internal/codec.h"
#include "store/internal/impl.h"
#include "store/internal/rocks_status.h"
#include "store/key_codec.h"

namespace ecg::store::internal {
namespace {

// Caps the report so a badly damaged database does not print millions of lines.
constexpr size_t kMaxProblems = 1000;

class Checker {
 public:
  Checker(const Db& db, std::vector<std::string>* problems)
      : db_(db), problems_(problems), snapshot_(db.GetSnapshot()) {
    ro_.snapshot = snapshot_;
  }
  ~Checker() { db_.ReleaseSnapshot(snapshot_); }
  Checker(const Checker&) = delete;
  Checker& operator=(const Checker&) = delete;

  Status Run() {
    ECG_RETURN_IF_ERROR(CheckVertices());
    ECG_RETURN_IF_ERROR(CheckNaturalKeys());
    ECG_RETURN_IF_ERROR(CheckProperties());
    ECG_RETURN_IF_ERROR(CheckEdges(true));
    ECG_RETURN_IF_ERROR(CheckEdges(false));
    return Status::OK();
  }

 private:
  void Problem(std::string msg) {
    if (problems_->size() < kMaxProblems) {
      problems_->push_back(std::move(msg));
    } else if (problems_->size() == kMaxProblems) {
      problems_->push_back("... more problems not shown");
    }
  }

  template <typename Fn>
  Status ScanAll(rocksdb::ColumnFamilyHandle* cf, Fn&& fn) {
    std::unique_ptr<rocksdb::Iterator> it(db_.db->NewIterator(ro_, cf));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      fn(it->key().ToStringView(), it->value().ToStringView());
    }
    return FromRocks(it->status(), "check scan");
  }

  // Returns true and the kind when the vertex exists.
  Result<bool> VertexKindOf(VertexId id, VertexKind* kind, std::string* key) {
    std::string value;
    auto s = db_.db->Get(ro_, db_.vertex, VertexKey(id), &value);
    if (s.IsNotFound()) {
      return false;
    }
    ECG_RETURN_IF_ERROR(FromRocks(s, "check read vertex"));
    if (!DecodeVertexValue(value, kind, key)) {
      return false;
    }
    return true;
  }

  Status CheckVertices() {
    Status err;
    ECG_RETURN_IF_ERROR(ScanAll(db_.vertex, [&](std::string_view k, std::string_view v) {
      KeyReader r(k);
      uint64_t id = 0;
      VertexKind kind{};
      std::string key;
      if (!r.U64(&id) || !r.done() || !DecodeVertexValue(v, &kind, &key)) {
        Problem("vertex record with malformed key or value");
        return;
      }
      std::string nk;
      auto s = db_.db->Get(ro_, db_.nkey, NaturalKey(kind, key), &nk);
      KeyReader nr(nk);
      uint64_t mapped = 0;
      if (!s.ok() || !nr.U64(&mapped) || mapped != id) {
        Problem("vertex " + std::to_string(id) + " (" + std::string(VertexKindName(kind)) + " '" +
                key + "'): its natural key does not map back to it");
      }
      std::string unused;
      if (!db_.db->Get(ro_, db_.bykind, KindKey(kind, VertexId(id)), &unused).ok()) {
        Problem("vertex " + std::to_string(id) + " missing from the kind index");
      }
    }));
    return ScanAll(db_.bykind, [&](std::string_view k, std::string_view) {
      KeyReader r(k);
      uint8_t kind = 0;
      uint64_t id = 0;
      VertexKind actual{};
      std::string key;
      if (!r.U8(&kind) || !r.U64(&id)) {
        Problem("kind index entry with malformed key");
        return;
      }
      auto found = VertexKindOf(VertexId(id), &actual, &key);
      if (!found.ok() || !*found || static_cast<uint8_t>(actual) != kind) {
        Problem("kind index names vertex " + std::to_string(id) + " which does not exist as " +
                std::string(IsValidVertexKind(kind) ? VertexKindName(static_cast<VertexKind>(kind))
                                                    : "?"));
      }
    });
  }

  Status CheckNaturalKeys() {
    return ScanAll(db_.nkey, [&](std::string_view k, std::string_view v) {
      KeyReader r(v);
      uint64_t id = 0;
      VertexKind kind{};
      std::string key;
      if (k.empty() || !r.U64(&id)) {
        Problem("natural key entry malformed");
        return;
      }
      auto found = VertexKindOf(VertexId(id), &kind, &key);
      if (!found.ok() || !*found) {
        Problem("natural key '" + std::string(k.substr(1)) + "' points to missing vertex " +
                std::to_string(id));
      } else if (static_cast<uint8_t>(kind) != static_cast<uint8_t>(k[0])) {
        Problem("natural key '" + std::string(k.substr(1)) + "' has kind byte " +
                std::to_string(static_cast<uint8_t>(k[0])) + " but vertex " + std::to_string(id) +
                " is a " + std::string(VertexKindName(kind)));
      }
    });
  }

  Status CheckProperties() {
    return ScanAll(db_.prop, [&](std::string_view k, std::string_view v) {
      VertexId id;
      PropertyId prop = 0;
      StatementId sid;
      StatementMeta meta;
      Value value;
      if (!DecodePropKey(k, &id, &prop, &sid) || !DecodePropValue(v, &meta, &value)) {
        Problem("malformed property statement");
        return;
      }
      VertexKind kind{};
      std::string key;
      auto found = VertexKindOf(id, &kind, &key);
      std::string where = "property statement " + std::to_string(sid.value()) + " of vertex " +
                          std::to_string(id.value());
      if (!found.ok() || !*found) {
        Problem(where + ": the vertex does not exist");
        return;
      }
      if (!meta.valid.valid()) {
        Problem(where + ": ill-formed valid interval " + meta.valid.ToString());
      }
      if (meta.superseded.valid() && meta.superseded < meta.recorded) {
        Problem(where + ": superseded before it was recorded");
      }
      Status s = Catalog::Validate(kind, "'" + key + "'", prop, value);
      if (!s.ok()) {
        Problem(where + ": " + s.message());
      }
    });
  }

  Status CheckEdges(bool outgoing) {
    auto* cf = outgoing ? db_.out : db_.in;
    auto* mirror = outgoing ? db_.in : db_.out;
    const char* side = outgoing ? "out" : "in";
    return ScanAll(cf, [&](std::string_view k, std::string_view v) {
      VertexId a;
      VertexId b;
      EdgeType type{};
      StatementId sid;
      StatementMeta meta;
      std::string disc;
      std::string_view rest;
      PropertyList props;
      if (!DecodeEdgeKey(k, &a, &type, &b, &sid) || !DecodeEdgeHead(v, &meta, &disc, &rest) ||
          !DecodeProps(rest, &props)) {
        Problem(std::string("malformed ") + side + "-adjacency entry");
        return;
      }
      VertexId src = outgoing ? a : b;
      VertexId dst = outgoing ? b : a;
      std::string where = std::string(EdgeTypeName(type)) + " edge " + std::to_string(src.value()) +
                          " -> " + std::to_string(dst.value()) + " (statement " +
                          std::to_string(sid.value()) + ")";
      std::string mirror_value;
      auto s = db_.db->Get(ro_, mirror, EdgeKey(b, type, a, sid), &mirror_value);
      if (!s.ok()) {
        Problem(where + ": missing its " + (outgoing ? "in" : "out") + "-adjacency mirror");
      } else if (mirror_value != v) {
        Problem(where + ": out- and in-adjacency values differ");
      }
      if (!outgoing) {
        return;  // endpoints and intervals are checked once, on the out side
      }
      VertexKind sk{};
      VertexKind dk{};
      std::string key;
      auto sf = VertexKindOf(src, &sk, &key);
      auto df = VertexKindOf(dst, &dk, &key);
      if (!sf.ok() || !*sf) {
        Problem(where + ": dangling, source vertex " + std::to_string(src.value()) +
                " does not exist");
      }
      if (!df.ok() || !*df) {
        Problem(where + ": dangling, target vertex " + std::to_string(dst.value()) +
                " does not exist");
      }
      if (!meta.valid.valid()) {
        Problem(where + ": ill-formed valid interval " + meta.valid.ToString());
      }
    });
  }

  const Db& db_;
  std::vector<std::string>* problems_;
  const rocksdb::Snapshot* snapshot_;
  rocksdb::ReadOptions ro_;
};

}  // namespace

Status CheckImpl(const Db& db, std::vector<std::string>* problems) {
  Checker checker(db, problems);
  return checker.Run();
}

}  // namespace ecg::store::internal
