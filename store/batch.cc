// BatchImpl: an atomic set of writes. Pending writes are kept in ordered maps
// per column family, so that the batch reads its own writes (point reads and
// prefix scans merge them over the database), and go out as one RocksDB
// WriteBatch at Commit. (rocksdb::WriteBatchWithIndex did the same, but its
// overwrite-key index cost half of a large ingest.) The maps are B-trees
// (absl::btree_map): a file's batch holds about a million rows, and a
// red-black tree's node per row made inserting them a third of the ingest
// (a cache miss per level).
#include <absl/container/btree_map.h>

#include <algorithm>
#include <map>
#include <optional>

#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include "store/internal/codec.h"
#include "store/internal/impl.h"
#include "store/internal/rocks_status.h"
#include "store/key_codec.h"

namespace ecg::store::internal {
namespace {

bool SameProps(const PropertyList& a, const PropertyList& b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].first != b[i].first || !(a[i].second == b[i].second) ||
        a[i].second.type() != b[i].second.type()) {
      return false;
    }
  }
  return true;
}

bool IsNameProperty(PropertyId id) {
  return id == prop::kName || id == prop::kAlias;
}

class BatchImpl final : public Batch {
 public:
  BatchImpl(GraphStoreImpl* store, RunId run, std::unique_lock<std::mutex> lock)
      : store_(store),
        db_(store->db()),
        run_(run),
        lock_(std::move(lock)),
        counters_(store->counters()) {}

  RunId run() const override { return run_; }

  Result<VertexId> Vertex(VertexKind kind, std::string_view key, bool* created) override {
    ECG_RETURN_IF_ERROR(CheckUsable());
    ECG_ASSIGN_OR_RETURN(VertexId found, Find(kind, key));
    if (created != nullptr) {
      *created = !found.valid();
    }
    if (found.valid()) {
      return found;
    }
    if (key.empty()) {
      return Poison(
          Status::InvalidArgument(std::string(VertexKindName(kind)) + ": empty natural key"));
    }
    VertexId id(counters_.next_vertex++);
    Put(db_.vertex, VertexKey(id), VertexValue(kind, key));
    Put(db_.nkey, NaturalKey(kind, key), KeyBuilder().U64(id.value()).Release());
    Put(db_.bykind, KindKey(kind, id), "");
    return id;
  }

  Result<VertexId> Find(VertexKind kind, std::string_view key) override {
    std::string value;
    ECG_ASSIGN_OR_RETURN(bool found, Get(db_.nkey, NaturalKey(kind, key), &value));
    if (!found) {
      return VertexId();
    }
    KeyReader r(value);
    uint64_t id = 0;
    if (!r.U64(&id)) {
      return Status::Corruption("natural key value is malformed");
    }
    return VertexId(id);
  }

  Status AddKey(VertexId id, std::string_view key) override {
    ECG_RETURN_IF_ERROR(CheckUsable());
    ECG_ASSIGN_OR_RETURN(VertexRecord rec, GetVertex(id));
    ECG_ASSIGN_OR_RETURN(VertexId other, Find(rec.kind, key));
    if (other == id) {
      return Status::OK();
    }
    if (other.valid()) {
      return Status::AlreadyExists(std::string(VertexKindName(rec.kind)) + " key '" +
                                   std::string(key) + "' belongs to vertex " +
                                   std::to_string(other.value()));
    }
    Put(db_.nkey, NaturalKey(rec.kind, key), KeyBuilder().U64(id.value()).Release());
    return Status::OK();
  }

  Result<VertexRecord> GetVertex(VertexId id) override {
    std::string value;
    ECG_ASSIGN_OR_RETURN(bool found, Get(db_.vertex, VertexKey(id), &value));
    if (!found) {
      return Status::NotFound("no vertex with id " + std::to_string(id.value()));
    }
    VertexRecord rec;
    rec.id = id;
    if (!DecodeVertexValue(value, &rec.kind, &rec.key)) {
      return Status::Corruption("vertex " + std::to_string(id.value()) + " is malformed");
    }
    return rec;
  }

