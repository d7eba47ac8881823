// The one database interface: SQL with `?` placeholders, text-or-integer values, and
// transactions that retry on lock or serialization failures. Two real backends share it.
#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/error.hpp"

namespace trellis::store {

enum class Dialect { sqlite, postgres };

struct Value {
  std::variant<std::monostate, std::int64_t, std::string> v;
  Value() = default;
  Value(std::nullopt_t) {}
  Value(std::int64_t i) : v(i) {}
  Value(int i) : v(std::int64_t{i}) {}
  Value(bool b) : v(std::int64_t{b ? 1 : 0}) {}
  Value(std::string s) : v(std::move(s)) {}
  Value(std::string_view s) : v(std::string(s)) {}
  Value(const char* s) : v(std::string(s)) {}
  Value(const std::optional<std::string>& s) {
    if (s) v = *s;
  }
};

using Params = std::vector<Value>;

class Row {
 public:
  explicit Row(std::vector<std::optional<std::string>> cols) : cols_(std::move(cols)) {}
  bool is_null(std::size_t i) const { return !cols_.at(i).has_value(); }
  const std::string& text(std::size_t i) const;  // "" when NULL
  std::optional<std::string> opt_text(std::size_t i) const { return cols_.at(i); }
  std::int64_t integer(std::size_t i) const;  // 0 when NULL
  bool boolean(std::size_t i) const { return integer(i) != 0; }
  std::size_t size() const { return cols_.size(); }

 private:
  std::vector<std::optional<std::string>> cols_;
};

using Rows = std::vector<Row>;

class Conn {
 public:
  virtual ~Conn() = default;
  virtual Dialect dialect() const = 0;
  // Runs one statement (prepared once per connection, then reused).
  virtual Result<Rows> query(std::string_view sql, const Params& params = {}) = 0;
  // Runs one statement and returns the number of rows it changed.
  virtual Result<std::int64_t> exec(std::string_view sql, const Params& params = {}) = 0;
  // Runs several statements with no parameters (migrations).
  virtual Result<void> exec_script(std::string_view sql) = 0;

  Result<std::optional<Row>> query_one(std::string_view sql, const Params& params = {});
};

enum class TxKind { read, write };

class Db {
 public:
  virtual ~Db() = default;
  virtual Dialect dialect() const = 0;
  virtual std::string describe() const = 0;  // for logs: never includes a password

  // Runs fn inside a transaction: committed when fn succeeds, rolled back when it returns an
  // error, and retried (a few times) when the database reports a lock or serialization conflict.
  template <typename F>
  auto transact(TxKind kind, F&& fn) -> decltype(fn(std::declval<Conn&>())) {
    using R = decltype(fn(std::declval<Conn&>()));
    std::optional<R> out;
    WriteUnderWay counted(*this, kind);
    auto status = run_transaction(kind, [&](Conn& c) -> Result<void> {
      if (auto hook = fault_hook_.load(std::memory_order_relaxed)) TRY_VOID(hook(kind, c));
      out.emplace(fn(c));
      if (!*out) return std::unexpected(out->error());
      return {};
    });
    if (!status) return std::unexpected(status.error());
    if (kind == TxKind::write) note_write_committed();
    return std::move(*out);
  }
  template <typename F>
  auto read(F&& fn) {
    return transact(TxKind::read, std::forward<F>(fn));
  }
  template <typename F>
  auto write(F&& fn) {
    return transact(TxKind::write, std::forward<F>(fn));
  }

  // Makes every transaction committed so far durable, with one sync for all of them. A no-op
  // unless the database was opened for serving, where a commit returns before its sync and the
  // server calls this before any answer that reports a change (decision 0025).
  virtual Result<void> sync_committed() { return {}; }
  // Whether sync_committed() does anything: when it does not, an answer need not wait for it.
  virtual bool commits_wait_for_sync_committed() const { return false; }
  // Where a journal of this name lives beside the database, or none. SQLite: every commit empties
  // the other connections' page caches, so the server makes records that come many times a second
  // (audit events for reads) durable in a journal and moves them in with a few commits a second
  // (decision 0031). PostgreSQL: none; its own log is that journal, and a commit leaves other
  // sessions' caches alone.
  virtual std::optional<std::string> journal_path(std::string_view /*name*/) const { return std::nullopt; }
  // How many write transactions the calling thread has committed, on any database. A request runs
  // on one thread, so the server compares this before and after it to know whether its answer
  // reports something committed — a change, or a read's audit events written by its service —
  // and so must wait for sync_committed() (decision 0025).
  static std::uint64_t writes_committed_on_this_thread();

