// Runs the real `ecg` binary as a child process for the campaign tests:
// to completion (exit code and output), or in the background to be killed
// with SIGKILL. POSIX only; not thread-safe (one child at a time per caller).
#ifndef ECG_TESTS_RELIABILITY_CHILD_H_
#define ECG_TESTS_RELIABILITY_CHILD_H_

#include <sys/types.h>

#include <string>
#include <vector>

namespace ecg::reliability {

// The ecg binary of this build.
std::string EcgBinary();

struct ChildResult {
  int exit_code = -1;  // -1 when killed by a signal
  int signal = 0;      // the signal that ended it, 0 for a normal exit
  std::string out;     // stdout
  std::string err;     // stderr
};

// Runs `ecg args...` to the end.
ChildResult RunEcg(const std::vector<std::string>& args);

// Starts `ecg args...` with stdout and stderr discarded; returns its pid.
pid_t StartEcg(const std::vector<std::string>& args);
// Waits for `pid`; fills exit_code / signal (no output).
ChildResult Wait(pid_t pid);

}  // namespace ecg::reliability

#endif  // ECG_TESTS_RELIABILITY_CHILD_H_
