// Issue 11: a runaway statement is stopped at the database's time limit and its request answered
// 503 with Retry-After, while the server goes on answering everyone else. On SQLite the limit is
// a progress handler's deadline; on PostgreSQL the session's statement_timeout.
#include <chrono>
#include <future>
#include <utility>
#include <vector>

#include "real_server.hpp"

namespace trellis::test {
namespace {

using Clock = std::chrono::steady_clock;

// Counts to a billion: minutes on either database, so only the time limit ends it in the test's
// time (and should the limit break, the test fails when the count ends rather than hanging).
constexpr const char* kRunaway =
    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 1000000000) SELECT COUNT(*) FROM n";

// A counted recursion that takes a good while longer than the limits below (0.6 s or more), and ends.
constexpr const char* kLongCount =
    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 3000000) SELECT COUNT(*) FROM n";

class StatementTimeout : public TrellisTest {
 protected:
  void TearDown() override {
    db->limit_statements(std::chrono::milliseconds(0));
    TrellisTest::TearDown();
  }
};

TEST_F(StatementTimeout, a_runaway_statement_is_stopped_at_the_limit_and_the_connection_serves_the_next) {
  db->limit_statements(std::chrono::milliseconds(200));
  // As many at once as the test pool has connections (support.cpp opens four), so each
  // connection meets the limit, each PostgreSQL session having had it set on its own.
  std::vector<std::future<std::pair<Result<store::Rows>, Clock::duration>>> runs;
  for (int i = 0; i < 4; ++i)
    runs.push_back(std::async(std::launch::async, [this] {
      auto started = Clock::now();
      auto r = db->read([](store::Conn& c) { return c.query(kRunaway); });
      return std::make_pair(std::move(r), Clock::now() - started);
    }));
  for (auto& run : runs) {
    auto [r, took] = run.get();
    ASSERT_FALSE(r) << "a statement with no end returned";
    EXPECT_EQ(r.error().code, "statement_timeout") << r.error().detail;
    EXPECT_EQ(r.error().kind, ErrorKind::unavailable);
    EXPECT_GT(r.error().retry_after_seconds, 0);
    EXPECT_GE(took, std::chrono::milliseconds(200));
    EXPECT_LT(took, std::chrono::seconds(5)) << "stopped long after its limit";
  }
  // Every connection, back in the pool, answers at once.
  for (int i = 0; i < 4; ++i) {
    auto next = db->read([](store::Conn& c) { return c.query_one("SELECT 1 + 1"); });
    ASSERT_TRUE(next) << next.error().detail;
    EXPECT_EQ((*next)->integer(0), 2);
  }
}

TEST_F(StatementTimeout, the_audit_writers_thread_runs_without_the_limit) {
  db->limit_statements(std::chrono::milliseconds(100));
  auto limited = db->read([](store::Conn& c) { return c.query_one(kLongCount); });
  ASSERT_FALSE(limited);
  EXPECT_EQ(limited.error().code, "statement_timeout");
  store::Db::NoStatementLimitOnThisThread unlimited;
  auto r = db->read([](store::Conn& c) { return c.query_one(kLongCount); });
  ASSERT_TRUE(r) << r.error().detail;
  EXPECT_EQ((*r)->integer(0), 3000000);
}

TEST_F(StatementTimeout, a_write_stopped_at_the_limit_keeps_nothing_of_its_transaction) {
  db->limit_statements(std::chrono::milliseconds(200));
  auto now = to_iso(clock.now());
  auto r = db->write([&](store::Conn& c) -> Result<void> {
    TRY(c.exec("INSERT INTO orgs (org_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
               {"org-stopped", "Stopped", now, now}));
    TRY(c.query(kRunaway));
    return {};
  });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "statement_timeout");
  auto kept = db->read(
      [](store::Conn& c) { return c.query_one("SELECT COUNT(*) FROM orgs WHERE org_id = ?", {"org-stopped"}); });
  ASSERT_TRUE(kept);
  EXPECT_EQ((*kept)->integer(0), 0);
}

TEST_F(StatementTimeout, with_no_limit_a_long_statement_runs_to_its_end) {
  db->limit_statements(std::chrono::milliseconds(0));
  auto r = db->read([](store::Conn& c) { return c.query_one(kLongCount); });
  ASSERT_TRUE(r) << r.error().detail;
  EXPECT_EQ((*r)->integer(0), 3000000);
}

// Over HTTP: the runaway statement runs inside a real request's transaction (through the test
// hook); that request gets a problem it can act on, and /healthz and /readyz are answered while
// it runs.
std::promise<void> runaway_started;
std::atomic<bool> run_away_once{false};

Result<void> run_away(store::TxKind, store::Conn& c) {
  if (!run_away_once.exchange(false)) return {};
  runaway_started.set_value();
  TRY(c.query(kRunaway));
  return {};
}

class StatementTimeoutOverHttp : public RealServer {
 protected:
  void TearDown() override {
    db->set_fault_hook(nullptr);
    db->limit_statements(std::chrono::milliseconds(0));
    RealServer::TearDown();
  }
};

TEST_F(StatementTimeoutOverHttp, the_request_is_answered_503_with_retry_after_and_others_are_answered_meanwhile) {
  load_demo();
  auto practitioner = sign_in("practitioner@demo.example");
  db->limit_statements(std::chrono::seconds(3));
  runaway_started = {};
  run_away_once = true;
  db->set_fault_hook(&run_away);
  auto slow = std::async(std::launch::async, [&] {
    return send_raw(config.port, "GET /api/v1/people HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nCookie: " +
                                     practitioner.cookie + "\r\n\r\n")
        .value_or(RawReply{});
  });
  ASSERT_EQ(runaway_started.get_future().wait_for(std::chrono::seconds(10)), std::future_status::ready);

  auto started = Clock::now();
  EXPECT_EQ(get("/healthz").status, 200);
  EXPECT_EQ(get("/readyz").status, 200);
  EXPECT_LT(Clock::now() - started, std::chrono::seconds(2)) << "others waited on the runaway statement";
  EXPECT_EQ(slow.wait_for(std::chrono::seconds(0)), std::future_status::timeout)
      << "the slow request ended before its limit";

  auto r = slow.get();
  EXPECT_EQ(r.status, 503) << r.head << r.body;
  EXPECT_TRUE(r.has("Content-Type: application/problem+json")) << r.head;
  EXPECT_TRUE(r.has("Retry-After: 2")) << r.head;
  EXPECT_NE(r.body.find("statement_timeout"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("took too long"), std::string::npos) << r.body;
  // The next request is answered as usual.
  db->set_fault_hook(nullptr);
  EXPECT_EQ(get("/api/v1/people", "Cookie: " + practitioner.cookie + "\r\n").status, 200);
}

}  // namespace
}  // namespace trellis::test
