// One SQLite connection: statements prepared once and reused, each run under the database's
// time limit (decision 0026). Used by the SQLite backend only (sqlite_db.cpp).
#pragma once
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <string>

#include "core/scope_exit.hpp"
#include "store/db.hpp"
#include "store/sql.hpp"

namespace trellis::store {

// SQLite's result codes mapped to the errors both backends report.
Error sqlite_error(sqlite3* h, int rc);

class SqliteConn final : public Conn {
 public:
  // limit_ms: the database's statement time limit, read as each statement starts (0: none).
  SqliteConn(sqlite3* h, const std::atomic<std::int64_t>& limit_ms) : h_(h), limit_ms_(limit_ms) {
    // SQLite calls this every few thousand steps of a statement's program; a non-zero answer
    // stops the statement with SQLITE_INTERRUPT (a write stopped so rolls back its whole
    // transaction; the caller's ROLLBACK then finds none open, which is harmless).
    sqlite3_progress_handler(h_, 4096, &SqliteConn::past_deadline, this);
  }
  ~SqliteConn() override {
    for (auto& [_, st] : cache_) sqlite3_finalize(st);
    sqlite3_close_v2(h_);
  }
  Dialect dialect() const override { return Dialect::sqlite; }
  sqlite3* handle() { return h_; }
  // SQLite leaves autocommit mode for exactly as long as a transaction is open.
  bool in_transaction() const { return sqlite3_get_autocommit(h_) == 0; }

  Result<Rows> query(std::string_view sql, const Params& params) override {
    auto* st = TRY(prepare(sql, params));
    auto limited = start_deadline();
    // A statement left mid-step keeps its read open; reset it however this ends.
    ScopeExit reset([st] { sqlite3_reset(st); });
    Rows rows;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      int n = sqlite3_column_count(st);
      std::vector<std::optional<std::string>> cols;
      cols.reserve(n);
      for (int i = 0; i < n; ++i) {
        if (sqlite3_column_type(st, i) == SQLITE_NULL) {
          cols.emplace_back();
        } else {
          auto* t = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
          cols.emplace_back(std::string(t, sqlite3_column_bytes(st, i)));
        }
      }
      rows.emplace_back(std::move(cols));
    }
    if (rc != SQLITE_DONE) return fail(sqlite_error(h_, rc));
    return rows;
  }

  Result<std::int64_t> exec(std::string_view sql, const Params& params) override {
    auto* st = TRY(prepare(sql, params));
    auto limited = start_deadline();
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) return fail(sqlite_error(h_, rc));
    return static_cast<std::int64_t>(sqlite3_changes64(h_));
  }

  Result<void> exec_script(std::string_view sql) override {
    char* err = nullptr;
    std::string s(sql);
    int rc = sqlite3_exec(h_, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      auto e = sqlite_error(h_, rc);
      sqlite3_free(err);
      return fail(std::move(e));
    }
    return {};
  }

 private:
  using Clock = std::chrono::steady_clock;
  static constexpr Clock::time_point kNoDeadline = Clock::time_point::max();

  // Arms the time limit for one statement until the value returned goes out of scope.
  // exec_script runs with none here; serve sets the limit only after its migrations anyway, as
  // PostgreSQL's session limit would apply to a script there.
  struct Armed {
    SqliteConn& c;
    ~Armed() { c.deadline_ = kNoDeadline; }
  };
  [[nodiscard]] Armed start_deadline() {
    auto limit = Db::statement_limit_here(limit_ms_.load(std::memory_order_relaxed));
    deadline_ = limit > 0 ? Clock::now() + std::chrono::milliseconds(limit) : kNoDeadline;
    return Armed{*this};
  }
  static int past_deadline(void* self) {
    auto deadline = static_cast<SqliteConn*>(self)->deadline_;
    return deadline != kNoDeadline && Clock::now() > deadline ? 1 : 0;
  }

  Result<sqlite3_stmt*> prepare(std::string_view sql, const Params& params) {
    auto it = cache_.find(sql);
    sqlite3_stmt* st;
    if (it != cache_.end()) {
      st = it->second;
    } else {
      int rc =
          sqlite3_prepare_v3(h_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &st, nullptr);
      if (rc != SQLITE_OK) return fail(sqlite_error(h_, rc));
      cache_.emplace(std::string(sql), st);
    }
    sqlite3_clear_bindings(st);
    for (std::size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i + 1);
      const auto& v = params[i].v;
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::monostate>(v))
        rc = sqlite3_bind_null(st, idx);
      else if (auto* n = std::get_if<std::int64_t>(&v))
        rc = sqlite3_bind_int64(st, idx, *n);
      else {
        const auto& s = std::get<std::string>(v);
        rc = sqlite3_bind_text(st, idx, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
      }
      if (rc != SQLITE_OK) return fail(sqlite_error(h_, rc));
    }
    return st;
  }

  sqlite3* h_;
  const std::atomic<std::int64_t>& limit_ms_;
  Clock::time_point deadline_ = kNoDeadline;
  BySqlText<sqlite3_stmt*> cache_;
};

}  // namespace trellis::store
