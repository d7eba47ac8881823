#include "cli/command.hpp"

#include <spdlog/spdlog.h>

#include <iostream>

#include "cli/commands.hpp"

namespace trellis::cli {

void add_global_options(CLI::App& cli, Config& config) {
  // Subcommands inherit fallthrough when they are made, so this comes before any of them: an
  // option a subcommand does not know is then tried on its parent, and `trellis serve --db X`
  // means the same as `trellis --db X serve`.
  cli.fallthrough();
  cli.add_option("--db", config.database, "sqlite:PATH or postgresql://user:pass@host/db")->envname("TRELLIS_DB");
  cli.add_option("--log-level", config.log_level, "trace, debug, info, warn, error")->envname("TRELLIS_LOG_LEVEL");
  cli.add_option_function<unsigned>(
         "--db-wait-ms", [&config](unsigned ms) { config.db_wait = std::chrono::milliseconds(ms); },
         "How long a request waits for a free database connection before it is answered 503 (default 5000)")
      ->envname("TRELLIS_DB_WAIT_MS");
}

std::vector<Command> add_commands(CLI::App& cli, Config& config) {
  cli.require_subcommand(1);
  // The order --help lists them in.
  return {
      add_serve(cli, config),         add_migrate(cli, config),      add_demo_data(cli, config),
      add_create_admin(cli, config),  add_audit_verify(cli, config), add_import_hsds(cli, config),
      add_export_hsds(cli, config),   add_backup(cli, config),       add_restore(cli, config),
      add_copy_database(cli, config), add_openapi(cli, config),
  };
}

void start_logging(const Config& config) {
  spdlog::set_level(spdlog::level::from_str(config.log_level));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);
}

int report(const Error& e) {
  std::cerr << "trellis: " << e.title << (e.detail.empty() ? "" : ": " + e.detail) << "\n";
  return 1;
}

}  // namespace trellis::cli
