// Helpers shared by the benchmark programs: timing and dying loudly on an
// error status (a benchmark has nothing better to do with one).
#ifndef ECG_BENCH_BENCH_UTIL_H_
#define ECG_BENCH_BENCH_UTIL_H_

#include <errno.h>  // program_invocation_short_name (glibc)

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "schema/result.h"

namespace ecg::bench {

using Clock = std::chrono::steady_clock;

// Seconds since `t`.
inline double Since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// Prints "<program>: <status>" and exits with 1.
[[noreturn]] inline void Die(const Status& s) {
  std::fprintf(stderr, "%s: %s\n", program_invocation_short_name, s.ToString().c_str());
  std::exit(1);
}

// The value of `r`, or Die.
template <typename T>
T Must(Result<T> r) {
  if (!r.ok()) {
    Die(r.status());
  }
  return std::move(r).value();
}

}  // namespace ecg::bench

#endif  // ECG_BENCH_BENCH_UTIL_H_
