// Versioned schema migrations, one folder per dialect, compiled into the binary. Each runs in
// its own transaction, so a failed one leaves the database as it was.
#pragma once
#include <string>
#include <vector>

#include "store/db.hpp"

namespace trellis::store {

struct EmbeddedMigration {
  const char* dialect;  // "sqlite" or "postgres"
  const char* name;     // "0001_foundation.sql"
  const char* sql;
};

const std::vector<EmbeddedMigration>& embedded_migrations();

struct Migration {
  std::string name;
  std::string sql;
};

std::vector<Migration> migrations_for(Dialect d);
// Applies every migration not yet applied, in order; returns the names it applied.
Result<std::vector<std::string>> migrate(Db& db, const std::vector<Migration>& migrations);
inline Result<std::vector<std::string>> migrate(Db& db) { return migrate(db, migrations_for(db.dialect())); }

}  // namespace trellis::store
