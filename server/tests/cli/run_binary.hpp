// Runs the built `trellis` program, as an operator would: it sits beside trellis_tests in the
// build folder (both go to CMAKE_BINARY_DIR), and trellis_tests is built after it.
#pragma once
#include <sys/types.h>

#include <string>
#include <vector>

namespace trellis::test {

struct Ran {
  int exit_code = -1;
  std::string output;  // standard output and standard error together
};

// Runs trellis with these arguments and waits for it to finish.
Ran run_trellis(const std::vector<std::string>& args);

// Starts trellis with these arguments (output discarded) and returns its process id.
pid_t start_trellis(const std::vector<std::string>& args);
// Sends SIGTERM to a process start_trellis started and returns its exit code.
int stop_trellis(pid_t pid);

}  // namespace trellis::test
