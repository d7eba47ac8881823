// trellis migrate: apply the migrations this build carries, and stop.
#include "cli/commands.hpp"
#include "cli/database.hpp"

namespace trellis::cli {

Command add_migrate(CLI::App& cli, Config& config) {
  auto* cmd = cli.add_subcommand("migrate", "Apply database migrations and exit");
  return {cmd, [&config]() -> Result<int> {
            TRY(open_migrated(config));  // opening migrates; each applied one is logged
            return 0;
          }};
}

}  // namespace trellis::cli