  virtual Result<void> ping() = 0;
  // A consistent copy while the server runs, and bringing one back (server stopped).
  virtual Result<void> backup(const std::string& path) = 0;
  virtual Result<void> restore(const std::string& path) = 0;

  // From now on, every statement run through query() or exec() is stopped once it has run this
  // long, and fails with code "statement_timeout" (a 503 with Retry-After): one runaway query
  // must not hold a connection and a worker while everyone else waits. Zero: no limit, as for the
  // commands, and for migrations, which run before the server sets its limit (decision 0026).
  virtual void limit_statements(std::chrono::milliseconds limit) = 0;
  // Lifts that limit for the statements the calling thread runs while it lives: the audit
  // writer's, whose one transaction holds many requests' answers, none of which should fail
  // because one statement in it was slow.
  class NoStatementLimitOnThisThread {
   public:
    NoStatementLimitOnThisThread();
    ~NoStatementLimitOnThisThread();
    NoStatementLimitOnThisThread(const NoStatementLimitOnThisThread&) = delete;
    NoStatementLimitOnThisThread& operator=(const NoStatementLimitOnThisThread&) = delete;
  };
  // The limit for a statement the calling thread starts: `limit`, unless lifted on this thread.
  static std::int64_t statement_limit_here(std::int64_t limit);

  // For tests only: called inside every transaction, just before its work, so a test can throw
  // there, or run a statement of its own, and prove that a failure releases what it holds. Null
  // in production, where it costs one relaxed load per transaction.
  using FaultHook = Result<void> (*)(TxKind, Conn&);
  void set_fault_hook(FaultHook hook) { fault_hook_.store(hook); }

 protected:
  virtual Result<void> run_transaction(TxKind kind, const std::function<Result<void>(Conn&)>& fn) = 0;
  // How many write transactions have finished (committed or not), when none is under way: a
  // backend's sync_committed() need not sync again while this is what it was at its last sync.
  // With one under way, it cannot know, and syncs.
  std::optional<std::uint64_t> writes_at_rest() const {
    auto ended = writes_ended_.load();
    return writes_begun_.load() == ended ? std::optional(ended) : std::nullopt;
  }

 private:
  static void note_write_committed();

  // Counts a write transaction from before it begins until after it has ended, however it ends.
  struct WriteUnderWay {
    WriteUnderWay(Db& db, TxKind kind) : db(kind == TxKind::write ? &db : nullptr) {
      if (this->db) this->db->writes_begun_.fetch_add(1);
    }
    ~WriteUnderWay() {
      if (db) db->writes_ended_.fetch_add(1);
    }
    WriteUnderWay(const WriteUnderWay&) = delete;
    WriteUnderWay& operator=(const WriteUnderWay&) = delete;
    Db* db;
  };

  std::atomic<FaultHook> fault_hook_{nullptr};
  std::atomic<std::uint64_t> writes_begun_{0}, writes_ended_{0};
};

// How long a transaction waits for a free connection before the request is answered 503.
inline constexpr std::chrono::milliseconds kDefaultConnectionWait{5000};

// Read-only is for commands that only look (backup, audit verify): SQLite opens the file with
// SQLITE_OPEN_READONLY (it must exist; nothing is created), and each PostgreSQL session starts
// with default_transaction_read_only on. Any write then fails with code "read_only".
// Serving is read-write for the server: SQLite commits without waiting for the disk, and the
// server syncs many commits at once with sync_committed() before it answers for any of them.
// PostgreSQL, whose commits already share their syncs, serves as read-write.
enum class OpenMode { read_write, read_only, serving };

// "sqlite:PATH" or "postgresql://..." (also "postgres://").
Result<std::unique_ptr<Db>> open_database(const std::string& url, std::size_t pool_size,
                                          std::chrono::milliseconds wait = kDefaultConnectionWait,
                                          OpenMode mode = OpenMode::read_write);
std::unique_ptr<Db> open_sqlite(const std::string& path, std::size_t pool_size, std::chrono::milliseconds wait,
                                OpenMode mode, Result<void>& status);
std::unique_ptr<Db> open_postgres(const std::string& conninfo, std::size_t pool_size, std::chrono::milliseconds wait,
                                  OpenMode mode, Result<void>& status);

// Errors a backend reports, mapped once so services can act on them.
Error db_error(std::string code, std::string message, bool retryable);
bool is_unique_violation(const Error& e);

}  // namespace trellis::store
