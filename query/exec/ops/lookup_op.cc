// Lookup: a start set through the key and name indexes.
#include <set>

#include "query/exec/ops/ops.h"

#include "screen/screener.h"
#include "text/normalizer.h"

namespace ecg::query::exec {
namespace {

class LookupOp final : public BufferedOp {
 public:
  LookupOp(LookupMode mode, VertexKind kind, std::string text)
      : mode_(mode), kind_(kind), text_(std::move(text)) {}

 protected:
  Status OpenImpl() override {
    ECG_RETURN_IF_ERROR(Find());
    if (buffer_.empty()) {
      ECG_RETURN_IF_ERROR(NoteNoMatch());
    }
    return Status::OK();
  }

 private:
  // A start that matches nothing gives 0 rows, which reads like an answer;
  // the notice says the key or name itself was not found, with the nearest
  // one for the kinds that have few vertices.
  Status NoteNoMatch() {
    std::string kind(VertexKindName(kind_));
    std::string what = mode_ == LookupMode::kKeyOrName ? "the key or name"
                       : mode_ == LookupMode::kName    ? "the name"
                                                       : "a name like";
    std::string hint;
    if (kind_ != VertexKind::kEntity && kind_ != VertexKind::kArticle) {
      ECG_ASSIGN_OR_RETURN(std::string nearest, ctx_->NearestLabel(kind_, text_));
      if (!nearest.empty()) {
        hint = " (did you mean '" + nearest + "'?)";
      }
    } else if (mode_ != LookupMode::kFuzzy) {
      hint = " (try " + kind + " ~\"" + text_ + "\" for spelling variants)";
    }
    ctx_->AddNotice("no " + kind + " has " + what + " '" + text_ + "'" + hint);
    return Status::OK();
  }

  Status Find() {
    const store::ReadView& view = ctx_->view();
    std::set<uint64_t> seen;
    auto add = [&](VertexId id) {
      if (seen.insert(id.value()).second) {
        Row row;
        row.vertex = id;
        buffer_.push_back(std::move(row));
      }
    };
    if (mode_ == LookupMode::kKeyOrName) {
      ECG_ASSIGN_OR_RETURN(VertexId id, view.FindByKey(kind_, text_));
      if (id.valid()) {
        add(id);
        return Status::OK();
      }
    }
    Status inner;
    ECG_RETURN_IF_ERROR(view.FindByName(text_, kind_, [&](VertexId id, std::string_view) {
      inner = ctx_->Charge();
      add(id);
      return inner.ok();
    }));
    ECG_RETURN_IF_ERROR(inner);
    if (mode_ != LookupMode::kFuzzy) {
      return Status::OK();
    }
    // Fuzzy on entities: first what `ecg screen` finds (the same scorer, any
    // script or spelling, best first), when the store's normalizer is the
    // ICU one the screener needs.
    const auto* text_normalizer = dynamic_cast<const text::TextNormalizer*>(&ctx_->normalizer());
    if (kind_ == VertexKind::kEntity && text_normalizer != nullptr) {
      ECG_RETURN_IF_ERROR(AddScreened(*text_normalizer, add));
    }
    // Fuzzy: also every name whose normalised key starts with one of the
    // query's keys ("huawei" finds "huawei technologies co ltd").
    std::vector<std::string> keys = ctx_->normalizer().Keys(text_);
    for (const std::string& key : keys) {
      if (key.empty()) {
        continue;
      }
      ECG_RETURN_IF_ERROR(
          view.ScanNameKeys(key, [&](std::string_view, VertexId id, std::string_view) {
            inner = ctx_->Charge();
            if (!inner.ok()) {
              return false;
            }
            if (seen.count(id.value()) == 0) {
              Result<store::VertexRecord> rec = ctx_->Vertex(id);
              if (!rec.ok()) {
                inner = rec.status();
                return false;
              }
              if (rec->kind == kind_) {
                add(id);
              }
            }
            return true;
          }));
      ECG_RETURN_IF_ERROR(inner);
    }
    return Status::OK();
  }

  template <typename Add>
  Status AddScreened(const text::TextNormalizer& normalizer, Add& add) {
    const store::ReadView& view = ctx_->view();
    ECG_ASSIGN_OR_RETURN(uint64_t entities, screen::Screener::CountEntities(view));
    ECG_RETURN_IF_ERROR(ctx_->Charge(entities));
    ECG_ASSIGN_OR_RETURN(std::unique_ptr<screen::Screener> screener,
                         screen::Screener::Create(nullptr, &normalizer, entities));
    screen::ScreenOptions options;
    options.limit = kScreenedLimit;
    Result<std::vector<screen::Candidate>> found = screener->Match(view, text_, options);
    if (!found.ok()) {
      // A text the screener refuses (no letters, too long) still gets the
      // prefix lookup below.
      return found.status().code() == StatusCode::kInvalidArgument ? Status::OK() : found.status();
    }
    ECG_RETURN_IF_ERROR(ctx_->Charge(screener->last_stats().candidates_scored));
    for (const screen::Candidate& c : *found) {
      add(c.id);
    }
    return Status::OK();
  }

  // Screened candidates kept (screening's default is 10).
  static constexpr size_t kScreenedLimit = 100;
  LookupMode mode_;
  VertexKind kind_;
  std::string text_;
};

}  // namespace

std::unique_ptr<Op> NewLookupOp(LookupMode mode, VertexKind kind, std::string text) {
  return std::make_unique<LookupOp>(mode, kind, std::move(text));
}

}  // namespace ecg::query::exec
