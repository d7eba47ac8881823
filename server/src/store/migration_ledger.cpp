#include "store/migration_ledger.hpp"

namespace trellis::store::ledger {

Result<void> ensure(Conn& c) {
  // The first shape, exactly as earlier versions made it: later columns come by migration, so a
  // new database and an old one reach the same table the same way.
  return c.exec_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
}

Result<bool> has_checksums(Conn& c) {
  // The one question here the dialects ask differently: each keeps its own catalogue.
  auto row =
      TRY(c.query_one(c.dialect() == Dialect::sqlite
                          ? "SELECT COUNT(*) FROM pragma_table_info('schema_migrations') WHERE name = 'checksum'"
                          : "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema()"
                            " AND table_name = 'schema_migrations' AND column_name = 'checksum'"));
  return row && row->integer(0) > 0;
}

Result<std::vector<Entry>> entries(Conn& c) {
  std::vector<Entry> out;
  if (TRY(has_checksums(c))) {
    for (const auto& r : TRY(c.query("SELECT name, checksum FROM schema_migrations ORDER BY name")))
      out.push_back({r.text(0), r.opt_text(1)});
  } else {
    for (const auto& r : TRY(c.query("SELECT name FROM schema_migrations ORDER BY name")))
      out.push_back({r.text(0), std::nullopt});
  }
  return out;
}

Result<bool> is_applied(Conn& c, const std::string& name) {
  auto row = TRY(c.query_one("SELECT name FROM schema_migrations WHERE name = ?", {name}));
  return row.has_value();
}

Result<void> record(Conn& c, const std::string& name, const std::string& checksum, const std::string& now) {
  if (TRY(has_checksums(c)))
    TRY(c.exec("INSERT INTO schema_migrations (name, applied_at, checksum) VALUES (?, ?, ?)", {name, now, checksum}));
  else
    TRY(c.exec("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)", {name, now}));
  return {};
}

Result<bool> fill_checksum(Conn& c, const std::string& name, const std::string& checksum) {
  auto changed =
      TRY(c.exec("UPDATE schema_migrations SET checksum = ? WHERE name = ? AND checksum IS NULL", {checksum, name}));
  return changed > 0;
}

}  // namespace trellis::store::ledger
