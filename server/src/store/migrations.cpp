#include "store/migrations.hpp"

#include <spdlog/spdlog.h>

#include "core/clock.hpp"

namespace trellis::store {

std::vector<Migration> migrations_for(Dialect d) {
  std::string want = d == Dialect::sqlite ? "sqlite" : "postgres";
  std::vector<Migration> out;
  for (const auto& m : embedded_migrations())
    if (want == m.dialect) out.push_back({m.name, m.sql});
  return out;
}

Result<std::vector<std::string>> migrate(Db& db, const std::vector<Migration>& migrations) {
  TRY_VOID(db.write([](Conn& c) -> Result<void> {
    return c.exec_script(
        "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
  }));
  std::vector<std::string> applied;
  for (const auto& m : migrations) {
    auto done = TRY(db.write([&](Conn& c) -> Result<bool> {
      auto row = TRY(c.query_one("SELECT name FROM schema_migrations WHERE name = ?", {m.name}));
      if (row) return false;
      auto ran = c.exec_script(m.sql);
      if (!ran) {
        auto e = ran.error();
        e.title = "Migration " + m.name + " failed";
        e.detail = "The database was left as it was before this migration.";
        return fail(std::move(e));
      }
      TRY(c.exec("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                 {m.name, to_iso(SystemClock().now())}));
      return true;
    }));
    if (done) {
      spdlog::info("applied migration {}", m.name);
      applied.push_back(m.name);
    }
  }
  return applied;
}

}  // namespace trellis::store
