// ReadViewImpl: reads over one RocksDB snapshot, filtered by valid and record time.
#include <algorithm>
#include <unordered_set>

#include <rocksdb/db.h>

#include "store/internal/codec.h"
#include "store/internal/impl.h"
#include "store/internal/rocks_status.h"
#include "store/key_codec.h"

namespace ecg::store::internal {
namespace {

class ReadViewImpl final : public ReadView {
 public:
  ReadViewImpl(const Db* db, TimeFilter filter)
      : db_(db), filter_(filter), snapshot_(db->GetSnapshot()) {
    ro_.snapshot = snapshot_;
    // Column-family ids are small integers; a slot serves the family whose id
    // maps to it (any other shares nothing and creates its own iterators).
    for (uint32_t i = 0; i < kMaxSlots; ++i) {
      slot_cf_[i] = UINT32_MAX;
    }
    for (auto* h : db->handles) {
      if (slot_cf_[h->GetID() % kMaxSlots] == UINT32_MAX) {
        slot_cf_[h->GetID() % kMaxSlots] = h->GetID();
      }
    }
  }
  ~ReadViewImpl() override {
    for (auto& slot : slots_) {
      slot.it.reset();  // iterators before the snapshot they read
    }
    db_->ReleaseSnapshot(snapshot_);
  }

  const TimeFilter& filter() const override { return filter_; }

  Result<VertexRecord> GetVertex(VertexId id) const override {
    std::string value;
    auto s = db_->db->Get(ro_, db_->vertex, VertexKey(id), &value);
    if (s.IsNotFound()) {
      return Status::NotFound("no vertex with id " + std::to_string(id.value()));
    }
    ECG_RETURN_IF_ERROR(FromRocks(s, "read vertex"));
    VertexRecord rec;
    rec.id = id;
    if (!DecodeVertexValue(value, &rec.kind, &rec.key)) {
      return Status::Corruption("vertex " + std::to_string(id.value()) + " is malformed");
    }
    return rec;
  }

  Result<VertexId> FindByKey(VertexKind kind, std::string_view key) const override {
    std::string value;
    auto s = db_->db->Get(ro_, db_->nkey, NaturalKey(kind, key), &value);
    if (s.IsNotFound()) {
      return VertexId();
    }
    ECG_RETURN_IF_ERROR(FromRocks(s, "read natural key"));
    KeyReader r(value);
    uint64_t id = 0;
    if (!r.U64(&id)) {
      return Status::Corruption("natural key value is malformed");
    }
    return VertexId(id);
  }

  Status ScanKind(VertexKind kind, const std::function<bool(VertexId)>& fn) const override {
    return Scan(db_->bykind, KindPrefix(kind), [&](std::string_view key, std::string_view) {
      KeyReader r(key.substr(1));
      uint64_t id = 0;
      return r.U64(&id) ? fn(VertexId(id)) : true;
    });
  }

  Status GetProperties(VertexId id, std::optional<PropertyId> property,
                       std::vector<PropertyStatement>* out) const override {
    std::string prefix = property ? PropPrefix(id, *property) : PropPrefix(id);
    Status bad;
    size_t first = out->size();
    ECG_RETURN_IF_ERROR(Scan(db_->prop, prefix, [&](std::string_view key, std::string_view value) {
      PropertyStatement st;
      if (!DecodePropertyStatement(key, value, &st)) {
        bad = Status::Corruption("malformed property statement of vertex " +
                                 std::to_string(id.value()));
        return false;
      }
      if (filter_.Visible(st.meta)) {
        out->push_back(std::move(st));
      }
      return true;
    }));
    ECG_RETURN_IF_ERROR(bad);
    std::stable_sort(out->begin() + static_cast<std::ptrdiff_t>(first), out->end(),
                     [](const PropertyStatement& a, const PropertyStatement& b) {
                       if (a.property != b.property) {
                         return a.property < b.property;
                       }
                       return a.meta.valid.from < b.meta.valid.from;
                     });
    return Status::OK();
  }

