// trellis copy-database: copy this SQLite database into a new, empty PostgreSQL one (the move to
// PostgreSQL). Both are migrated first, so they have the same tables.
#include <chrono>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/database.hpp"
#include "store/copy.hpp"

namespace trellis::cli {

namespace {

Result<int> copy(const Config& config, const std::string& to) {
  auto from = TRY(open_migrated(config));
  TRY(move_in_audit_journal(*from));
  Config target = config;
  target.database = to;
  auto into = TRY(open_migrated(target));
  auto started = std::chrono::steady_clock::now();
  std::string last;
  auto copied = store::copy_database(*from, *into, [&](std::string_view table, std::size_t done, std::size_t total) {
    if (table != last && !last.empty()) std::cerr << "\n";
    last = std::string(table);
    std::cerr << "\r" << table << ": " << done << " of " << total << std::flush;
  });
  std::cerr << "\n";
  auto rows = TRY(std::move(copied));
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "Copied " << rows << " rows into " << into->describe() << " in " << static_cast<int>(seconds) << " s.\n";
  return 0;
}

}  // namespace

Command add_copy_database(CLI::App& cli, Config& config) {
  auto to = std::make_shared<std::string>();
  auto* cmd = cli.add_subcommand("copy-database", "Copy this SQLite database into a new PostgreSQL one");
  cmd->add_option("--to", *to, "The PostgreSQL database (postgresql://…); it must be empty")->required();
  return {cmd, [&config, to] { return copy(config, *to); }};
}

}  // namespace trellis::cli
