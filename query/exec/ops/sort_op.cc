// Sort: stable sort on keys, each ascending or descending; nulls last.
#include <algorithm>

#include "query/exec/eval.h"
#include "query/exec/ops/ops.h"

namespace ecg::query::exec {
namespace {

class SortOp final : public BufferedOp {
 public:
  SortOp(std::unique_ptr<Op> child, const std::vector<BoundItem>* keys)
      : BufferedOp(std::move(child)), keys_(*keys) {}

 protected:
  Status OpenImpl() override {
    std::vector<Row> rows;
    ECG_RETURN_IF_ERROR(DrainChild(&rows));
    std::vector<std::pair<std::vector<Value>, size_t>> keyed;
    keyed.reserve(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
      std::vector<Value> key;
      for (const BoundItem& k : keys_) {
        ECG_ASSIGN_OR_RETURN(Value v, Eval(*k.expr, rows[i], *ctx_));
        key.push_back(std::move(v));
      }
      keyed.emplace_back(std::move(key), i);
    }
    std::stable_sort(keyed.begin(), keyed.end(), [this](const auto& a, const auto& b) {
      for (size_t k = 0; k < keys_.size(); ++k) {
        const Value& x = a.first[k];
        const Value& y = b.first[k];
        if (x.is_null() != y.is_null()) {
          return y.is_null();  // nulls last in both directions
        }
        int c = x.Compare(y);
        if (c != 0) {
          return keys_[k].descending ? c > 0 : c < 0;
        }
      }
      return false;
    });
    buffer_.reserve(rows.size());
    for (const auto& [key, index] : keyed) {
      buffer_.push_back(std::move(rows[index]));
    }
    return Status::OK();
  }

 private:
  const std::vector<BoundItem>& keys_;
};

}  // namespace

std::unique_ptr<Op> NewSortOp(std::unique_ptr<Op> child, const std::vector<BoundItem>* keys) {
  return std::make_unique<SortOp>(std::move(child), keys);
}

}  // namespace ecg::query::exec
