// Status: the error value every fallible call in ecgraph returns.
// A Status is cheap to copy when OK (no allocation). Thread-compatible.
#ifndef ECG_SCHEMA_STATUS_H_
#define ECG_SCHEMA_STATUS_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace ecg {

// Stored nowhere on disk, but mapped to CLI exit codes and HTTP statuses.
enum class StatusCode : uint8_t {
  kOk = 0,
  kInvalidArgument,    // bad user input: a query, a file, a flag
  kNotFound,           // a vertex, key or file that does not exist
  kAlreadyExists,      // a unique key that is taken
  kCorruption,         // on-disk data that violates the format
  kIOError,            // the operating system or RocksDB failed to read or write
  kBusy,               // another process holds the lock; retry later
  kAborted,            // the operation was cancelled or a limit stopped it
  kResourceExhausted,  // a row, depth, time or memory budget was exceeded
  kNotSupported,       // a valid request the engine cannot do (yet)
  kInternal,           // a bug: an invariant of the program itself failed
  kNoSpace,            // the disk is (nearly) full: nothing was written; free space, retry
};

// Returns the stable lower-case name of a code ("invalid argument", ...).
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  // An OK status.
  Status() = default;
  Status(StatusCode code, std::string message);

  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string msg) {
    return Status(StatusCode::kInvalidArgument, std::move(msg));
  }
  static Status NotFound(std::string msg) { return Status(StatusCode::kNotFound, std::move(msg)); }
  static Status AlreadyExists(std::string msg) {
    return Status(StatusCode::kAlreadyExists, std::move(msg));
  }
  static Status Corruption(std::string msg) {
    return Status(StatusCode::kCorruption, std::move(msg));
  }
  static Status IOError(std::string msg) { return Status(StatusCode::kIOError, std::move(msg)); }
  static Status Busy(std::string msg) { return Status(StatusCode::kBusy, std::move(msg)); }
  static Status Aborted(std::string msg) { return Status(StatusCode::kAborted, std::move(msg)); }
  static Status ResourceExhausted(std::string msg) {
    return Status(StatusCode::kResourceExhausted, std::move(msg));
  }
  static Status NotSupported(std::string msg) {
    return Status(StatusCode::kNotSupported, std::move(msg));
  }
  static Status Internal(std::string msg) { return Status(StatusCode::kInternal, std::move(msg)); }
  static Status NoSpace(std::string msg) { return Status(StatusCode::kNoSpace, std::move(msg)); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  // The message without the code name. Empty for OK.
  const std::string& message() const { return message_; }
  // "invalid argument: <message>", or "OK".
  std::string ToString() const;

  // Returns a copy whose message is "<prefix>: <message>". OK stays OK.
  Status WithContext(std::string_view prefix) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

}  // namespace ecg

// Evaluates `expr` (a Status); returns it from the enclosing function when not OK.
#define ECG_RETURN_IF_ERROR(expr)           \
  do {                                      \
    ::ecg::Status ecg_status_tmp_ = (expr); \
    if (!ecg_status_tmp_.ok()) {            \
      return ecg_status_tmp_;               \
    }                                       \
  } while (false)

#define ECG_STATUS_CONCAT_INNER_(a, b) a##b
#define ECG_STATUS_CONCAT_(a, b) ECG_STATUS_CONCAT_INNER_(a, b)

// Evaluates `rexpr` (a Result<T>); on error returns its Status, otherwise
// moves the value into `lhs` (which may be a declaration: `auto x`).
#define ECG_ASSIGN_OR_RETURN(lhs, rexpr) \
  ECG_ASSIGN_OR_RETURN_IMPL_(ECG_STATUS_CONCAT_(ecg_result_, __LINE__), lhs, rexpr)
#define ECG_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                               \
  if (!tmp.ok()) {                                  \
    return tmp.status();                            \
  }                                                 \
  lhs = std::move(tmp).value()

#endif  // ECG_SCHEMA_STATUS_H_
