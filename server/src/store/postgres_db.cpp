// PostgreSQL backend on libpq: a pool of connections, statements prepared once per connection,
// and SQLSTATE mapped to the same errors the SQLite backend reports.
#include <libpq-fe.h>
#include <spawn.h>
#include <spdlog/spdlog.h>
#include <sys/wait.h>

#include <atomic>
#include <chrono>

#include "store/db.hpp"
#include "store/pool.hpp"
#include "store/sql.hpp"

extern char** environ;

namespace trellis::store {
namespace {

// Our SQL uses `?` placeholders; PostgreSQL wants $1, $2, ... (quoted text is left alone).
std::string to_dollar_params(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  bool in_quote = false;
  for (char c : sql) {
    if (c == '\'') in_quote = !in_quote;
    if (c == '?' && !in_quote)
      out += "$" + std::to_string(++n);
    else
      out += c;
  }
  return out;
}

Error pg_error(const PGresult* res, PGconn* conn) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  std::string msg = res ? PQresultErrorMessage(res) : PQerrorMessage(conn);
  std::string s = state ? state : "";
  if (s == "23505") return db_error("unique_violation", msg, false);
  if (s == "23503") return db_error("foreign_key_violation", msg, false);
  if (s == "40001" || s == "40P01" || s == "55P03") return db_error("serialization_failure", msg, true);
  if (s == "25006") return db_error("read_only", msg, false);
  // query_canceled: nothing here cancels a query but the statement_timeout the server sets.
  if (s == "57014") return db_error("statement_timeout", msg, false);
  if (s.starts_with("08") || PQstatus(conn) != CONNECTION_OK) return db_error("connection_lost", msg, true);
  return db_error("postgres_" + s, msg, false);
}

class PgConn final : public Conn {
 public:
  explicit PgConn(PGconn* c) : c_(c) {}
  ~PgConn() override { PQfinish(c_); }
  Dialect dialect() const override { return Dialect::postgres; }
  bool healthy() const { return PQstatus(c_) == CONNECTION_OK; }
  // Anything but idle counts: open, failed inside, or a connection too broken to say.
  bool in_transaction() const { return PQtransactionStatus(c_) != PQTRANS_IDLE; }
  // What every session of this connection starts with; run now, and again after a reset.
  Result<void> start_session(std::string setup) {
    setup_ = std::move(setup);
    return exec_script(setup_);
  }
  // A new session has the role's or the server's defaults: ours are set on it again, and the
  // statement limit before its next transaction.
  Result<void> reset() {
    PQreset(c_);
    prepared_.clear();
    limit_ms_ = -1;
    return exec_script(setup_);
  }
  // The session's statement_timeout follows the database's limit, set once per session.
  Result<void> limit_statements(std::int64_t ms) {
    if (ms == limit_ms_) return {};
    TRY_VOID(exec_script("SET statement_timeout = " + std::to_string(ms)));
    limit_ms_ = ms;
    return {};
  }

  Result<Rows> query(std::string_view sql, const Params& params) override {
    PGresult* res = TRY(run(sql, params));
    Rows rows;
    int nrows = PQntuples(res), ncols = PQnfields(res);
    rows.reserve(nrows);
    for (int r = 0; r < nrows; ++r) {
      std::vector<std::optional<std::string>> cols;
      cols.reserve(ncols);
      for (int i = 0; i < ncols; ++i) {
        if (PQgetisnull(res, r, i))
          cols.emplace_back();
        else
          cols.emplace_back(std::string(PQgetvalue(res, r, i), PQgetlength(res, r, i)));
      }
      rows.emplace_back(std::move(cols));
    }
    PQclear(res);
    return rows;
  }

  Result<std::int64_t> exec(std::string_view sql, const Params& params) override {
    PGresult* res = TRY(run(sql, params));
    const char* n = PQcmdTuples(res);
    std::int64_t changed = (n && *n) ? std::stoll(n) : 0;
    PQclear(res);
    return changed;
  }

  Result<void> exec_script(std::string_view sql) override {
    PGresult* res = PQexec(c_, std::string(sql).c_str());
    auto st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      auto e = pg_error(res, c_);
      PQclear(res);
      return fail(std::move(e));
    }
    PQclear(res);
    return {};
  }

