#include "store/migrations.hpp"

#include <spdlog/spdlog.h>

#include <map>

#include "core/clock.hpp"
#include "core/ids.hpp"
#include "store/migration_ledger.hpp"

namespace trellis::store {
namespace {

std::string short_sum(const std::string& sum) { return sum.substr(0, 12); }

// Compares every applied migration that has a checksum with the text this binary carries. Runs
// before anything is applied, so a refused start changes nothing.
Result<void> refuse_changed(Db& db, const std::vector<Migration>& migrations) {
  std::map<std::string, std::string> ours;
  for (const auto& m : migrations) ours.emplace(m.name, migration_checksum(m.sql));
  auto applied = TRY(db.read([](Conn& c) { return ledger::entries(c); }));
  std::vector<std::string> changed;
  std::string detail;
  for (const auto& e : applied) {
    auto it = ours.find(e.name);
    if (it == ours.end()) {
      // Applied by a newer Trellis, or a test's own migration: not ours to judge.
      spdlog::debug("the database has migration {}, which this build does not carry", e.name);
      continue;
    }
    if (!e.checksum || *e.checksum == it->second) continue;
    changed.push_back(e.name);
    detail += e.name + " ran with checksum " + short_sum(*e.checksum) + "…, the file now has " + short_sum(it->second) +
              "…. ";
  }
  if (changed.empty()) return {};
  std::string names;
  for (const auto& n : changed) names += (names.empty() ? "" : ", ") + n;
  return fail(ErrorKind::conflict,
              (changed.size() == 1 ? "Migration " + names + " was" : "Migrations " + names + " were") +
                  " changed after the database applied it",
              detail +
                  "Nothing was changed. Put the file back as it was and make the change in a new migration "
                  "(server/migrations/, docs/decisions/0020).",
              "migration_changed");
}

Result<bool> apply(Db& db, const Migration& m) {
  return db.write([&](Conn& c) -> Result<bool> {
    if (TRY(ledger::is_applied(c, m.name))) return false;
    auto ran = c.exec_script(m.sql);
    if (!ran) {
      auto e = ran.error();
      e.title = "Migration " + m.name + " failed";
      e.detail = "The database was left as it was before this migration.";
      return fail(std::move(e));
    }
    TRY_VOID(ledger::record(c, m.name, migration_checksum(m.sql), to_iso(SystemClock().now())));
    return true;
  });
}

// Migrations applied before the checksum column existed get the checksum of the text this build
// carries. For a database migrated by the one-folder-per-dialect layout that text may differ from
// what ran (the dialects' files were merged): the two were checked to build the same schema, and
// from here on any edit is caught (docs/decisions/0020).
Result<void> fill_missing_checksums(Db& db, const std::vector<Migration>& migrations) {
  return db.write([&](Conn& c) -> Result<void> {
    if (!TRY(ledger::has_checksums(c))) return {};
    int filled = 0;
    for (const auto& m : migrations)
      if (TRY(ledger::fill_checksum(c, m.name, migration_checksum(m.sql)))) ++filled;
    if (filled > 0) spdlog::info("recorded the checksums of {} applied migrations", filled);
    return {};
  });
}

}  // namespace

std::vector<Migration> migrations_for(Dialect d) {
  std::string want = d == Dialect::sqlite ? "sqlite" : "postgres";
  std::vector<Migration> out;
  for (const auto& m : embedded_migrations())
    if (std::string_view(m.dialect).empty() || want == m.dialect) out.push_back({m.name, m.sql});
  return out;
}

std::string migration_checksum(std::string_view sql) { return sha256_hex(sql); }

Result<std::vector<std::string>> migrate(Db& db, const std::vector<Migration>& migrations) {
  TRY_VOID(db.write([](Conn& c) { return ledger::ensure(c); }));
  TRY_VOID(refuse_changed(db, migrations));
  std::vector<std::string> applied;
  for (const auto& m : migrations) {
    if (!TRY(apply(db, m))) continue;
    spdlog::info("applied migration {}", m.name);
    applied.push_back(m.name);
  }
  TRY_VOID(fill_missing_checksums(db, migrations));
  return applied;
}

}  // namespace trellis::store