  Result<WriteOutcome> SetProperty(VertexId id, PropertyId prop, const Value& value, Interval valid,
                                   VertexId source) override {
    ECG_RETURN_IF_ERROR(CheckUsable());
    ECG_ASSIGN_OR_RETURN(VertexRecord rec, GetVertex(id));
    Status vs = Catalog::Validate(rec.kind, "'" + rec.key + "'", prop, value);
    if (!vs.ok()) {
      return Poison(vs);
    }
    if (!valid.valid()) {
      return Poison(
          Status::InvalidArgument("'" + rec.key + "': empty valid interval " + valid.ToString()));
    }
    const PropertyDef* def = Catalog::Find(prop);
    std::vector<PropertyStatement> current;
    ECG_RETURN_IF_ERROR(GetProperties(id, prop, &current));
    WriteOutcome outcome = WriteOutcome::kCreated;
    for (const auto& st : current) {
      bool same_value = st.value == value && st.value.type() == value.type();
      if (same_value && (st.meta.valid == valid || (st.meta.valid.is_open() && valid.is_open()))) {
        return WriteOutcome::kUnchanged;
      }
    }
    for (const auto& st : current) {
      bool same_value = st.value == value && st.value.type() == value.type();
      bool conflicts = def->multi ? same_value : st.meta.valid.Overlaps(valid);
      if (!conflicts) {
        continue;
      }
      // Supersede the old statement, keeping the part of its valid time
      // before the new one starts.
      ECG_RETURN_IF_ERROR(SupersedeProp(st));
      if (st.meta.valid.from < valid.from) {
        StatementMeta kept = st.meta;
        kept.valid.to = std::min(st.meta.valid.to, valid.from);
        WriteProp(id, prop, st.value, kept);
      }
      outcome = WriteOutcome::kChanged;
    }
    StatementMeta meta;
    meta.valid = valid;
    meta.source = source;
    WriteProp(id, prop, value, meta);
    if (IsNameProperty(prop) && value.type() == PropertyType::kString) {
      for (const auto& key : db_.normalizer->Keys(value.as_string())) {
        Put(db_.names, NameKey(key, rec.kind, id), value.as_string());
      }
      for (const auto& gram : db_.normalizer->GramKeys(value.as_string())) {
        Put(db_.grams, GramKey(gram, rec.kind, id), "");
      }
    }
    return outcome;
  }

