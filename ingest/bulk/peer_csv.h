// Bulk loader for generic vertex/edge CSV files in the format of the peer
// benchmark (../shared/bench/peers, see docs/benchmarks.md):
//   nodes.csv: id,kind,name,country,subtype,code,date
//   edges.csv: src,dst,type,pct,valid_from,valid_to
// Thread-compatible: one load at a time per store.
#ifndef ECG_INGEST_BULK_PEER_CSV_H_
#define ECG_INGEST_BULK_PEER_CSV_H_

#include <cstdint>
#include <functional>
#include <string>

#include "schema/result.h"
#include "store/graph_store.h"

namespace ecg::ingest {

struct PeerCsvReport {
  uint64_t vertices = 0;
  uint64_t edges = 0;
  uint64_t property_statements = 0;
  double seconds = 0;
};

// Loads both files into `store`, which must hold no vertices yet (a bulk load
// is not atomic: kInvalidArgument otherwise). Each vertex gets its CSV id as
// natural key, and name, country, subtype, code and date as properties; each
// edge type maps to the graph's own (LISTS -> adds, OWNS -> owns with pct,
// CONTROLS, AMENDS, LOCATED_IN, SUPERSEDES) with valid_from/valid_to as its
// valid interval. Errors name the file, line and what was expected.
// `progress` (optional) is called with the number of rows read so far.
Result<PeerCsvReport> LoadPeerCsv(store::GraphStore* store, const std::string& nodes_path,
                                  const std::string& edges_path,
                                  const std::function<void(uint64_t)>& progress = nullptr);

}  // namespace ecg::ingest

#endif  // ECG_INGEST_BULK_PEER_CSV_H_