  Result<Value> GetValue(VertexId id, PropertyId property) const override {
    std::vector<PropertyStatement> stmts;
    ECG_RETURN_IF_ERROR(GetProperties(id, property, &stmts));
    if (stmts.empty()) {
      return Value();
    }
    return stmts.back().value;
  }

  Status ForEachEdge(VertexId id, Direction dir, std::optional<EdgeType> type,
                     const std::function<bool(const EdgeStatement&)>& fn) const override {
    bool stop = false;
    if (dir == Direction::kOut || dir == Direction::kBoth) {
      ECG_RETURN_IF_ERROR(ScanEdges(db_->out, true, id, type, fn, &stop));
    }
    if (!stop && (dir == Direction::kIn || dir == Direction::kBoth)) {
      ECG_RETURN_IF_ERROR(ScanEdges(db_->in, false, id, type, fn, &stop));
    }
    return Status::OK();
  }

  Status FindByName(std::string_view name, std::optional<VertexKind> kind,
                    const std::function<bool(VertexId, std::string_view)>& fn) const override {
    std::unordered_set<VertexId> seen;
    for (const auto& key : db_->normalizer->Keys(name)) {
      bool stop = false;
      std::string prefix = NamePrefix(key);
      ECG_RETURN_IF_ERROR(Scan(db_->names, prefix, [&](std::string_view k, std::string_view v) {
        std::string norm;
        VertexKind vk{};
        VertexId vid;
        if (!DecodeNameKey(k, &norm, &vk, &vid) || (kind && vk != *kind) ||
            !seen.insert(vid).second) {
          return true;
        }
        if (!fn(vid, v)) {
          stop = true;
          return false;
        }
        return true;
      }));
      if (stop) {
        break;
      }
    }
    return Status::OK();
  }

  Status ScanNameKeys(
      std::string_view key_prefix,
      const std::function<bool(std::string_view, VertexId, std::string_view)>& fn) const override {
    // Raw prefix on the escaped key: a prefix without 0x00 is encoded as itself.
    return Scan(db_->names, std::string(key_prefix), [&](std::string_view k, std::string_view v) {
      std::string norm;
      VertexKind vk{};
      VertexId vid;
      if (!DecodeNameKey(k, &norm, &vk, &vid)) {
        return true;
      }
      return fn(norm, vid, v);
    });
  }

  Status ScanGrams(
      std::string_view gram, bool prefix,
      const std::function<bool(std::string_view, VertexKind, VertexId)>& fn) const override {
    if (db_->grams == nullptr) {
      return Status::OK();
    }
    // A raw prefix without 0x00 is encoded as itself (see ScanNameKeys).
    std::string start = prefix ? std::string(gram) : NamePrefix(gram);
    std::string g;
    return Scan(db_->grams, start, [&](std::string_view k, std::string_view) {
      VertexKind vk{};
      VertexId vid;
      return !DecodeNameKey(k, &g, &vk, &vid) || fn(g, vk, vid);
    });
  }

  Status History(VertexId id, std::vector<HistoryEvent>* out) const override {
    TimeFilter everything;
    Status bad;
    ECG_RETURN_IF_ERROR(
        Scan(db_->prop, PropPrefix(id), [&](std::string_view k, std::string_view v) {
          PropertyStatement st;
          if (!DecodePropertyStatement(k, v, &st)) {
            bad = Status::Corruption("malformed property statement");
            return false;
          }
          HistoryEvent ev;
          ev.what = HistoryEvent::What::kProperty;
          ev.property = std::move(st);
          out->push_back(std::move(ev));
          return true;
        }));
    ECG_RETURN_IF_ERROR(bad);
    for (bool outgoing : {true, false}) {
      Status s = ScanAllEdges(outgoing ? db_->out : db_->in, outgoing, id, [&](EdgeStatement e) {
        HistoryEvent ev;
        ev.what = outgoing ? HistoryEvent::What::kEdgeOut : HistoryEvent::What::kEdgeIn;
        ev.edge = std::move(e);
        out->push_back(std::move(ev));
      });
      ECG_RETURN_IF_ERROR(s);
    }
    std::stable_sort(out->begin(), out->end(), [](const HistoryEvent& a, const HistoryEvent& b) {
      const auto& ma = a.meta();
      const auto& mb = b.meta();
      if (ma.valid.from != mb.valid.from) {
        return ma.valid.from < mb.valid.from;
      }
      if (ma.recorded != mb.recorded) {
        return ma.recorded < mb.recorded;
      }
      return ma.id < mb.id;
    });
    return Status::OK();
  }

