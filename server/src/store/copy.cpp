#include "store/copy.hpp"

#include <algorithm>

namespace trellis::store {
namespace {

// Tables the migrations made, in the order they made them (parents before children), without
// SQLite's own, its virtual tables and theirs (the full-text and place indexes, which
// PostgreSQL keeps as indexes of its own) and the migrations ledger (the target has its own).
Result<std::vector<std::string>> source_tables(Conn& c) {
  auto rows =
      TRY(c.query("SELECT m.name FROM sqlite_master m JOIN pragma_table_list t ON t.schema = 'main' AND t.name = m.name"
                  " WHERE m.type = 'table' AND t.type = 'table' AND m.name NOT LIKE 'sqlite_%'"
                  " AND m.name <> 'schema_migrations' ORDER BY m.rowid"));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.text(0));
  return out;
}

Result<std::vector<std::string>> source_columns(Conn& c, const std::string& table) {
  auto rows = TRY(c.query("SELECT name FROM pragma_table_info(?) ORDER BY cid", {table}));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.text(0));
  return out;
}

Result<std::vector<std::string>> target_columns(Conn& c, const std::string& table) {
  auto rows =
      TRY(c.query("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                  " AND table_name = ? AND is_generated = 'NEVER'",
                  {table}));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.text(0));
  return out;
}

}  // namespace

Result<std::size_t> copy_database(Db& from, Db& to, const CopyProgress& progress) {
  if (from.dialect() != Dialect::sqlite || to.dialect() != Dialect::postgres)
    return fail(ErrorKind::bad_request, "Copying goes from SQLite to PostgreSQL",
                "Give a SQLite database to copy from and a PostgreSQL one to copy into.", "unsupported_copy");
  auto already = TRY(to.read([](Conn& c) { return c.query_one("SELECT COUNT(*) FROM orgs"); }));
  if (already && already->integer(0) > 0)
    return fail(ErrorKind::conflict, "The PostgreSQL database is not empty",
                "Copy into a new database: nothing in it is ever overwritten.", "not_empty");
  std::size_t copied = 0;
  TRY_VOID(from.read([&](Conn& src) -> Result<void> {
    auto tables = TRY(source_tables(src));
    return to.write([&](Conn& dst) -> Result<void> {
      for (const auto& table : tables) {
        auto theirs = TRY(target_columns(dst, table));
        if (theirs.empty())
          return fail(ErrorKind::conflict, "The PostgreSQL database has no table " + table,
                      "Migrate it with the same version of Trellis first.", "schema_differs");
        std::vector<std::string> columns;
        for (const auto& col : TRY(source_columns(src, table)))
          if (std::find(theirs.begin(), theirs.end(), col) != theirs.end()) columns.push_back(col);
        std::string list;
        for (const auto& col : columns) list += (list.empty() ? "" : ", ") + col;
        auto total = TRY(src.query_one("SELECT COUNT(*) FROM " + table))->integer(0);
        // Many rows to a statement (PostgreSQL takes at most 65,535 parameters).
        const std::size_t per_statement = std::max<std::size_t>(1, std::min<std::size_t>(500, 60000 / columns.size()));
        std::string one = "(";
        for (std::size_t i = 0; i < columns.size(); ++i) one += i ? ", ?" : "?";
        one += ")";
        std::int64_t after = -1;
        std::size_t done = 0;
        for (;;) {
          auto rows =
              TRY(src.query("SELECT rowid, " + list + " FROM " + table + " WHERE rowid > ? ORDER BY rowid LIMIT ?",
                            {after, static_cast<std::int64_t>(per_statement)}));
          if (rows.empty()) break;
          std::string sql = "INSERT INTO " + table + " (" + list + ") VALUES ";
          Params p;
          p.reserve(rows.size() * columns.size());
          for (std::size_t r = 0; r < rows.size(); ++r) {
            sql += r ? ", " + one : one;
            for (std::size_t col = 0; col < columns.size(); ++col)
              p.emplace_back(rows[r].is_null(col + 1) ? Value() : Value(rows[r].text(col + 1)));
          }
          TRY(dst.exec(sql, p));
          after = rows.back().integer(0);
          done += rows.size();
          if (progress) progress(table, done, static_cast<std::size_t>(total));
        }
        copied += done;
      }
      // Fresh statistics, or PostgreSQL plans the first queries as if every table were empty.
      return dst.exec_script("ANALYZE");
    });
  }));
  return copied;
}

}  // namespace trellis::store
