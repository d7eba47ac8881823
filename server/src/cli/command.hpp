// What every command of the `trellis` program is: a CLI11 subcommand that holds its own options,
// and the function that does the work once the command line is parsed. Commands return an exit
// code (0, or 2 for "checked, and found a problem") or an Error, which main reports.
#pragma once
#include <CLI/CLI.hpp>

#include <functional>
#include <vector>

#include "core/config.hpp"
#include "core/error.hpp"

namespace trellis::cli {

struct Command {
  CLI::App* app;  // set (true) when the command line chose this command
  std::function<Result<int>()> run;
};

// Options every command takes (--db, --log-level, --db-wait-ms), accepted before or after the
// subcommand's name.
void add_global_options(CLI::App& cli, Config& config);

// Every command, registered on `cli`. Each reads `config` only when it runs, after parsing.
std::vector<Command> add_commands(CLI::App& cli, Config& config);

// The log level and format from --log-level, for whichever command runs.
void start_logging(const Config& config);

// Prints "trellis: title: detail" to standard error and returns the exit code 1.
int report(const Error& e);

}  // namespace trellis::cli
