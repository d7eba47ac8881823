// The commands, one file each (cli/<name>.cpp). Each adds its subcommand and options to `cli` and
// returns how to run it; add_commands (command.cpp) is the one list of them.
#pragma once
#include "cli/command.hpp"

namespace trellis::cli {

Command add_serve(CLI::App& cli, Config& config);
Command add_migrate(CLI::App& cli, Config& config);
Command add_demo_data(CLI::App& cli, Config& config);
Command add_create_admin(CLI::App& cli, Config& config);
Command add_audit_verify(CLI::App& cli, Config& config);
Command add_import_hsds(CLI::App& cli, Config& config);
Command add_export_hsds(CLI::App& cli, Config& config);
Command add_backup(CLI::App& cli, Config& config);
Command add_restore(CLI::App& cli, Config& config);
Command add_copy_database(CLI::App& cli, Config& config);
Command add_openapi(CLI::App& cli, Config& config);

}  // namespace trellis::cli
