// The per-format writers behind exchange::Export. Internal to exchange/.
// A writer sees each vertex once, with its visible properties and outgoing
// edges, and writes it at once. Not thread-safe.
#ifndef ECG_EXCHANGE_INTERNAL_WRITER_H_
#define ECG_EXCHANGE_INTERNAL_WRITER_H_

#include <memory>
#include <string>
#include <vector>

#include "exchange/export.h"

namespace ecg::exchange::internal {

struct VertexData {
  store::VertexRecord record;
  std::vector<store::PropertyStatement> props;
  std::vector<store::EdgeStatement> out;  // outgoing edges (filtered by options.only)
};

class Writer {
 public:
  virtual ~Writer() = default;
  virtual Status Begin(const OutputFn& out) = 0;
  virtual Status Vertex(const VertexData& v, ExportCounts* counts) = 0;
  // Called after every Vertex call of the first pass, when the writer asked
  // for edges in a second pass (graphml writes nodes, then edges).
  virtual bool wants_edge_pass() const { return false; }
  virtual Status Edges(const VertexData& v, ExportCounts* counts) { return Status::OK(); }
  virtual Status End() = 0;
};

std::unique_ptr<Writer> NewFtmJsonWriter(const store::ReadView& view, const ExportOptions& o);
std::unique_ptr<Writer> NewFtmStatementsWriter(const store::ReadView& view, const ExportOptions& o);
std::unique_ptr<Writer> NewNeo4jWriter(const store::ReadView& view, const ExportOptions& o);
std::unique_ptr<Writer> NewGraphmlWriter(const store::ReadView& view, const ExportOptions& o);
std::unique_ptr<Writer> NewNtriplesWriter(const store::ReadView& view, const ExportOptions& o);

// The first value of `prop` among `props` ("" when none).
std::string First(const std::vector<store::PropertyStatement>& props, PropertyId prop);
// Every value of `prop`, in order, without repeats.
std::vector<std::string> All(const std::vector<store::PropertyStatement>& props, PropertyId prop);
// Kind and key of a neighbour, cached by the caller's view.
Status StreamOk(std::ostream* os, const std::string& what);

}  // namespace ecg::exchange::internal

#endif  // ECG_EXCHANGE_INTERNAL_WRITER_H_