  Result<WriteOutcome> PutEdge(EdgeType type, VertexId src, VertexId dst, const PropertyList& props,
                               Interval valid, VertexId source,
                               std::string_view discriminator) override {
    ECG_RETURN_IF_ERROR(CheckUsable());
    ECG_ASSIGN_OR_RETURN(VertexRecord s, GetVertex(src));
    ECG_ASSIGN_OR_RETURN(VertexRecord d, GetVertex(dst));
    EdgeEndpoints ends = EndpointsOf(type);
    std::string subject = "'" + s.key + "' -> '" + d.key + "'";
    if ((ends.from && *ends.from != s.kind) || (ends.to && *ends.to != d.kind)) {
      return Poison(Status::InvalidArgument(std::string(EdgeTypeName(type)) + " edge " + subject +
                                            ": connects " + std::string(VertexKindName(s.kind)) +
                                            " -> " + std::string(VertexKindName(d.kind))));
    }
    if (!valid.valid()) {
      return Poison(Status::InvalidArgument(std::string(EdgeTypeName(type)) + " edge " + subject +
                                            ": empty valid interval " + valid.ToString()));
    }
    PropertyList sorted = props;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [pid, value] : sorted) {
      Status vs = Catalog::Validate(type, subject, pid, value);
      if (!vs.ok()) {
        return Poison(vs);
      }
    }
    std::vector<EdgeStatement> current;
    ECG_RETURN_IF_ERROR(CurrentEdges(src, type, dst, &current));
    WriteOutcome outcome = WriteOutcome::kCreated;
    for (const auto& e : current) {
      if (e.discriminator != discriminator) {
        continue;
      }
      if (SameProps(e.props, sorted) &&
          (e.meta.valid == valid || (e.meta.valid.is_open() && valid.is_open()))) {
        return WriteOutcome::kUnchanged;
      }
    }
    for (const auto& e : current) {
      if (e.discriminator != discriminator || !e.meta.valid.Overlaps(valid)) {
        continue;
      }
      ECG_RETURN_IF_ERROR(SupersedeEdge(e));
      if (e.meta.valid.from < valid.from) {
        StatementMeta kept = e.meta;
        kept.valid.to = std::min(e.meta.valid.to, valid.from);
        WriteEdge(e.type, e.src, e.dst, e.discriminator, e.props, kept);
      }
      outcome = WriteOutcome::kChanged;
    }
    StatementMeta meta;
    meta.valid = valid;
    meta.source = source;
    WriteEdge(type, src, dst, discriminator, sorted, meta);
    return outcome;
  }

  Status CloseProperty(const PropertyStatement& stmt, Date to) override {
    ECG_RETURN_IF_ERROR(CheckUsable());
    if (!(stmt.meta.valid.from < to)) {
      return Poison(Status::InvalidArgument("cannot close a statement at " + to.ToString() +
                                            ", before it starts " + stmt.meta.valid.ToString()));
    }
    if (stmt.meta.valid.to <= to) {
      return Status::OK();
    }
    ECG_RETURN_IF_ERROR(SupersedeProp(stmt));
    StatementMeta kept = stmt.meta;
    kept.valid.to = to;
    WriteProp(stmt.vertex, stmt.property, stmt.value, kept);
    return Status::OK();
  }

  Status CloseEdge(const EdgeStatement& stmt, Date to) override {
    ECG_RETURN_IF_ERROR(CheckUsable());
    if (!(stmt.meta.valid.from < to)) {
      return Poison(Status::InvalidArgument("cannot close an edge at " + to.ToString() +
                                            ", before it starts " + stmt.meta.valid.ToString()));
    }
    if (stmt.meta.valid.to <= to) {
      return Status::OK();
    }
    ECG_RETURN_IF_ERROR(SupersedeEdge(stmt));
    StatementMeta kept = stmt.meta;
    kept.valid.to = to;
    WriteEdge(stmt.type, stmt.src, stmt.dst, stmt.discriminator, stmt.props, kept);
    return Status::OK();
  }

  Status RetractProperty(const PropertyStatement& stmt) override {
    ECG_RETURN_IF_ERROR(CheckUsable());
    return SupersedeProp(stmt);
  }

  Status RetractEdge(const EdgeStatement& stmt) override {
    ECG_RETURN_IF_ERROR(CheckUsable());
    return SupersedeEdge(stmt);
  }

  Status MoveKey(VertexId id, std::string_view key) override {
    ECG_RETURN_IF_ERROR(CheckUsable());
    ECG_ASSIGN_OR_RETURN(VertexRecord rec, GetVertex(id));
    Put(db_.nkey, NaturalKey(rec.kind, key), KeyBuilder().U64(id.value()).Release());
    return Status::OK();
  }

  Status RekeyVertex(VertexId id, std::string_view key) override {
    ECG_RETURN_IF_ERROR(CheckUsable());
    ECG_ASSIGN_OR_RETURN(VertexRecord rec, GetVertex(id));
    ECG_ASSIGN_OR_RETURN(VertexId other, Find(rec.kind, key));
    if (other.valid() && other != id) {
      return Status::AlreadyExists(std::string(VertexKindName(rec.kind)) + " key '" +
                                   std::string(key) + "' belongs to vertex " +
                                   std::to_string(other.value()));
    }
    Put(db_.vertex, VertexKey(id), VertexValue(rec.kind, key));
    Put(db_.nkey, NaturalKey(rec.kind, key), KeyBuilder().U64(id.value()).Release());
    return Status::OK();
  }

  Status KeysOf(VertexId id, std::vector<std::string>* out) override {
    ECG_ASSIGN_OR_RETURN(VertexRecord rec, GetVertex(id));
    const std::string prefix = KindPrefix(rec.kind);
    Status bad;
    ECG_RETURN_IF_ERROR(Scan(db_.nkey, prefix, [&](std::string_view k, std::string_view v) {
      KeyReader r(v);
      uint64_t holder = 0;
      if (!r.U64(&holder)) {
        bad = Status::Corruption("natural key value is malformed");
        return false;
      }
      if (holder == id.value()) {
        out->emplace_back(k.substr(prefix.size()));
      }
      return true;
    }));
    return bad;
  }

  Status GetProperties(VertexId id, std::optional<PropertyId> property,
                       std::vector<PropertyStatement>* out) override {
    std::string prefix = property ? PropPrefix(id, *property) : PropPrefix(id);
    Status bad;
    ECG_RETURN_IF_ERROR(Scan(db_.prop, prefix, [&](std::string_view k, std::string_view v) {
      PropertyStatement st;
      if (!DecodePropertyStatement(k, v, &st)) {
        bad = Status::Corruption("malformed property statement");
        return false;
      }
      if (st.meta.current()) {
        out->push_back(std::move(st));
      }
      return true;
    }));
    return bad;
  }

  Status GetEdges(VertexId id, Direction dir, std::optional<EdgeType> type,
                  std::vector<EdgeStatement>* out) override {
    for (bool outgoing : {true, false}) {
      if ((outgoing && dir == Direction::kIn) || (!outgoing && dir == Direction::kOut)) {
        continue;
      }
      std::string prefix = type ? EdgePrefix(id, *type) : EdgePrefix(id);
      ECG_RETURN_IF_ERROR(ScanEdgeStatements(outgoing ? db_.out : db_.in, outgoing, prefix, out));
    }
    return Status::OK();
  }

  size_t size() const override { return writes_; }

  Status Commit() override {
    Status s = CheckUsable();
    if (!finished_) {
      finished_ = true;
      if (s.ok()) {
        rocksdb::WriteBatch wb;
        for (const auto& [cf_id, rows] : pending_) {
          rocksdb::ColumnFamilyHandle* cf = Handle(cf_id);
          for (const auto& [key, value] : rows) {
            if (value) {
              (void)wb.Put(cf, key, *value);
            } else {
              (void)wb.Delete(cf, key);
            }
          }
        }
        s = store_->CommitBatch(&wb, counters_);
      }
      lock_.unlock();  // the batch is finished either way: let the next writer in
    }
    return s;
  }

 private:
  Status CheckUsable() const {
    if (!poison_.ok()) {
      return poison_;
    }
    if (finished_) {
      return Status::Internal("batch used after Commit");
    }
    return Status::OK();
  }

  Status Poison(Status s) {
    poison_ = s;
    return s;
  }

  void Put(rocksdb::ColumnFamilyHandle* cf, const std::string& key, const std::string& value) {
    pending_[cf->GetID()][key] = value;
    ++writes_;
  }

  void Erase(rocksdb::ColumnFamilyHandle* cf, const std::string& key) {
    pending_[cf->GetID()][key] = std::nullopt;
    ++writes_;
  }

  rocksdb::ColumnFamilyHandle* Handle(uint32_t cf_id) const {
    for (auto* h : db_.handles) {
      if (h->GetID() == cf_id) {
        return h;
      }
    }
    return nullptr;
  }

  Result<bool> Get(rocksdb::ColumnFamilyHandle* cf, const std::string& key, std::string* value) {
    auto rows = pending_.find(cf->GetID());
    if (rows != pending_.end()) {
      auto it = rows->second.find(key);
      if (it != rows->second.end()) {
        if (!it->second) {
          return false;
        }
        *value = *it->second;
        return true;
      }
    }
    auto s = db_.db->Get(rocksdb::ReadOptions(), cf, key, value);
    if (s.IsNotFound()) {
      return false;
    }
    ECG_RETURN_IF_ERROR(FromRocks(s, "batch read"));
    return true;
  }

  // The database does not change while the batch holds the writer lock, so
  // one iterator per column family serves every scan of the batch.
  rocksdb::Iterator* DbIterator(rocksdb::ColumnFamilyHandle* cf) {
    auto& it = iterators_[cf->GetID()];
    if (!it) {
      it.reset(db_.db->NewIterator(rocksdb::ReadOptions(), cf));
    }
    return it.get();
  }

  template <typename Fn>
  Status Scan(rocksdb::ColumnFamilyHandle* cf, const std::string& prefix, Fn&& fn) {
    // Collect first (committed rows overlaid with pending ones): callbacks
    // write to the batch.
    absl::btree_map<std::string, std::string, std::less<>> rows;
    rocksdb::Iterator* it = DbIterator(cf);
    rocksdb::Slice p(prefix);
    for (it->Seek(p); it->Valid() && it->key().starts_with(p); it->Next()) {
      rows.emplace(it->key().ToString(), it->value().ToString());
    }
    ECG_RETURN_IF_ERROR(FromRocks(it->status(), "batch scan"));
    auto pending = pending_.find(cf->GetID());
    if (pending != pending_.end()) {
      for (auto pit = pending->second.lower_bound(prefix);
           pit != pending->second.end() && std::string_view(pit->first).starts_with(prefix);
           ++pit) {
        if (pit->second) {
          rows[pit->first] = *pit->second;
        } else {
          rows.erase(pit->first);
        }
      }
    }
    for (const auto& [k, v] : rows) {
      if (!fn(std::string_view(k), std::string_view(v))) {
        break;
      }
    }
    return Status::OK();
  }

  Status ScanEdgeStatements(rocksdb::ColumnFamilyHandle* cf, bool outgoing,
                            const std::string& prefix, std::vector<EdgeStatement>* out) {
    Status bad;
    ECG_RETURN_IF_ERROR(Scan(cf, prefix, [&](std::string_view k, std::string_view v) {
      EdgeStatement e;
      if (!DecodeEdgeStatement(k, v, outgoing, &e)) {
        bad = Status::Corruption("malformed edge statement");
        return false;
      }
      if (e.meta.current()) {
        out->push_back(std::move(e));
      }
      return true;
    }));
    return bad;
  }

  Status CurrentEdges(VertexId src, EdgeType type, VertexId dst, std::vector<EdgeStatement>* out) {
    return ScanEdgeStatements(db_.out, true, EdgePrefix(src, type, dst), out);
  }

  void WriteProp(VertexId id, PropertyId prop, const Value& value, StatementMeta meta) {
    StatementId sid(counters_.next_statement++);
    meta.recorded = run_;
    meta.superseded = RunId();
    std::string key = PropKey(id, prop, sid);
    Put(db_.prop, key, PropValue(meta, value));
    if (meta.source.valid()) {
      Put(db_.prov, ProvKey(meta.source, kProvProperty, key), "");
    }
  }

  void WriteEdge(EdgeType type, VertexId src, VertexId dst, std::string_view disc,
                 const PropertyList& props, StatementMeta meta) {
    StatementId sid(counters_.next_statement++);
    meta.recorded = run_;
    meta.superseded = RunId();
    std::string value = EdgeValue(meta, disc, props);
    std::string out_key = EdgeKey(src, type, dst, sid);
    Put(db_.out, out_key, value);
    Put(db_.in, EdgeKey(dst, type, src, sid), value);
    if (meta.source.valid()) {
      Put(db_.prov, ProvKey(meta.source, kProvEdge, out_key), "");
    }
  }

  // A statement recorded by this same run was never visible to any reader at
  // run granularity, so it is deleted instead of kept as superseded.
  Status SupersedeProp(const PropertyStatement& st) {
    std::string key = PropKey(st.vertex, st.property, st.meta.id);
    if (st.meta.recorded == run_) {
      Erase(db_.prop, key);
      if (st.meta.source.valid()) {
        Erase(db_.prov, ProvKey(st.meta.source, kProvProperty, key));
      }
      return Status::OK();
    }
    StatementMeta m = st.meta;
    m.superseded = run_;
    Put(db_.prop, key, PropValue(m, st.value));
    return Status::OK();
  }

  Status SupersedeEdge(const EdgeStatement& e) {
    std::string out_key = EdgeKey(e.src, e.type, e.dst, e.meta.id);
    std::string in_key = EdgeKey(e.dst, e.type, e.src, e.meta.id);
    if (e.meta.recorded == run_) {
      Erase(db_.out, out_key);
      Erase(db_.in, in_key);
      if (e.meta.source.valid()) {
        Erase(db_.prov, ProvKey(e.meta.source, kProvEdge, out_key));
      }
      return Status::OK();
    }
    StatementMeta m = e.meta;
    m.superseded = run_;
    std::string value = EdgeValue(m, e.discriminator, e.props);
    Put(db_.out, out_key, value);
    Put(db_.in, in_key, value);
    return Status::OK();
  }

  GraphStoreImpl* store_;
  const Db& db_;
  RunId run_;
  std::unique_lock<std::mutex> lock_;
  // Pending writes per column family id; nullopt marks a delete.
  std::map<uint32_t, absl::btree_map<std::string, std::optional<std::string>, std::less<>>>
      pending_;
  std::map<uint32_t, std::unique_ptr<rocksdb::Iterator>> iterators_;
  size_t writes_ = 0;
  Counters counters_;
  Status poison_;
  bool finished_ = false;
};

}  // namespace

std::unique_ptr<Batch> NewBatchImpl(GraphStoreImpl* store, RunId run,
                                    std::unique_lock<std::mutex> lock) {
  return std::make_unique<BatchImpl>(store, run, std::move(lock));
}

}  // namespace ecg::store::internal
