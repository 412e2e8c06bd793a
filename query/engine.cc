#include "query/engine.h"

#include "query/error.h"
#include "query/exec/executor.h"
#include "query/parse/parser.h"
#include "query/plan/planner.h"

#include "text/decode.h"

namespace ecg::query {

std::string Prepared::Explain() const {
  return plan_->ToString();
}
bool Prepared::is_explain() const {
  return plan_->explain;
}
const std::vector<std::string>& Prepared::columns() const {
  return plan_->columns;
}

Engine::Engine(const store::GraphStore& store, ExecOptions defaults)
    : store_(store), defaults_(std::move(defaults)) {}

namespace {

std::string HexByte(unsigned char c) {
  const char* digits = "0123456789abcdef";
  return std::string("0x") + digits[c >> 4] + digits[c & 15];
}

// Text that is not UTF-8 would never match a name (every stored name is
// UTF-8): an error naming the byte, not an empty answer.
Status CheckUtf8(std::string_view text, const Params& params) {
  if (size_t bad = ecg::text::FirstInvalidUtf8(text); bad != std::string_view::npos) {
    return ErrorAt(text, bad,
                   "invalid UTF-8 (byte " + HexByte(static_cast<unsigned char>(text[bad])) +
                       "); queries are UTF-8 text");
  }
  for (const auto& [name, value] : params) {
    std::vector<std::string_view> strings;
    if (value.type() == PropertyType::kString) {
      strings.push_back(value.as_string());
    } else if (value.type() == PropertyType::kStringList) {
      for (const auto& v : value.as_string_list()) {
        strings.push_back(v);
      }
    }
    for (std::string_view v : strings) {
      if (size_t bad = ecg::text::FirstInvalidUtf8(v); bad != std::string_view::npos) {
        return Status::InvalidArgument(
            "parameter $" + name + ": invalid UTF-8 at byte " + std::to_string(bad) + " (" +
            HexByte(static_cast<unsigned char>(v[bad])) + "); parameters are UTF-8 text");
      }
    }
  }
  return Status::OK();
}

}  // namespace

Result<Prepared> Engine::Prepare(std::string_view text, const Params& params) const {
  ECG_RETURN_IF_ERROR(CheckUtf8(text, params));
  Parser parser(text);
  ECG_ASSIGN_OR_RETURN(ast::Query ast, parser.Parse());
  Binder binder(text, params);
  ECG_ASSIGN_OR_RETURN(BoundQuery bound, binder.Bind(ast));
  ECG_ASSIGN_OR_RETURN(LogicalPlan plan, Planner().Plan(std::move(bound)));
  return Prepared(std::make_shared<const LogicalPlan>(std::move(plan)));
}

Result<ResultSet> Engine::Execute(const Prepared& prepared) const {
  return Execute(prepared, defaults_);
}

Result<ResultSet> Engine::Execute(const Prepared& prepared, const ExecOptions& options) const {
  return exec::Run(prepared.plan(), store_, options);
}

Result<ResultSet> Engine::Run(std::string_view text, const Params& params) const {
  ECG_ASSIGN_OR_RETURN(Prepared prepared, Prepare(text, params));
  return Execute(prepared);
}

}  // namespace ecg::query
