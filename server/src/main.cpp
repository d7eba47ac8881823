// The trellis command: parse the command line and run the one command it names. The commands
// themselves live in cli/, one file each.
#include <CLI/CLI.hpp>
#include <sodium.h>

#include <iostream>

#include "cli/command.hpp"

int main(int argc, char** argv) {
  using namespace trellis;
  if (sodium_init() < 0) {
    std::cerr << "trellis: libsodium could not start\n";
    return 1;
  }
  Config config;
  CLI::App app{"Trellis: recovery-oriented mental health services"};
  cli::add_global_options(app, config);
  auto commands = cli::add_commands(app, config);
  CLI11_PARSE(app, argc, argv);
  cli::start_logging(config);
  for (const auto& command : commands) {
    if (!*command.app) continue;
    auto code = command.run();
    return code ? *code : cli::report(code.error());
  }
  return 0;
}
