#include "store/sqlite_conn.hpp"

namespace trellis::store {

Error sqlite_error(sqlite3* h, int rc) {
  std::string msg = h ? sqlite3_errmsg(h) : sqlite3_errstr(rc);
  int ext = h ? sqlite3_extended_errcode(h) : rc;
  if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY)
    return db_error("unique_violation", msg, false);
  if (ext == SQLITE_CONSTRAINT_FOREIGNKEY) return db_error("foreign_key_violation", msg, false);
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) return db_error("busy", msg, true);
  if ((rc & 0xff) == SQLITE_READONLY) return db_error("read_only", msg, false);
  // Only the statement time limit interrupts a statement (SqliteConn::past_deadline).
  if ((rc & 0xff) == SQLITE_INTERRUPT) return db_error("statement_timeout", msg, false);
  return db_error("sqlite_" + std::to_string(ext), msg, false);
}

}  // namespace trellis::store
