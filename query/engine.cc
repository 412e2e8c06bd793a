#include "query/engine.h"

#include "query/exec/executor.h"
#include "query/parse/parser.h"
#include "query/plan/planner.h"

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

Result<Prepared> Engine::Prepare(std::string_view text, const Params& params) const {
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
