#include "tests/reliability/child.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "tests/testutil/testutil.h"

namespace ecg::reliability {
namespace {

pid_t Spawn(const std::vector<std::string>& args, int out_fd, int err_fd) {
  std::vector<std::string> argv_s;
  argv_s.push_back(EcgBinary());
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) {
    argv.push_back(a.data());
  }
  argv.push_back(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(out_fd, STDOUT_FILENO);
    dup2(err_fd, STDERR_FILENO);
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

}  // namespace

std::string EcgBinary() {
  return std::string(ECG_BINARY_DIR) + "/tools/ecg";
}

ChildResult Wait(pid_t pid) {
  ChildResult r;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
  }
  if (WIFEXITED(status)) {
    r.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    r.signal = WTERMSIG(status);
  }
  return r;
}

ChildResult RunEcg(const std::vector<std::string>& args) {
  testutil::TempDir dir;
  const std::string out_path = dir.Sub("out");
  const std::string err_path = dir.Sub("err");
  int out_fd = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  int err_fd = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = Spawn(args, out_fd, err_fd);
  close(out_fd);
  close(err_fd);
  ChildResult r = Wait(pid);
  r.out = testutil::ReadFile(out_path);
  r.err = testutil::ReadFile(err_path);
  return r;
}

pid_t StartEcg(const std::vector<std::string>& args) {
  int null_fd = open("/dev/null", O_WRONLY);
  pid_t pid = Spawn(args, null_fd, null_fd);
  close(null_fd);
  return pid;
}

}  // namespace ecg::reliability
