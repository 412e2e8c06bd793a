// Engine: the public entry point of the query language. Prepare() runs the
// front end (lex, parse, bind, plan); Execute() runs a prepared query over
// one consistent snapshot of the store. See docs/query.md for the language.
// Thread safety: Engine and Prepared are safe for concurrent use (const
// methods; every Execute opens its own ReadView).
#ifndef ECG_QUERY_ENGINE_H_
#define ECG_QUERY_ENGINE_H_

#include <memory>
#include <string>
#include <string_view>

#include "query/bind/binder.h"
#include "query/options.h"
#include "query/result_set.h"
#include "schema/result.h"
#include "store/graph_store.h"

namespace ecg::query {

struct LogicalPlan;

// A parsed, bound and planned query. Holds no snapshot, so it may be
// executed many times, from several threads. Cheap to copy.
class Prepared {
 public:
  // The plan tree and time settings, as `explain` prints them.
  std::string Explain() const;
  // True when the query text started with `explain`.
  bool is_explain() const;
  // The result's column names.
  const std::vector<std::string>& columns() const;
  const LogicalPlan& plan() const { return *plan_; }

 private:
  friend class Engine;
  explicit Prepared(std::shared_ptr<const LogicalPlan> plan) : plan_(std::move(plan)) {}
  std::shared_ptr<const LogicalPlan> plan_;
};

class Engine {
 public:
  // `store` must outlive the engine. `defaults` are the limits Execute uses
  // when none are passed.
  explicit Engine(const store::GraphStore& store, ExecOptions defaults = {});
  // Not copyable: it is a handle on one store; share it by reference.
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;
  Engine(Engine&&) = delete;
  Engine& operator=(Engine&&) = delete;
  ~Engine() = default;

  // Parses, binds and plans `text` with `params` for its `$name`s. Errors are
  // kInvalidArgument with " at line:col" (see query/error.h RenderError for
  // a caret display).
  Result<Prepared> Prepare(std::string_view text, const Params& params = {}) const;
  // Runs a prepared query. Errors: kResourceExhausted when max_depth,
  // max_expansions or the timeout stopped it (the message names the limit);
  // store errors. Hitting max_rows is not an error: the result is marked
  // truncated.
  Result<ResultSet> Execute(const Prepared& prepared) const;
  Result<ResultSet> Execute(const Prepared& prepared, const ExecOptions& options) const;
  // Prepare and Execute in one call.
  Result<ResultSet> Run(std::string_view text, const Params& params = {}) const;

  const ExecOptions& defaults() const { return defaults_; }

 private:
  const store::GraphStore& store_;
  ExecOptions defaults_;
};

}  // namespace ecg::query

#endif  // ECG_QUERY_ENGINE_H_