  Status StatementsFrom(VertexId source, std::vector<PropertyStatement>* props,
                        std::vector<EdgeStatement>* edges) const override {
    Status bad;
    ECG_RETURN_IF_ERROR(
        Scan(db_->prov, ProvPrefix(source), [&](std::string_view k, std::string_view) {
          std::string_view rest = k.substr(8);
          uint8_t tag = static_cast<uint8_t>(rest.front());
          std::string stmt_key(rest.substr(1));
          std::string value;
          auto s = db_->db->Get(ro_, tag == kProvProperty ? db_->prop : db_->out, stmt_key, &value);
          if (s.IsNotFound()) {
            return true;  // superseded within its own run and deleted
          }
          if (!s.ok()) {
            bad = FromRocks(s, "read statement by provenance");
            return false;
          }
          if (tag == kProvProperty) {
            PropertyStatement st;
            if (!DecodePropertyStatement(stmt_key, value, &st)) {
              bad = Status::Corruption("malformed property statement");
              return false;
            }
            props->push_back(std::move(st));
          } else {
            EdgeStatement e;
            if (!DecodeEdgeStatement(stmt_key, value, true, &e)) {
              bad = Status::Corruption("malformed edge statement");
              return false;
            }
            edges->push_back(std::move(e));
          }
          return true;
        }));
    return bad;
  }

  Result<Stats> ComputeStats() const override;

 private:
  // Iterators are costly to create, so each column family keeps one that
  // scans re-seek. A scan that starts while that one is busy (a callback that
  // scans the same column family) gets a fresh iterator of its own.
  struct IteratorSlot {
    std::unique_ptr<rocksdb::Iterator> it;
    bool busy = false;
  };

  template <typename Fn>
  Status Scan(rocksdb::ColumnFamilyHandle* cf, const std::string& prefix, Fn&& fn) const {
    IteratorSlot& slot = slots_[cf->GetID() % kMaxSlots];
    std::unique_ptr<rocksdb::Iterator> own;
    rocksdb::Iterator* it = nullptr;
    const bool shared = !slot.busy && slot_cf_[cf->GetID() % kMaxSlots] == cf->GetID();
    if (shared) {
      if (!slot.it) {
        slot.it.reset(db_->db->NewIterator(ro_, cf));
      }
      it = slot.it.get();
      slot.busy = true;
    } else {
      own.reset(db_->db->NewIterator(ro_, cf));
      it = own.get();
    }
    rocksdb::Slice p(prefix);
    // Scans in key order (a ScanKind followed by one hop) find the next
    // prefix a few keys ahead: stepping there is cheaper than a Seek.
    bool positioned = false;
    if (shared && it->Valid() && it->key().compare(p) < 0) {
      for (int i = 0; i < 16 && it->Valid(); ++i) {
        it->Next();
        if (it->Valid() && it->key().compare(p) >= 0) {
          positioned = true;
          break;
        }
      }
    }
    if (!positioned) {
      it->Seek(p);
    }
    for (; it->Valid() && it->key().starts_with(p); it->Next()) {
      if (!fn(it->key().ToStringView(), it->value().ToStringView())) {
        break;
      }
    }
    Status s = FromRocks(it->status(), "scan");
    if (shared) {
      slot.busy = false;
    }
    return s;
  }

