// libFuzzer target for the query front end: lexer, parser, binder and
// planner must never crash, hang or leak on any input. Built only as the
// ecg_query_fuzz target (cmake -DECG_FUZZ=ON with clang); the guard keeps
// this file out of ecg_query, whose sources are globbed.
#ifdef ECG_QUERY_FUZZ_TARGET

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "query/bind/binder.h"
#include "query/error.h"
#include "query/parse/parser.h"
#include "query/plan/planner.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ecg::query::Parser parser(text);
  ecg::Result<ecg::query::ast::Query> ast = parser.Parse();
  if (!ast.ok()) {
    (void)ecg::query::RenderError(text, ast.status());
    return 0;
  }
  (void)ast->ToString();
  ecg::query::Params params = {{"p", ecg::Value("x")}, {"n", ecg::Value(int64_t{5})}};
  ecg::query::Binder binder(text, params);
  ecg::Result<ecg::query::BoundQuery> bound = binder.Bind(*ast);
  if (!bound.ok()) {
    (void)ecg::query::RenderError(text, bound.status());
    return 0;
  }
  ecg::Result<ecg::query::LogicalPlan> plan = ecg::query::Planner().Plan(std::move(bound).value());
  if (plan.ok()) {
    (void)plan->ToString();
  }
  return 0;
}

#endif  // ECG_QUERY_FUZZ_TARGET
