// Aggregate: groups rows by key values and computes count / sum / min / max
// / avg per group. Groups come out in key order. A string-list key (alias)
// counts the row once under each element.
#include <map>

#include "query/exec/eval.h"
#include "query/exec/ops/ops.h"

namespace ecg::query::exec {
namespace {

struct Accumulator {
  int64_t count = 0;
  double sum = 0;
  int64_t numbers = 0;
  Value min;
  Value max;
};

class AggregateOp final : public BufferedOp {
 public:
  AggregateOp(std::unique_ptr<Op> child, const std::vector<BoundItem>* keys,
              const std::vector<BoundAggregate>* aggregates)
      : BufferedOp(std::move(child)), keys_(*keys), aggregates_(*aggregates) {}

 protected:
  Status OpenImpl() override {
    std::map<std::vector<Value>, std::vector<Accumulator>> groups;
    Chunk chunk;
    while (true) {
      ECG_RETURN_IF_ERROR(child_->Next(&chunk));
      if (chunk.empty()) {
        break;
      }
      for (const Row& row : chunk) {
        std::vector<std::vector<Value>> keys(1);
        for (const BoundItem& k : keys_) {
          ECG_ASSIGN_OR_RETURN(Value v, Eval(*k.expr, row, *ctx_));
          keys = Expand(keys, v);
        }
        for (const auto& key : keys) {
          auto& accs = groups[key];
          accs.resize(aggregates_.size());
          ECG_RETURN_IF_ERROR(Accumulate(row, &accs));
        }
      }
    }
    if (groups.empty() && keys_.empty()) {
      groups[{}].resize(aggregates_.size());  // `count` of nothing is 0
    }
    for (const auto& [key, accs] : groups) {
      Row out;
      out.values = key;
      for (size_t i = 0; i < aggregates_.size(); ++i) {
        out.values.push_back(Finish(aggregates_[i].fn, accs[i]));
      }
      buffer_.push_back(std::move(out));
    }
    return Status::OK();
  }

 private:
  static std::vector<std::vector<Value>> Expand(const std::vector<std::vector<Value>>& keys,
                                                const Value& v) {
    std::vector<Value> parts;
    if (v.type() == PropertyType::kStringList) {
      for (const std::string& s : v.as_string_list()) {
        parts.emplace_back(s);
      }
    } else {
      parts.push_back(v);
    }
    std::vector<std::vector<Value>> out;
    for (const auto& k : keys) {
      for (const Value& p : parts) {
        out.push_back(k);
        out.back().push_back(p);
      }
    }
    return out;
  }

  Status Accumulate(const Row& row, std::vector<Accumulator>* accs) {
    for (size_t i = 0; i < aggregates_.size(); ++i) {
      const BoundAggregate& agg = aggregates_[i];
      Accumulator& acc = (*accs)[i];
      if (!agg.arg) {
        ++acc.count;
        continue;
      }
      ECG_ASSIGN_OR_RETURN(Value v, Eval(*agg.arg, row, *ctx_));
      if (v.is_null()) {
        continue;
      }
      ++acc.count;
      double d = 0;
      if (v.ToNumber(&d)) {
        acc.sum += d;
        ++acc.numbers;
      }
      if (acc.min.is_null() || v.Compare(acc.min) < 0) {
        acc.min = v;
      }
      if (acc.max.is_null() || v.Compare(acc.max) > 0) {
        acc.max = v;
      }
    }
    return Status::OK();
  }

  static Value Finish(AggregateFn fn, const Accumulator& acc) {
    switch (fn) {
      case AggregateFn::kCount:
        return Value(acc.count);
      case AggregateFn::kSum:
        return acc.numbers == 0 ? Value() : Value(acc.sum);
      case AggregateFn::kMin:
        return acc.min;
      case AggregateFn::kMax:
        return acc.max;
      case AggregateFn::kAvg:
        return acc.numbers == 0 ? Value() : Value(acc.sum / static_cast<double>(acc.numbers));
    }
    return Value();
  }

  const std::vector<BoundItem>& keys_;
  const std::vector<BoundAggregate>& aggregates_;
};

}  // namespace

std::unique_ptr<Op> NewAggregateOp(std::unique_ptr<Op> child, const std::vector<BoundItem>* keys,
                                   const std::vector<BoundAggregate>* aggregates) {
  return std::make_unique<AggregateOp>(std::move(child), keys, aggregates);
}

}  // namespace ecg::query::exec