  Status ScanEdges(rocksdb::ColumnFamilyHandle* cf, bool outgoing, VertexId id,
                   std::optional<EdgeType> type,
                   const std::function<bool(const EdgeStatement&)>& fn, bool* stop) const {
    std::string prefix = type ? EdgePrefix(id, *type) : EdgePrefix(id);
    Status bad;
    EdgeStatement e;
    ECG_RETURN_IF_ERROR(Scan(cf, prefix, [&](std::string_view k, std::string_view v) {
      // Decode the meta first so invisible statements cost no property decoding.
      std::string_view head = v;
      StatementMeta meta;
      if (!DecodeMeta(&head, &meta)) {
        bad = Status::Corruption("malformed edge statement");
        return false;
      }
      if (!filter_.Visible(meta)) {
        return true;
      }
      if (!DecodeEdgeStatement(k, v, outgoing, &e)) {
        bad = Status::Corruption("malformed edge statement");
        return false;
      }
      if (!fn(e)) {
        *stop = true;
        return false;
      }
      return true;
    }));
    return bad;
  }

  template <typename Fn>
  Status ScanAllEdges(rocksdb::ColumnFamilyHandle* cf, bool outgoing, VertexId id, Fn&& fn) const {
    Status bad;
    ECG_RETURN_IF_ERROR(Scan(cf, EdgePrefix(id), [&](std::string_view k, std::string_view v) {
      EdgeStatement e;
      if (!DecodeEdgeStatement(k, v, outgoing, &e)) {
        bad = Status::Corruption("malformed edge statement");
        return false;
      }
      fn(std::move(e));
      return true;
    }));
    return bad;
  }

  static constexpr uint32_t kMaxSlots = 16;

  const Db* db_;
  TimeFilter filter_;
  const rocksdb::Snapshot* snapshot_;
  rocksdb::ReadOptions ro_;
  // Declared after the snapshot so that the iterators die first.
  mutable IteratorSlot slots_[kMaxSlots];
  uint32_t slot_cf_[kMaxSlots];
};

Result<Stats> ReadViewImpl::ComputeStats() const {
  Stats stats;
  for (VertexKind kind : kAllVertexKinds) {
    uint64_t n = 0;
    ECG_RETURN_IF_ERROR(ScanKind(kind, [&](VertexId) {
      ++n;
      return true;
    }));
    stats.kinds.push_back({kind, n});
  }
  std::vector<Stats::EdgeCount> edges(kAllEdgeTypes.size() + 1);
  Status bad;
  ECG_RETURN_IF_ERROR(Scan(db_->out, std::string(), [&](std::string_view k, std::string_view v) {
    if (k.size() < 9) {
      return true;
    }
    auto t = static_cast<uint8_t>(k[8]);
    StatementMeta meta;
    std::string_view head = v;
    if (!IsValidEdgeType(t) || !DecodeMeta(&head, &meta)) {
      bad = Status::Corruption("malformed edge statement in stats");
      return false;
    }
    auto& c = edges[t];
    if (!meta.current()) {
      ++c.superseded;
    } else if (meta.valid.is_open()) {
      ++c.open;
    } else {
      ++c.closed;
    }
    return true;
  }));
  ECG_RETURN_IF_ERROR(bad);
  for (EdgeType t : kAllEdgeTypes) {
    auto c = edges[static_cast<uint8_t>(t)];
    c.type = t;
    stats.edges.push_back(c);
  }
  ECG_RETURN_IF_ERROR(Scan(db_->prop, std::string(), [&](std::string_view, std::string_view) {
    ++stats.property_statements;
    return true;
  }));
  std::string run_prefix(kMetaRunPrefix);
  ECG_RETURN_IF_ERROR(Scan(db_->meta, run_prefix, [&](std::string_view, std::string_view) {
    ++stats.runs;
    return true;
  }));
  return stats;
}

}  // namespace

std::unique_ptr<ReadView> NewReadViewImpl(const Db* db, TimeFilter filter) {
  return std::make_unique<ReadViewImpl>(db, filter);
}

}  // namespace ecg::store::internal
