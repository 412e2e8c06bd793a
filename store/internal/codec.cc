#include "store/internal/codec.h"

#include <cstring>

#include "store/key_codec.h"

namespace ecg::store::internal {

std::string VertexKey(VertexId id) {
  return KeyBuilder().U64(id.value()).Release();
}

std::string VertexValue(VertexKind kind, std::string_view key) {
  std::string out;
  out.push_back(static_cast<char>(kind));
  out.append(key);
  return out;
}

bool DecodeVertexValue(std::string_view in, VertexKind* kind, std::string* key) {
  if (in.empty() || !IsValidVertexKind(static_cast<uint8_t>(in[0]))) {
    return false;
  }
  *kind = static_cast<VertexKind>(in[0]);
  key->assign(in.substr(1));
  return true;
}

std::string NaturalKey(VertexKind kind, std::string_view key) {
  return KeyBuilder().U8(static_cast<uint8_t>(kind)).Raw(key).Release();
}

std::string KindKey(VertexKind kind, VertexId id) {
  return KeyBuilder().U8(static_cast<uint8_t>(kind)).U64(id.value()).Release();
}

std::string KindPrefix(VertexKind kind) {
  return KeyBuilder().U8(static_cast<uint8_t>(kind)).Release();
}

std::string PropKey(VertexId id, PropertyId prop, StatementId stmt) {
  return KeyBuilder().U64(id.value()).U16(prop).U64(stmt.value()).Release();
}

std::string PropPrefix(VertexId id) {
  return KeyBuilder().U64(id.value()).Release();
}

std::string PropPrefix(VertexId id, PropertyId prop) {
  return KeyBuilder().U64(id.value()).U16(prop).Release();
}

bool DecodePropKey(std::string_view key, VertexId* id, PropertyId* prop, StatementId* stmt) {
  KeyReader r(key);
  uint64_t v = 0;
  uint64_t s = 0;
  if (!r.U64(&v) || !r.U16(prop) || !r.U64(&s) || !r.done()) {
    return false;
  }
  *id = VertexId(v);
  *stmt = StatementId(s);
  return true;
}

std::string EdgeKey(VertexId a, EdgeType type, VertexId b, StatementId stmt) {
  return KeyBuilder()
      .U64(a.value())
      .U8(static_cast<uint8_t>(type))
      .U64(b.value())
      .U64(stmt.value())
      .Release();
}

std::string EdgePrefix(VertexId a) {
  return KeyBuilder().U64(a.value()).Release();
}

std::string EdgePrefix(VertexId a, EdgeType type) {
  return KeyBuilder().U64(a.value()).U8(static_cast<uint8_t>(type)).Release();
}

std::string EdgePrefix(VertexId a, EdgeType type, VertexId b) {
  return KeyBuilder().U64(a.value()).U8(static_cast<uint8_t>(type)).U64(b.value()).Release();
}

bool DecodeEdgeKey(std::string_view key, VertexId* a, EdgeType* type, VertexId* b,
                   StatementId* stmt) {
  KeyReader r(key);
  uint64_t va = 0;
  uint64_t vb = 0;
  uint64_t s = 0;
  uint8_t t = 0;
  if (!r.U64(&va) || !r.U8(&t) || !r.U64(&vb) || !r.U64(&s) || !r.done() || !IsValidEdgeType(t)) {
    return false;
  }
  *a = VertexId(va);
  *b = VertexId(vb);
  *type = static_cast<EdgeType>(t);
  *stmt = StatementId(s);
  return true;
}

std::string NameKey(std::string_view norm_key, VertexKind kind, VertexId id) {
  return KeyBuilder().Str(norm_key).U8(static_cast<uint8_t>(kind)).U64(id.value()).Release();
}

std::string NamePrefix(std::string_view norm_key) {
  return KeyBuilder().Str(norm_key).Release();
}

bool DecodeNameKey(std::string_view key, std::string* norm_key, VertexKind* kind, VertexId* id) {
  KeyReader r(key);
  uint8_t k = 0;
  uint64_t v = 0;
  if (!r.Str(norm_key) || !r.U8(&k) || !r.U64(&v) || !r.done() || !IsValidVertexKind(k)) {
    return false;
  }
  *kind = static_cast<VertexKind>(k);
  *id = VertexId(v);
  return true;
}

std::string ProvKey(VertexId source, uint8_t tag, std::string_view stmt_key) {
  return KeyBuilder().U64(source.value()).U8(tag).Raw(stmt_key).Release();
}

std::string ProvPrefix(VertexId source) {
  return KeyBuilder().U64(source.value()).Release();
}

std::string RunKey(RunId run) {
  return KeyBuilder().Raw(kMetaRunPrefix).U64(run.value()).Release();
}

void EncodeMeta(const StatementMeta& meta, std::string* out) {
  PutFixed32(out, static_cast<uint32_t>(meta.valid.from.days()));
  PutFixed32(out, static_cast<uint32_t>(meta.valid.to.days()));
  PutVarint64(out, meta.recorded.value());
  PutVarint64(out, meta.superseded.value());
  PutVarint64(out, meta.source.value());
}

bool DecodeMeta(std::string_view* in, StatementMeta* meta) {
  uint32_t from = 0;
  uint32_t to = 0;
  uint64_t recorded = 0;
  uint64_t superseded = 0;
  uint64_t source = 0;
  if (!GetFixed32(in, &from) || !GetFixed32(in, &to) || !GetVarint64(in, &recorded) ||
      !GetVarint64(in, &superseded) || !GetVarint64(in, &source)) {
    return false;
  }
  meta->valid = Interval{Date(static_cast<int32_t>(from)), Date(static_cast<int32_t>(to))};
  meta->recorded = RunId(recorded);
  meta->superseded = RunId(superseded);
  meta->source = VertexId(source);
  return true;
}

void EncodeValue(const Value& v, std::string* out) {
  out->push_back(static_cast<char>(v.type()));
  switch (v.type()) {
    case PropertyType::kNull:
      break;
    case PropertyType::kString:
      PutLengthPrefixed(out, v.as_string());
      break;
    case PropertyType::kInt: {
      auto i = v.as_int();
      PutVarint64(out, (static_cast<uint64_t>(i) << 1) ^ static_cast<uint64_t>(i >> 63));
      break;
    }
    case PropertyType::kDouble: {
      uint64_t bits = 0;
      double d = v.as_double();
      std::memcpy(&bits, &d, 8);
      PutFixed64(out, bits);
      break;
    }
    case PropertyType::kBool:
      out->push_back(v.as_bool() ? 1 : 0);
      break;
    case PropertyType::kDate:
      PutFixed32(out, static_cast<uint32_t>(v.as_date().days()));
      break;
    case PropertyType::kStringList:
      PutVarint64(out, v.as_string_list().size());
      for (const auto& s : v.as_string_list()) {
        PutLengthPrefixed(out, s);
      }
      break;
  }
}

bool DecodeValue(std::string_view* in, Value* v) {
  if (in->empty()) {
    return false;
  }
  auto tag = static_cast<uint8_t>(in->front());
  in->remove_prefix(1);
  switch (static_cast<PropertyType>(tag)) {
    case PropertyType::kNull:
      *v = Value();
      return true;
    case PropertyType::kString: {
      std::string_view s;
      if (!GetLengthPrefixed(in, &s)) {
        return false;
      }
      *v = Value(std::string(s));
      return true;
    }
    case PropertyType::kInt: {
      uint64_t z = 0;
      if (!GetVarint64(in, &z)) {
        return false;
      }
      *v = Value(static_cast<int64_t>((z >> 1) ^ (~(z & 1) + 1)));
      return true;
    }
    case PropertyType::kDouble: {
      uint64_t bits = 0;
      if (!GetFixed64(in, &bits)) {
        return false;
      }
      double d = 0;
      std::memcpy(&d, &bits, 8);
      *v = Value(d);
      return true;
    }
    case PropertyType::kBool:
      if (in->empty()) {
        return false;
      }
      *v = Value(in->front() != 0);
      in->remove_prefix(1);
      return true;
    case PropertyType::kDate: {
      uint32_t d = 0;
      if (!GetFixed32(in, &d)) {
        return false;
      }
      *v = Value(Date(static_cast<int32_t>(d)));
      return true;
    }
    case PropertyType::kStringList: {
      uint64_t n = 0;
      if (!GetVarint64(in, &n) || n > in->size()) {
        return false;
      }
      Value::StringList list;
      for (uint64_t i = 0; i < n; ++i) {
        std::string_view s;
        if (!GetLengthPrefixed(in, &s)) {
          return false;
        }
        list.emplace_back(s);
      }
      *v = Value(std::move(list));
      return true;
    }
  }
  return false;
}

std::string PropValue(const StatementMeta& meta, const Value& v) {
  std::string out;
  EncodeMeta(meta, &out);
  EncodeValue(v, &out);
  return out;
}

bool DecodePropValue(std::string_view in, StatementMeta* meta, Value* v) {
  return DecodeMeta(&in, meta) && DecodeValue(&in, v) && in.empty();
}

std::string EdgeValue(const StatementMeta& meta, std::string_view discriminator,
                      const PropertyList& props) {
  std::string out;
  EncodeMeta(meta, &out);
  PutLengthPrefixed(&out, discriminator);
  PutVarint64(&out, props.size());
  for (const auto& [id, value] : props) {
    PutVarint64(&out, id);
    EncodeValue(value, &out);
  }
  return out;
}

bool DecodeEdgeHead(std::string_view in, StatementMeta* meta, std::string* discriminator,
                    std::string_view* rest) {
  std::string_view disc;
  if (!DecodeMeta(&in, meta) || !GetLengthPrefixed(&in, &disc)) {
    return false;
  }
  discriminator->assign(disc);
  *rest = in;
  return true;
}

bool DecodeProps(std::string_view in, PropertyList* props) {
  uint64_t n = 0;
  props->clear();
  if (!GetVarint64(&in, &n) || n > in.size()) {
    return false;
  }
  props->reserve(n);
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t id = 0;
    Value v;
    if (!GetVarint64(&in, &id) || id > UINT16_MAX || !DecodeValue(&in, &v)) {
      return false;
    }
    props->emplace_back(static_cast<PropertyId>(id), std::move(v));
  }
  return in.empty();
}

bool DecodePropertyStatement(std::string_view key, std::string_view value, PropertyStatement* st) {
  StatementId sid;
  if (!DecodePropKey(key, &st->vertex, &st->property, &sid) ||
      !DecodePropValue(value, &st->meta, &st->value)) {
    return false;
  }
  st->meta.id = sid;
  return true;
}

bool DecodeEdgeStatement(std::string_view key, std::string_view value, bool outgoing,
                         EdgeStatement* e) {
  VertexId a;
  VertexId b;
  StatementId sid;
  std::string_view rest;
  if (!DecodeEdgeKey(key, &a, &e->type, &b, &sid) ||
      !DecodeEdgeHead(value, &e->meta, &e->discriminator, &rest) || !DecodeProps(rest, &e->props)) {
    return false;
  }
  e->src = outgoing ? a : b;
  e->dst = outgoing ? b : a;
  e->meta.id = sid;
  return true;
}

}  // namespace ecg::store::internal
