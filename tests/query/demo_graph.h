// The test graph the query tests run on (docs/query.md's examples run on the
// graph of scripts/demo.sh instead, tests/tools/doc_examples_test.cc): a few
// listed Chinese entities with Chinese aliases, an ownership tree with
// aggregate 50% stakes and a cycle, rules adding entities over valid
// intervals, the Affiliates rule and its suspension, an ECCN and articles.
#ifndef ECG_TESTS_QUERY_DEMO_GRAPH_H_
#define ECG_TESTS_QUERY_DEMO_GRAPH_H_

#include <memory>
#include <string>

#include "query/options.h"
#include "schema/result.h"
#include "store/graph_store.h"

namespace ecg::query::testing {

// Opens a store at `path` and writes the demo graph in two ingest runs.
Result<std::unique_ptr<store::GraphStore>> BuildDemoGraph(const std::string& path);

// Options for deterministic tests: "today" is 2025-06-01.
ExecOptions DemoOptions();

}  // namespace ecg::query::testing

#endif  // ECG_TESTS_QUERY_DEMO_GRAPH_H_
