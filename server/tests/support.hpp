// Test harness: a fresh database (SQLite file, or a clean PostgreSQL schema when
// TRELLIS_TEST_DB=postgres), a manual clock, and the real App driven without a socket.
#pragma once
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <memory>
#include <string>

#include "access/service.hpp"
#include "core/clock.hpp"
#include "core/config.hpp"
#include "app/app.hpp"
#include "app/runtime.hpp"
#include "store/db.hpp"

namespace trellis::test {

inline constexpr const char* kPassword = "wattle-river-lantern-morning";

bool using_postgres();
std::string backend_name();
// A fresh, migrated, empty database.
std::unique_ptr<store::Db> fresh_db();
// The address a database from fresh_db() was opened with, for opening it again (or for the
// trellis binary): its SQLite file, or the test's PostgreSQL database.
std::string database_url(const store::Db& db);

// The real database, seen through a wrapper that counts its syncs and can make the next one
// fail, as a disk that refuses would. Its commits wait for sync_committed(), whatever the backend.
class SyncWatchedDb final : public store::Db {
 public:
  explicit SyncWatchedDb(store::Db& inner) : inner_(inner) {}
  store::Dialect dialect() const override { return inner_.dialect(); }
  std::string describe() const override { return inner_.describe(); }
  Result<void> ping() override { return inner_.ping(); }
  Result<void> backup(const std::string& path) override { return inner_.backup(path); }
  Result<void> restore(const std::string& path) override { return inner_.restore(path); }
  void limit_statements(std::chrono::milliseconds limit) override { inner_.limit_statements(limit); }
  bool commits_wait_for_sync_committed() const override { return true; }
  Result<void> sync_committed() override {
    ++syncs;
    if (fail_next.exchange(false)) return fail(ErrorKind::unavailable, "The disk refused", "", "sync_failed");
    return inner_.sync_committed();
  }

  std::atomic<int> syncs{0};
  std::atomic<bool> fail_next{false};

 protected:
  Result<void> run_transaction(store::TxKind kind, const std::function<Result<void>(store::Conn&)>& fn) override {
    return inner_.transact(kind, fn);
  }

 private:
  store::Db& inner_;
};

struct Reply {
  int status = 0;
  nlohmann::json body;
  http::Response raw;
  std::optional<std::string> header(const std::string& name) const { return raw.find_header(name); }
};

struct Browser {
  std::string cookie;  // "trellis_session=..."
  std::string csrf;
};

class TrellisTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  Reply call(const std::string& method, const std::string& path, const Browser* who = nullptr,
             const std::optional<nlohmann::json>& body = std::nullopt,
             std::vector<std::pair<std::string, std::string>> headers = {});
  Reply call_raw(http::Request req);
  // Signs in with the demo password; fails the test if it does not work.
  Browser sign_in(const std::string& email, const std::string& password = kPassword);
  // Issues an invitation with `issue_path` (…/invitations) as `worker`, accepts it as the person or
  // supporter would (their own email and password) and returns their signed-in browser.
  Browser invite_and_accept(const std::string& issue_path, const Browser& worker, const std::string& email,
                            const std::string& password);
  void load_demo();
  // Adds a person as `worker` would (POST /people) and returns their id; fails the test if refused.
  std::string add_person(const Browser& worker, const std::string& given, const std::string& family,
                         const std::string& date_of_birth);
  std::string org_id();
  // Returns once every audit event handed over so far is in audit_events, as the server's own
  // reader of the log makes sure (on SQLite they wait in a journal first, decision 0031).
  void wait_for_audit_log();
  std::string user_id(const std::string& email);

  ManualClock clock{TimePoint(std::chrono::milliseconds(1'795'000'000'000))};
  Config config;
  std::unique_ptr<store::Db> db;
  std::unique_ptr<app::Runtime> runtime;
  std::unique_ptr<app::App> app;
};

}  // namespace trellis::test