 private:
  Result<PGresult*> run(std::string_view sql, const Params& params) {
    auto it = prepared_.find(sql);
    if (it == prepared_.end()) {
      std::string name = "s" + std::to_string(prepared_.size());
      PGresult* res = PQprepare(c_, name.c_str(), to_dollar_params(sql).c_str(), 0, nullptr);
      if (PQresultStatus(res) != PGRES_COMMAND_OK) {
        auto e = pg_error(res, c_);
        PQclear(res);
        return fail(std::move(e));
      }
      PQclear(res);
      it = prepared_.emplace(std::string(sql), name).first;
    }
    std::vector<std::string> text(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      const auto& v = params[i].v;
      if (auto* n = std::get_if<std::int64_t>(&v)) {
        text[i] = std::to_string(*n);
        values[i] = text[i].c_str();
      } else if (auto* s = std::get_if<std::string>(&v)) {
        values[i] = s->c_str();
      }
    }
    PGresult* res =
        PQexecPrepared(c_, it->second.c_str(), static_cast<int>(params.size()), values.data(), nullptr, nullptr, 0);
    auto st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      auto e = pg_error(res, c_);
      PQclear(res);
      return fail(std::move(e));
    }
    return res;
  }

  PGconn* c_;
  std::string setup_;
  std::int64_t limit_ms_ = -1;  // not yet set on this session
  BySqlText<std::string> prepared_;
};

Result<void> run_program(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid;
  if (posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0)
    return fail(ErrorKind::unavailable, args[0] + " could not be started",
                "Install the PostgreSQL client tools (Debian package postgresql-client).");
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return fail(ErrorKind::internal, args[0] + " failed", "See its messages above.");
  return {};
}

class PgDb final : public Db {
 public:
  PgDb(std::string conninfo, std::size_t size, std::chrono::milliseconds wait, OpenMode mode)
      : conninfo_(std::move(conninfo)), mode_(mode), pool_([this] { return connect(); }, size, wait) {}

  Result<void> open() { return pool_.open(); }

  Dialect dialect() const override { return Dialect::postgres; }
  void limit_statements(std::chrono::milliseconds limit) override { statement_limit_ms_ = limit.count(); }
  std::string describe() const override {
    auto at = conninfo_.find('@');
    auto where = at == std::string::npos ? "postgresql" : "postgresql://…" + conninfo_.substr(at);
    return mode_ == OpenMode::read_only ? where + " (read-only)" : where;
  }
  Result<void> ping() override {
    return read([](Conn& c) -> Result<void> {
      TRY(c.query("SELECT 1"));
      return {};
    });
  }
  Result<void> backup(const std::string& path) override {
    return run_program({"pg_dump", "--format=custom", "--no-owner", "--file=" + path, "--dbname=" + conninfo_});
  }
  Result<void> restore(const std::string& path) override {
    return run_program(
        {"pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname=" + conninfo_, path});
  }

 protected:
  Result<void> run_transaction(TxKind kind, const std::function<Result<void>(Conn&)>& fn) override {
    // A read runs each statement as a transaction of its own (decision 0029): reads here are
    // READ COMMITTED, where every statement takes its own snapshot inside BEGIN … COMMIT too, so
    // those two only added two round trips to every read. Sessions are read-only unless a write
    // transaction says otherwise, so the server still refuses a write made through a read; a
    // read-only session's writes stay read-only.
    const char* begin = mode_ == OpenMode::read_only ? "BEGIN" : "BEGIN READ WRITE";
    return with_retries([&]() -> Result<void> {
      auto conn = TRY(pool_.acquire());
      if (!conn->healthy()) TRY_VOID(conn->reset());
      TRY_VOID(conn->limit_statements(Db::statement_limit_here(statement_limit_ms_.load(std::memory_order_relaxed))));
      if (kind == TxKind::read) return fn(*conn);
      return attempt_transaction(*conn, begin, fn);
    });
  }

 private:
  Result<std::unique_ptr<PgConn>> connect() {
    PGconn* c = PQconnectdb(conninfo_.c_str());
    if (PQstatus(c) != CONNECTION_OK) {
      std::string msg = PQerrorMessage(c);
      PQfinish(c);
      spdlog::error("postgresql connection failed: {}", msg);
      return fail(ErrorKind::unavailable, "The PostgreSQL server could not be reached",
                  "Check the address, user and password in the database URL, and that the server is running.");
    }
    PQsetNoticeProcessor(
        c, [](void*, const char*) {}, nullptr);
    auto conn = std::make_unique<PgConn>(c);
    // Every transaction is READ ONLY unless it begins READ WRITE — and a read-only session's
    // never do — so the server itself refuses a write (SQLSTATE 25006) that a read, or a
    // command's code, attempts. READ COMMITTED whatever the server's default, as every
    // transaction here is written for.
    TRY_VOID(
        conn->start_session("SET default_transaction_read_only = on;"
                            " SET default_transaction_isolation = 'read committed'"));
    return conn;
  }

  std::string conninfo_;
  OpenMode mode_;
  std::atomic<std::int64_t> statement_limit_ms_{0};
  Pool<PgConn> pool_;
};

}  // namespace

std::unique_ptr<Db> open_postgres(const std::string& conninfo, std::size_t pool_size, std::chrono::milliseconds wait,
                                  OpenMode mode, Result<void>& status) {
  auto db = std::make_unique<PgDb>(conninfo, pool_size == 0 ? 1 : pool_size, wait, mode);
  status = db->open();
  return db;
}

}  // namespace trellis::store
