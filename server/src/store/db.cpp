#include "store/db.hpp"

#include <spdlog/spdlog.h>

namespace trellis::store {

const std::string& Row::text(std::size_t i) const {
  static const std::string empty;
  const auto& c = cols_.at(i);
  return c ? *c : empty;
}

std::int64_t Row::integer(std::size_t i) const {
  const auto& c = cols_.at(i);
  if (!c || c->empty()) return 0;
  if (*c == "t" || *c == "true") return 1;
  if (*c == "f" || *c == "false") return 0;
  return std::stoll(*c);
}

namespace {
thread_local std::uint64_t writes_committed = 0;
thread_local bool statements_unlimited = false;
}  // namespace

Db::NoStatementLimitOnThisThread::NoStatementLimitOnThisThread() { statements_unlimited = true; }
Db::NoStatementLimitOnThisThread::~NoStatementLimitOnThisThread() { statements_unlimited = false; }
std::int64_t Db::statement_limit_here(std::int64_t limit) { return statements_unlimited ? 0 : limit; }

std::uint64_t Db::writes_committed_on_this_thread() { return writes_committed; }
void Db::note_write_committed() { ++writes_committed; }

Result<std::optional<Row>> Conn::query_one(std::string_view sql, const Params& params) {
  auto rows = TRY(query(sql, params));
  if (rows.empty()) return std::optional<Row>{};
  return std::optional<Row>{std::move(rows.front())};
}

Error db_error(std::string code, std::string message, bool retryable) {
  // The database's own message goes to the log only; responses never carry SQL or its text.
  Error e;
  e.code = std::move(code);
  e.retryable = retryable;
  if (e.code == "unique_violation") {
    e.kind = ErrorKind::conflict;
    e.title = "That already exists";
    e.detail = "A record with the same details already exists.";
  } else if (e.code == "foreign_key_violation") {
    e.kind = ErrorKind::unprocessable;
    e.title = "A linked record was not found";
    e.detail = "One of the records this refers to does not exist.";
  } else if (e.code == "read_only") {
    // A write on a database opened read-only: by a command that only reads, or because the file
    // or its folder cannot be written by this user. Either way, said plainly.
    e.kind = ErrorKind::internal;
    e.title = "The database cannot be written";
    e.detail =
        "It is open read-only (a command that only reads, or a file or folder this user cannot write to); "
        "nothing was changed.";
    spdlog::error("write refused on a read-only database: {}", message);
  } else if (e.code == "statement_timeout") {
    e.kind = ErrorKind::unavailable;
    e.title = "That took too long to answer";
    e.detail =
        "Trellis stopped it so that others could be answered. Please try again in a moment; if it keeps happening, "
        "tell your administrator.";
    e.retry_after_seconds = 2;
    spdlog::warn("a statement ran past the time limit and was stopped: {}", message);
  } else if (retryable) {
    e.kind = ErrorKind::unavailable;
    e.title = "The service is busy";
    e.detail = "Please try again in a moment.";
    e.retry_after_seconds = 1;
  } else {
    e.kind = ErrorKind::internal;
    e.title = "Something went wrong on our side";
    e.detail = "Nothing was changed. Please try again; if it keeps happening, tell your administrator.";
    spdlog::error("database error: {}", message);
  }
  return e;
}

bool is_unique_violation(const Error& e) { return e.code == "unique_violation"; }

Result<std::unique_ptr<Db>> open_database(const std::string& url, std::size_t pool_size, std::chrono::milliseconds wait,
                                          OpenMode mode) {
  Result<void> status;
  std::unique_ptr<Db> db;
  if (url.starts_with("sqlite:")) {
    db = open_sqlite(url.substr(7), pool_size, wait, mode, status);
  } else if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    db = open_postgres(url, pool_size, wait, mode, status);
  } else {
    return fail(ErrorKind::bad_request, "Unknown database address",
                "Use sqlite:PATH or postgresql://user@host/dbname.");
  }
  if (!status) return std::unexpected(status.error());
  return db;
}

}  // namespace trellis::store
