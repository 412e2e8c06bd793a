// Lookup: a start set through the key and name indexes.
#include <set>

#include "query/exec/ops/ops.h"

namespace ecg::query::exec {
namespace {

class LookupOp final : public BufferedOp {
 public:
  LookupOp(LookupMode mode, VertexKind kind, std::string text)
      : mode_(mode), kind_(kind), text_(std::move(text)) {}

 protected:
  Status OpenImpl() override {
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

 private:
  LookupMode mode_;
  VertexKind kind_;
  std::string text_;
};

}  // namespace

std::unique_ptr<Op> NewLookupOp(LookupMode mode, VertexKind kind, std::string text) {
  return std::make_unique<LookupOp>(mode, kind, std::move(text));
}

}  // namespace ecg::query::exec
