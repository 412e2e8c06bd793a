// Server: `ecg serve`, the read-only HTTP API over one database (docs/serve.md):
// /healthz, /version, /openapi.json, /query, /match (yente's shape), /search,
// /entities/{id}, /lists/{key}/changes, the OpenRefine reconciliation service
// and the web page at /. It follows a database that `ecg ingest` writes at
// the same time by reopening it read-only when its files change (see
// Follower in serve/follower.h); every request sees one whole state.
// Thread safety: Bind, Run and Stop may be called from different threads;
// Stop is safe at any time after Bind. Handlers run on `threads` workers.
#ifndef ECG_SERVE_SERVER_H_
#define ECG_SERVE_SERVER_H_

#include <chrono>
#include <cstddef>
#include <memory>
#include <ostream>
#include <string>

#include "query/options.h"
#include "schema/result.h"
#include "store/name_normalizer.h"

#include "text/normalizer.h"

namespace ecg::serve {

struct ServeOptions {
  // Address to listen on. Loopback unless the operator asks for another one.
  std::string host = "127.0.0.1";
  // 0 picks a free port (Bind returns it).
  int port = 8080;
  // Worker threads answering requests.
  int threads = 4;
  // When not empty, every request except GET /healthz and the web page's
  // static files needs "Authorization: Bearer <token>" (401 otherwise).
  std::string token;
  // Largest request body accepted; larger ones get 413.
  size_t max_body_bytes = size_t{1} << 20;
  // A client that sends nothing for this long is disconnected (slow clients).
  std::chrono::seconds read_timeout{5};
  std::chrono::seconds write_timeout{5};
  // Wall time a query may run (also the upper bound a request may ask for).
  std::chrono::milliseconds request_timeout{10'000};
  // How often the database directory is checked for a newer ingest.
  std::chrono::milliseconds refresh_interval{2'000};
  // The most rows a /query may return, and the other query limits; a
  // request may lower them, never raise them.
  query::ExecOptions query_limits;
  // Queries in one /match request, and results per query.
  size_t max_match_queries = 100;
  size_t max_results = 100;
  // Turns names into index keys and analyses names for screening. Not
  // owned; must outlive the server. Both required.
  const store::NameNormalizer* name_normalizer = nullptr;
  const text::TextNormalizer* text_normalizer = nullptr;
  // One access-log line per request (method, path, status, milliseconds)
  // and one line per internal error; nullptr logs nothing. Not owned.
  std::ostream* log = nullptr;
};

class Server {
 public:
  // Opens the database at `db_path` read-only. Errors: kNotFound when there
  // is none, kInvalidArgument for bad options, store errors.
  static Result<std::unique_ptr<Server>> Create(const std::string& db_path, ServeOptions options);
  // Not copyable or movable: it owns the listening socket and the workers.
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;
  ~Server();

  // Binds options.host:options.port and returns the bound port. kIOError
  // when the address cannot be bound.
  Result<int> Bind();
  // Answers requests until Stop. REQUIRES: Bind succeeded.
  Status Run();
  // Makes Run return; in-flight requests finish first.
  void Stop();
  // True once Run is accepting connections.
  bool running() const;

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace ecg::serve

#endif  // ECG_SERVE_SERVER_H_
