#include "resolve/correct.h"

#include <algorithm>

#include "resolve/resolve.h"

namespace ecg::resolve {
namespace {

// Properties an entity holds one value of: the merged-in entity's values of
// these do not replace the surviving entity's.
bool SingleValued(PropertyId p) {
  return p == prop::kName || p == prop::kCountry || p == prop::kType || p == prop::kLegalForm;
}

Result<std::string> KeyOf(store::Batch* batch, VertexId id) {
  ECG_ASSIGN_OR_RETURN(store::VertexRecord rec, batch->GetVertex(id));
  if (rec.kind != VertexKind::kEntity) {
    return Status::InvalidArgument("vertex " + std::to_string(id.value()) + " ('" + rec.key +
                                   "') is not an entity");
  }
  return rec.key;
}

// Moves one property statement of `from` to `to`.
Status MoveProperty(store::Batch* batch, const store::PropertyStatement& p, VertexId to,
                    PropertyId as) {
  ECG_RETURN_IF_ERROR(batch->SetProperty(to, as, p.value, p.meta.valid, p.meta.source).status());
  return batch->RetractProperty(p);
}

// Moves one edge statement with endpoint `from` to `to`.
Status MoveEdge(store::Batch* batch, const store::EdgeStatement& e, VertexId from, VertexId to) {
  const VertexId src = e.src == from ? to : e.src;
  const VertexId dst = e.dst == from ? to : e.dst;
  if (src != dst) {
    ECG_RETURN_IF_ERROR(
        batch->PutEdge(e.type, src, dst, e.props, e.meta.valid, e.meta.source, e.discriminator)
            .status());
  }
  return batch->RetractEdge(e);
}

Status Note(store::Batch* batch, VertexId id, const std::string& text, VertexId source) {
  return batch->SetProperty(id, prop::kResolution, Value(text), Interval::Always(), source)
      .status();
}

std::vector<std::string> RecordKeys(const std::vector<std::string>& keys) {
  std::vector<std::string> out;
  for (const std::string& k : keys) {
    if (k.starts_with("rec:")) {
      out.push_back(k);
    }
  }
  return out;
}

}  // namespace

std::vector<RecordOfEntity> RecordsOf(const std::vector<store::PropertyStatement>& resolution) {
  std::vector<RecordOfEntity> out;
  for (const auto& p : resolution) {
    if (p.property != prop::kResolution || p.value.type() != PropertyType::kString) {
      continue;
    }
    // "<LIST> record <id> '<name>': <reason>" (ingest/lists/writer.cc).
    const std::string& s = p.value.as_string();
    const size_t rec = s.find(" record ");
    if (rec == std::string::npos || rec == 0 || s.find(' ') != rec) {
      continue;
    }
    const size_t id_start = rec + 8;
    const size_t quote = s.find(" '", id_start);
    const size_t end = quote == std::string::npos ? quote : s.find("': ", quote + 2);
    if (end == std::string::npos) {
      continue;
    }
    RecordOfEntity r;
    r.list = s.substr(0, rec);
    r.id = s.substr(id_start, quote - id_start);
    r.name = s.substr(quote + 2, end - quote - 2);
    r.how = s.substr(end + 3);
    r.source = p.meta.source;
    out.push_back(std::move(r));
  }
  return out;
}

Result<Correction> MergeEntities(store::Batch* batch, VertexId from, VertexId into,
                                 std::string_view reason, VertexId source) {
  if (from == into) {
    return Status::InvalidArgument("an entity cannot be merged into itself");
  }
  ECG_ASSIGN_OR_RETURN(std::string from_key, KeyOf(batch, from));
  ECG_ASSIGN_OR_RETURN(std::string into_key, KeyOf(batch, into));
  Correction c;
  c.entity = into;
  c.key = into_key;
  std::vector<store::PropertyStatement> props;
  ECG_RETURN_IF_ERROR(batch->GetProperties(from, std::nullopt, &props));
  std::vector<store::PropertyStatement> theirs;
  ECG_RETURN_IF_ERROR(batch->GetProperties(into, std::nullopt, &theirs));
  auto has = [&theirs](PropertyId p) {
    return std::any_of(theirs.begin(), theirs.end(),
                       [p](const store::PropertyStatement& t) { return t.property == p; });
  };
  for (const auto& p : props) {
    PropertyId as = p.property;
    if (as == prop::kName) {
      as = prop::kAlias;  // the surviving entity keeps its display name
    } else if (SingleValued(as) && has(as)) {
      ECG_RETURN_IF_ERROR(batch->RetractProperty(p));
      continue;
    }
    ECG_RETURN_IF_ERROR(MoveProperty(batch, p, into, as));
    ++c.properties;
  }
  for (store::Direction dir : {store::Direction::kOut, store::Direction::kIn}) {
    std::vector<store::EdgeStatement> edges;
    ECG_RETURN_IF_ERROR(batch->GetEdges(from, dir, std::nullopt, &edges));
    for (const auto& e : edges) {
      ECG_RETURN_IF_ERROR(MoveEdge(batch, e, from, into));
      ++c.edges;
    }
  }
  std::vector<std::string> from_keys;
  ECG_RETURN_IF_ERROR(batch->KeysOf(from, &from_keys));
  std::vector<std::string> into_keys;
  ECG_RETURN_IF_ERROR(batch->KeysOf(into, &into_keys));
  for (const std::string& k : from_keys) {
    ECG_RETURN_IF_ERROR(batch->MoveKey(into, k));
    c.keys.push_back(k);
  }
  // The vertex that went keeps a key of its own that says where it went.
  ECG_RETURN_IF_ERROR(batch->RekeyVertex(from, from_key + "|merged into " + into_key));
  // One judgement per pair of the two sides' first record keys (or their
  // entity keys, for entities without a list record).
  const std::vector<std::string> a = RecordKeys(from_keys);
  const std::vector<std::string> b = RecordKeys(into_keys);
  Judgement j;
  j.same = true;
  j.record = a.empty() ? from_key : a.front();
  j.other = b.empty() ? into_key : b.front();
  j.reason = std::string(reason);
  c.judgements.push_back(j);
  ECG_RETURN_IF_ERROR(Note(
      batch, into, "merged " + from_key + " into this entity: " + std::string(reason), source));
  ECG_RETURN_IF_ERROR(
      Note(batch, from, "merged into " + into_key + ": " + std::string(reason), source));
  return c;
}

Result<Correction> SplitRecord(store::Batch* batch, const text::TextNormalizer& normalizer,
                               VertexId entity, std::string_view record_key,
                               std::string_view reason, VertexId source) {
  ECG_ASSIGN_OR_RETURN(std::string entity_key, KeyOf(batch, entity));
  ECG_ASSIGN_OR_RETURN(VertexId holder, batch->Find(VertexKind::kEntity, record_key));
  if (holder != entity) {
    return Status::InvalidArgument("record " + std::string(record_key) + " is not one of " +
                                   entity_key + "'s records");
  }
  const std::string id(record_key.substr(record_key.starts_with("rec:") ? 4 : 0));
  std::vector<store::PropertyStatement> props;
  ECG_RETURN_IF_ERROR(batch->GetProperties(entity, std::nullopt, &props));
  const std::vector<RecordOfEntity> records = RecordsOf(props);
  const RecordOfEntity* mine = nullptr;
  bool file_shared = false;
  for (const RecordOfEntity& r : records) {
    if (r.id == id) {
      mine = &r;
    }
  }
  if (mine == nullptr) {
    return Status::InvalidArgument("no resolution statement of " + entity_key + " names record " +
                                   std::string(record_key) +
                                   " (ecg resolve explain lists its records)");
  }
  for (const RecordOfEntity& r : records) {
    file_shared = file_shared || (r.id != id && r.source == mine->source);
  }
  if (records.size() < 2) {
    return Status::InvalidArgument(entity_key + " holds only record " + std::string(record_key) +
                                   ": nothing to split off");
  }
  std::vector<std::string> keys;
  ECG_RETURN_IF_ERROR(batch->KeysOf(entity, &keys));

  // The new entity, keyed by the record's name and record key.
  std::string base =
      "ent::" + CanonicalNameKey(normalizer, mine->name) + "|" + std::string(record_key);
  std::string key = base;
  for (int n = 2;; ++n) {
    ECG_ASSIGN_OR_RETURN(VertexId taken, batch->Find(VertexKind::kEntity, key));
    if (!taken.valid()) {
      break;
    }
    key = base + "|" + std::to_string(n);
  }
  bool created = false;
  ECG_ASSIGN_OR_RETURN(VertexId fresh, batch->Vertex(VertexKind::kEntity, key, &created));
  Correction c;
  c.entity = fresh;
  c.key = key;
  ECG_RETURN_IF_ERROR(batch->MoveKey(fresh, record_key));
  c.keys.push_back(std::string(record_key));

  // Properties: every statement of the record's file when the record is its
  // only one here; else the record's name (and its resolution statement).
  std::string remaining_name;
  bool name_moved = false;
  for (const auto& p : props) {
    const bool from_file = p.meta.source == mine->source;
    bool move = false;
    if (p.property == prop::kResolution) {
      move = from_file && p.value.type() == PropertyType::kString &&
             p.value.as_string().find(" record " + id + " '") != std::string::npos;
    } else if (from_file && !file_shared) {
      move = true;
    } else if (from_file && (p.property == prop::kName || p.property == prop::kAlias)) {
      move = p.value.type() == PropertyType::kString && p.value.as_string() == mine->name;
    }
    if (!move) {
      continue;
    }
    name_moved = name_moved || p.property == prop::kName;
    ECG_RETURN_IF_ERROR(MoveProperty(batch, p, fresh, p.property));
    ++c.properties;
  }
  // The new entity is named by its record; the old one, when the record
  // named it, by the first other record.
  ECG_RETURN_IF_ERROR(
      batch->SetProperty(fresh, prop::kName, Value(mine->name), Interval::Always(), mine->source)
          .status());
  if (name_moved) {
    for (const RecordOfEntity& r : records) {
      if (r.id != id) {
        remaining_name = r.name;
        break;
      }
    }
    ECG_RETURN_IF_ERROR(
        batch->SetProperty(entity, prop::kName, Value(remaining_name), Interval::Always(), source)
            .status());
  }
  // Edges: the record's listings (their discriminator is its record id), and
  // every edge of its file when it is the file's only record here.
  for (store::Direction dir : {store::Direction::kOut, store::Direction::kIn}) {
    std::vector<store::EdgeStatement> edges;
    ECG_RETURN_IF_ERROR(batch->GetEdges(entity, dir, std::nullopt, &edges));
    for (const auto& e : edges) {
      if (e.meta.source != mine->source) {
        continue;
      }
      const bool listing = e.type == EdgeType::kListedOn &&
                           (e.discriminator == id || e.discriminator.starts_with(id + "#"));
      if (!listing && file_shared) {
        continue;
      }
      ECG_RETURN_IF_ERROR(MoveEdge(batch, e, entity, fresh));
      ++c.edges;
    }
  }
  for (const std::string& k : RecordKeys(keys)) {
    if (k != record_key) {
      c.judgements.push_back(Judgement{false, std::string(record_key), k, std::string(reason)});
    }
  }
  ECG_RETURN_IF_ERROR(Note(batch, fresh,
                           "split from " + entity_key + " (record " + std::string(record_key) +
                               "): " + std::string(reason),
                           source));
  ECG_RETURN_IF_ERROR(Note(
      batch, entity,
      "record " + std::string(record_key) + " split off into " + key + ": " + std::string(reason),
      source));
  return c;
}

}  // namespace ecg::resolve
