// Ownership stakes (`owns` edges), the curated alias file (alias
// statements with the alias file as provenance) and the curated judgements.
#include "ingest/lists/writer.h"

#include "resolve/correct.h"
#include "resolve/resolve.h"

namespace ecg::ingest {
namespace {

Result<VertexId> NewNamedEntity(resolve::EntityResolver* resolver, SourceContext* ctx,
                                const std::string& name, const std::vector<std::string>& aliases,
                                const std::string& country, const std::string& why) {
  ECG_ASSIGN_OR_RETURN(resolve::Resolution r, resolver->Resolve({}, name, aliases, country));
  if (r.created) {
    ++ctx->report()->counts.entities_new;
    ECG_RETURN_IF_ERROR(ctx->SetProperty(r.id, prop::kName, Value(name)).status());
    if (!country.empty()) {
      ECG_RETURN_IF_ERROR(ctx->SetProperty(r.id, prop::kCountry, Value(country)).status());
      ECG_RETURN_IF_ERROR(LocateIn(r.id, country, ctx).status());
    }
  }
  if (r.created || r.merged) {
    ECG_RETURN_IF_ERROR(
        ctx->SetProperty(r.id, prop::kResolution, Value(why + ": " + r.reason)).status());
  }
  return r.id;
}

// The entity of one side of a stake; invalid (with *error set) when an id
// names no known record.
Result<VertexId> Party(const OwnershipParty& p, resolve::EntityResolver* resolver,
                       SourceContext* ctx, std::string* error) {
  if (!p.id.empty()) {
    for (const std::string& key : {"rec:" + p.id, p.id}) {
      ECG_ASSIGN_OR_RETURN(VertexId id, ctx->batch()->Find(VertexKind::kEntity, key));
      if (id.valid()) {
        return id;
      }
    }
    *error = "unknown entity id '" + p.id + "'";
    return VertexId();
  }
  std::string name = ctx->normalizer().Clean(p.name);
  if (resolve::EntityKey(ctx->normalizer(), name, p.country).empty()) {
    *error = "party without a usable name";
    return VertexId();
  }
  return NewNamedEntity(resolver, ctx, name, {}, p.country, "named in an ownership file");
}

}  // namespace

Status WriteOwnership(const std::vector<OwnershipRecord>& stakes, SourceContext* ctx) {
  resolve::EntityResolver resolver(ctx->batch(), &ctx->view(), &ctx->normalizer());
  for (const auto& s : stakes) {
    ++ctx->report()->counts.records_read;
    std::string error;
    ECG_ASSIGN_OR_RETURN(VertexId owner, Party(s.owner, &resolver, ctx, &error));
    if (!owner.valid()) {
      ctx->Quarantine(s.line, s.offset, "owner: " + error);
      continue;
    }
    ECG_ASSIGN_OR_RETURN(VertexId owned, Party(s.owned, &resolver, ctx, &error));
    if (!owned.valid()) {
      ctx->Quarantine(s.line, s.offset, "owned: " + error);
      continue;
    }
    Interval iv = Interval::Always();
    if (s.valid_from) {
      iv.from = *s.valid_from;
    }
    if (s.valid_to) {
      iv.to = *s.valid_to;
    }
    if (!iv.valid()) {
      ctx->Quarantine(s.line, s.offset, "valid_to is not after valid_from");
      continue;
    }
    if (owner == owned) {
      ctx->Quarantine(s.line, s.offset, "owner and owned are the same entity");
      continue;
    }
    PropertyList props = {{prop::kPct, Value(s.pct)}};
    if (!s.source.empty()) {
      props.emplace_back(prop::kNote, Value(s.source));
    }
    ECG_RETURN_IF_ERROR(ctx->PutEdge(EdgeType::kOwns, owner, owned, props, iv).status());
  }
  return Status::OK();
}

Status WriteAliasPairs(const std::vector<AliasPair>& pairs, SourceContext* ctx) {
  resolve::EntityResolver resolver(ctx->batch(), &ctx->view(), &ctx->normalizer());
  for (const auto& p : pairs) {
    ++ctx->report()->counts.records_read;
    std::string zh = ctx->normalizer().Clean(p.chinese);
    std::string en = ctx->normalizer().Clean(p.english);
    if (resolve::EntityKey(ctx->normalizer(), en, "").empty() ||
        resolve::EntityKey(ctx->normalizer(), zh, "").empty()) {
      ctx->Quarantine(p.line, 0, "alias pair without a usable name");
      continue;
    }
    ECG_ASSIGN_OR_RETURN(VertexId id, resolver.Find({}, en, ""));
    if (!id.valid()) {
      ECG_ASSIGN_OR_RETURN(id, resolver.Find({}, zh, ""));
    }
    const std::string why = "curated alias pair (" + p.source_note + ")";
    if (!id.valid()) {
      ECG_ASSIGN_OR_RETURN(id, NewNamedEntity(&resolver, ctx, en, {zh}, "", why));
    } else {
      ECG_RETURN_IF_ERROR(
          ctx->SetProperty(id, prop::kResolution, Value(why + ": '" + en + "' = '" + zh + "'"))
              .status());
    }
    for (const std::string* n : {&en, &zh}) {
      ECG_RETURN_IF_ERROR(ctx->SetProperty(id, prop::kAlias, Value(*n)).status());
      ECG_RETURN_IF_ERROR(resolver.Remember(id, *n, ""));
    }
  }
  return Status::OK();
}

Status WriteJudgements(const std::vector<resolve::Judgement>& judgements, SourceContext* ctx) {
  store::Batch* batch = ctx->batch();
  for (const resolve::Judgement& j : judgements) {
    ECG_RETURN_IF_ERROR(
        ctx->SetProperty(ctx->source(), prop::kJudgement, Value(resolve::EncodeJudgement(j)))
            .status());
    ECG_ASSIGN_OR_RETURN(VertexId a, batch->Find(VertexKind::kEntity, j.record));
    ECG_ASSIGN_OR_RETURN(VertexId b, batch->Find(VertexKind::kEntity, j.other));
    if (!a.valid() || !b.valid()) {
      continue;  // held against the records when they arrive
    }
    if (j.same && a != b) {
      ECG_RETURN_IF_ERROR(resolve::MergeEntities(batch, a, b, j.reason, ctx->source()).status());
    } else if (!j.same && a == b) {
      ECG_RETURN_IF_ERROR(
          resolve::SplitRecord(batch, ctx->normalizer(), a, j.record, j.reason, ctx->source())
              .status());
    }
  }
  return Status::OK();
}

}  // namespace ecg::ingest
