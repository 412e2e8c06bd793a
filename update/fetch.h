// Conditional HTTP(S) downloads with libcurl: If-None-Match / If-Modified-Since,
// timeouts, retries with exponential backoff, a size limit, and the body
// written to a file the caller names (the cache renames it into place).
// Thread safety: a Fetcher is not thread-safe (one download at a time).
#ifndef ECG_UPDATE_FETCH_H_
#define ECG_UPDATE_FETCH_H_

#include <cstdint>
#include <string>
#include <vector>

#include "schema/result.h"

namespace ecg::update {

struct FetchOptions {
  long connect_timeout_ms = 15000;  // NOLINT(google-runtime-int): libcurl takes long
  // The whole transfer, headers to last byte; a slower one is retried.
  long timeout_ms = 300000;  // NOLINT(google-runtime-int)
  // Attempts after the first, for transient failures only: connection and
  // timeout errors, a truncated body, HTTP 429 and 5xx.
  int retries = 3;
  // The wait before retry k (k = 0, 1, ...) is backoff_ms * 2^k.
  int backoff_ms = 2000;
  std::string user_agent = "ecgraph-update/0.1";
};

// What the caller already holds: the validators of its last version.
struct Validators {
  std::string etag;
  std::string last_modified;
};

struct FetchResult {
  bool not_modified = false;  // HTTP 304: the held version is current, no body
  long http_code = 0;         // NOLINT(google-runtime-int)
  int attempts = 0;
  uint64_t bytes = 0;
  std::string etag;
  std::string last_modified;
  std::string content_type;  // the media type, without parameters, lower case
  // Why each failed attempt failed, in order (retried ones included).
  std::vector<std::string> failures;
};

class Fetcher {
 public:
  explicit Fetcher(FetchOptions options);
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  // GETs `url`, conditionally on `held`, writing a 200 body to `dest`
  // (created or truncated; removed again on any failure). A body larger than
  // max_bytes stops the transfer. Errors (after the retries): kIOError for
  // transport failures, timeouts and truncated bodies, kNotFound for 404/410,
  // kResourceExhausted for the size limit, kInvalidArgument for other HTTP
  // errors; the message names the url, the last reason and the attempts.
  // `*result` is filled on success and failure alike.
  Status Fetch(const std::string& url, const Validators& held, uint64_t max_bytes,
               const std::string& dest, FetchResult* result) const;

 private:
  FetchOptions options_;
};

}  // namespace ecg::update

#endif  // ECG_UPDATE_FETCH_H_
