// trellis backup and trellis restore. A backup only reads, so it opens the database read-only and
// never migrates it: the copy is the database as it is. A restore replaces the content, then
// migrations bring an older backup up to date.
#include <iostream>
#include <vector>
#include <memory>

#include "cli/commands.hpp"
#include "cli/database.hpp"
#include "store/journal.hpp"
#include "store/migrations.hpp"

namespace trellis::cli {

Command add_backup(CLI::App& cli, Config& config) {
  auto path = std::make_shared<std::string>();
  auto* cmd = cli.add_subcommand("backup", "Make a consistent copy while the server runs");
  cmd->add_option("path", *path, "Where to write the backup")->required();
  return {cmd, [&config, path]() -> Result<int> {
            auto db = TRY(open_read_only(config));
            TRY_VOID(db->backup(*path));
            std::cout << "Backed up " << db->describe() << " to " << *path << "\n";
            return 0;
          }};
}

Command add_restore(CLI::App& cli, Config& config) {
  auto path = std::make_shared<std::string>();
  auto* cmd = cli.add_subcommand("restore", "Bring back a backup (stop the server first)");
  cmd->add_option("path", *path, "The backup to restore")->required()->check(CLI::ExistingFile);
  return {cmd, [&config, path]() -> Result<int> {
            auto db = TRY(open_as_is(config));
            // The journal's events belong to the content being replaced: they join its log, and
            // the restored database starts a journal of its own (decision 0031).
            auto journal = TRY(move_in_audit_journal(*db));
            std::vector<store::Journal> held;  // locked, so no server starts while it changes
            for (const auto& file : journal) held.push_back(TRY(store::Journal::open(file)));
            TRY_VOID(db->restore(*path));
            for (const auto& file : journal) TRY_VOID(store::Journal::remove(file));
            TRY(store::migrate(*db));
            std::cout << "Restored " << *path << " into " << db->describe() << "\n";
            return 0;
          }};
}

}  // namespace trellis::cli
