// Diff: evaluates its input as of two dates and reports vertices added,
// removed, and changed (a visible property value, or the props of the edge
// that reached it, differ; not the notes on how a listing was dated, nor
// wording: case, spaces and punctuation).
#include <cctype>
#include <map>
#include <string>

#include "query/exec/ops/ops.h"

namespace ecg::query::exec {
namespace {

using Signature = std::map<std::string, Value>;

// A value as compared: text without case, spaces and ASCII punctuation, so
// that two sources' wordings of one value ("(See § 744.11 of the EAR)" and
// "(See §744.11 of the EAR).") are one value. Other values as they print.
std::string Wording(const Value& v) {
  if (v.type() != PropertyType::kString) {
    return v.ToString();
  }
  std::string out;
  for (char c : v.as_string()) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u) != 0) {
      out.push_back(static_cast<char>(std::tolower(u)));
    }
  }
  return out;
}

bool SameValue(const Value& a, const Value& b) {
  return a == b || Wording(a) == Wording(b);
}

bool SameSignature(const Signature& a, const Signature& b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (auto x = a.begin(), y = b.begin(); x != a.end(); ++x, ++y) {
    if (x->first != y->first || !SameValue(x->second, y->second)) {
      return false;
    }
  }
  return true;
}

class DiffOp final : public BufferedOp {
 public:
  DiffOp(std::unique_ptr<Op> at_from, std::unique_ptr<Op> at_to, Date from, Date to)
      : at_from_(std::move(at_from)), at_to_(std::move(at_to)), from_(from), to_(to) {}

 protected:
  Status OpenImpl() override {
    Date saved = ctx_->valid_date();
    Date today = ctx_->options().today ? *ctx_->options().today : Date::Today();
    from_ = from_.is_max() ? today : from_;
    to_ = to_.is_max() ? today : to_;
    std::map<uint64_t, Signature> before;
    std::map<uint64_t, Signature> after;
    Status s = Collect(at_from_.get(), from_, &before);
    if (s.ok()) {
      s = Collect(at_to_.get(), to_, &after);
    }
    ctx_->set_valid_date(saved);
    ECG_RETURN_IF_ERROR(s);
    std::vector<std::pair<std::string, Row>> out;  // (sort key, row)
    for (const auto& [id, sig] : after) {
      auto it = before.find(id);
      if (it == before.end()) {
        ECG_RETURN_IF_ERROR(Add(&out, "added", id, sig, ""));
      } else if (!SameSignature(it->second, sig)) {
        ECG_RETURN_IF_ERROR(Add(&out, "changed", id, sig, Detail(it->second, sig)));
      }
    }
    for (const auto& [id, sig] : before) {
      if (after.count(id) == 0) {
        ECG_RETURN_IF_ERROR(Add(&out, "removed", id, sig, ""));
      }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [key, row] : out) {
      buffer_.push_back(std::move(row));
    }
    return Status::OK();
  }

 private:
  Status Collect(Op* op, Date day, std::map<uint64_t, Signature>* out) {
    ctx_->set_valid_date(day);
    ECG_RETURN_IF_ERROR(op->Open(ctx_));
    Chunk chunk;
    while (true) {
      ECG_RETURN_IF_ERROR(op->Next(&chunk));
      if (chunk.empty()) {
        return Status::OK();
      }
      for (const Row& row : chunk) {
        Signature& sig = (*out)[row.vertex.value()];
        ECG_RETURN_IF_ERROR(ctx_->AllProperties(row.vertex, &sig));
        if (row.edge) {
          for (const auto& [id, v] : row.edge->props) {
            // How a source's listing was dated is a note on the evidence, not
            // a fact of the listing: one listing seen through two sources,
            // dated by each in its own way, has not changed.
            if (id == prop::kDatedBy || id == prop::kDatePrecision) {
              continue;
            }
            const PropertyDef* def = Catalog::Find(id);
            sig["edge." + std::string(def ? def->name : "?")] = v;
          }
        }
      }
    }
  }

  static std::string Detail(const Signature& a, const Signature& b) {
    std::string out;
    auto add = [&](const std::string& name, const Value* x, const Value* y) {
      out += (out.empty() ? "" : "; ") + name + ": " + (x ? x->ToString() : "(none)") + " -> " +
             (y ? y->ToString() : "(none)");
    };
    for (const auto& [name, v] : b) {
      auto it = a.find(name);
      if (it == a.end()) {
        add(name, nullptr, &v);
      } else if (!SameValue(it->second, v)) {
        add(name, &it->second, &v);
      }
    }
    for (const auto& [name, v] : a) {
      if (b.count(name) == 0) {
        add(name, &v, nullptr);
      }
    }
    return out;
  }

  Status Add(std::vector<std::pair<std::string, Row>>* out, const std::string& change, uint64_t id,
             const Signature& sig, std::string detail) {
    VertexId v(id);
    ECG_ASSIGN_OR_RETURN(store::VertexRecord rec, ctx_->Vertex(v));
    auto name_it = sig.find("name");
    std::string name = name_it != sig.end() ? name_it->second.ToString() : rec.key;
    Row row;
    row.vertex = v;
    row.values = {Value(change),
                  Value(static_cast<int64_t>(id)),
                  Value(VertexKindName(rec.kind)),
                  Value(rec.key),
                  Value(name),
                  Value(std::move(detail))};
    out->emplace_back(change + "\x1f" + name, std::move(row));
    return Status::OK();
  }

  std::unique_ptr<Op> at_from_;
  std::unique_ptr<Op> at_to_;
  Date from_;
  Date to_;
};

}  // namespace

std::unique_ptr<Op> NewDiffOp(std::unique_ptr<Op> at_from, std::unique_ptr<Op> at_to, Date from,
                              Date to) {
  return std::make_unique<DiffOp>(std::move(at_from), std::move(at_to), from, to);
}

}  // namespace ecg::query::exec
