#include "cli/run_binary.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <stdexcept>

extern char** environ;

namespace trellis::test {
namespace {

std::string trellis_path() {
  return (std::filesystem::read_symlink("/proc/self/exe").parent_path() / "trellis").string();
}

int exit_code_of(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }

// argv for posix_spawn: the program, the arguments, then the null that ends it.
std::vector<char*> argv_of(const std::string& program, const std::vector<std::string>& args) {
  std::vector<char*> argv{const_cast<char*>(program.c_str())};
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  return argv;
}

pid_t spawn(const std::vector<std::string>& args, int out_fd) {
  auto program = trellis_path();
  auto argv = argv_of(program, args);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_fd, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out_fd, STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + program + "; build the trellis target first");
  return pid;
}

}  // namespace

Ran run_trellis(const std::vector<std::string>& args) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) throw std::runtime_error("pipe");
  pid_t pid = spawn(args, pipe_fds[1]);
  ::close(pipe_fds[1]);
  Ran ran;
  char buf[4096];
  ssize_t n;
  while ((n = ::read(pipe_fds[0], buf, sizeof buf)) > 0) ran.output.append(buf, static_cast<std::size_t>(n));
  ::close(pipe_fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ran.exit_code = exit_code_of(status);
  return ran;
}

pid_t start_trellis(const std::vector<std::string>& args) {
  int null_fd = ::open("/dev/null", O_WRONLY);
  pid_t pid = spawn(args, null_fd);
  ::close(null_fd);
  return pid;
}

int stop_trellis(pid_t pid) {
  ::kill(pid, SIGTERM);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return exit_code_of(status);
}

}  // namespace trellis::test
