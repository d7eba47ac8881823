// Versioned schema migrations, compiled into the binary: one file per migration, shared by both
// databases unless the dialects truly differ (docs/decisions/0020). Each runs in its own
// transaction, so a failed one leaves the database as it was, and each is recorded with a
// checksum of its text, so a file edited after it ran stops the server instead of going unnoticed.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "store/db.hpp"

namespace trellis::store {

struct EmbeddedMigration {
  const char* name;     // "0001_foundation.sql": what the migrations table records
  const char* dialect;  // "" for both databases, or "sqlite" / "postgres"
  const char* sql;
};

const std::vector<EmbeddedMigration>& embedded_migrations();

struct Migration {
  std::string name;
  std::string sql;
};

// The migrations one database runs, in order.
std::vector<Migration> migrations_for(Dialect d);

// SHA-256 of a migration's text, as lowercase hex: the exact bytes, so any edit counts.
std::string migration_checksum(std::string_view sql);

// Refuses (naming the migration) when an applied migration's text has changed, then applies
// every migration not yet applied, in order, and records the checksum of any applied one that
// has none yet (applied before checksums were kept). Returns the names it applied.
Result<std::vector<std::string>> migrate(Db& db, const std::vector<Migration>& migrations);
inline Result<std::vector<std::string>> migrate(Db& db) { return migrate(db, migrations_for(db.dialect())); }

}  // namespace trellis::store
