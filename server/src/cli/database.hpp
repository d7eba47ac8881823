// How a command opens the database: to change it (migrated first), to only look at it (read-only,
// never migrated: a backup or a check must not alter what it copies or checks), or as it is (a
// restore, which migrates after it has replaced the content).
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/config.hpp"
#include "store/db.hpp"

namespace trellis::cli {

// Serving is for `serve` alone: its answers wait for sync_committed(), so commits need not sync
// one by one (decision 0025).
Result<std::unique_ptr<store::Db>> open_migrated(const Config& config,
                                                 store::OpenMode mode = store::OpenMode::read_write);
Result<std::unique_ptr<store::Db>> open_read_only(const Config& config);
Result<std::unique_ptr<store::Db>> open_as_is(const Config& config);

// Moves into the audit log what a server that stopped without moving it left in its journal
// (decision 0031), for a command that needs the log whole, such as a copy. Refuses while a
// server holds the journal. Returns the journal's files, when the database has them.
Result<std::vector<std::string>> move_in_audit_journal(store::Db& db);

}  // namespace trellis::cli
