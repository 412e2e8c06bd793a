// SHA-256 of a byte string, as lower-case hex: the content hash that
// identifies a source file and an article without a URL. Computed by OpenSSL's
// EVP interface (Debian libssl-dev). Stateless function: thread-safe.
#ifndef ECG_INGEST_UTIL_SHA256_H_
#define ECG_INGEST_UTIL_SHA256_H_

#include <string>
#include <string_view>

namespace ecg::ingest {

// 64 lower-case hex digits.
std::string Sha256Hex(std::string_view bytes);

}  // namespace ecg::ingest

#endif  // ECG_INGEST_UTIL_SHA256_H_
