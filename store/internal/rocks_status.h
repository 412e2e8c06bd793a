// The one mapping from rocksdb::Status to ecg::Status. Stateless.
#ifndef ECG_STORE_INTERNAL_ROCKS_STATUS_H_
#define ECG_STORE_INTERNAL_ROCKS_STATUS_H_

#include <string_view>

#include <rocksdb/status.h>

#include "schema/status.h"

namespace ecg::store::internal {

// `context` prefixes the message ("open 'graph.db'"). Busy and TryAgain map
// to kBusy; a lock failure at open is reported by the caller as "in use".
Status FromRocks(const rocksdb::Status& s, std::string_view context);

}  // namespace ecg::store::internal

#endif  // ECG_STORE_INTERNAL_ROCKS_STATUS_H_
