#include "cli/database.hpp"

#include <filesystem>

#include "access/audit_batcher.hpp"
#include "access/audit_journal.hpp"
#include "store/migrations.hpp"

namespace trellis::cli {

Result<std::unique_ptr<store::Db>> open_migrated(const Config& config, store::OpenMode mode) {
  // A new SQLite database may be in a folder not made yet (var/ in a fresh checkout).
  if (config.database.starts_with("sqlite:")) {
    auto path = std::filesystem::path(config.database.substr(7));
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  }
  auto db = TRY(store::open_database(config.database, config.database_connections(), config.db_wait, mode));
  TRY(store::migrate(*db));
  return db;
}

Result<std::unique_ptr<store::Db>> open_read_only(const Config& config) {
  return store::open_database(config.database, 1, config.db_wait, store::OpenMode::read_only);
}

Result<std::unique_ptr<store::Db>> open_as_is(const Config& config) {
  return store::open_database(config.database, 1, config.db_wait);
}

Result<std::vector<std::string>> move_in_audit_journal(store::Db& db) {
  auto path = db.journal_path(access::AuditBatcher::kJournal);
  if (!path) return std::vector<std::string>{};
  auto files = access::AuditJournal::files_at(*path);
  std::vector<std::string> out;
  for (const auto& f : files)
    if (std::filesystem::exists(f)) out.push_back(f);
  // Opening moves in what they hold; closing it again stops its mover.
  if (!out.empty()) TRY(access::AuditJournal::open(db, access::AuditBatcher::kJournal, *path));
  return out;
}

}  // namespace trellis::cli
