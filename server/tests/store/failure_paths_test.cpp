// Failure paths that used to hang: an exception inside a read, a write or an audit group must
// fail only its own request, and the server must go on answering. Faults are injected through the
// test-only hooks on the Db and the audit batcher; the server is the real one, over TCP.
#include <atomic>
#include <future>
#include <stdexcept>
#include <thread>

#include "access/audit_batcher.hpp"
#include "real_server.hpp"

namespace trellis::test {
namespace {

using nlohmann::json;

// How many faults each test injects: twice the connections in a test pool (support.cpp opens
// four), so a leak of one connection per fault would leave none.
constexpr int kFaults = 8;

std::atomic<int> reads_to_fail{0}, writes_to_fail{0}, groups_to_fail{0};

bool take(std::atomic<int>& n) {
  int left = n.load();
  while (left > 0 && !n.compare_exchange_weak(left, left - 1)) {
  }
  return left > 0;
}

Result<void> db_fault(store::TxKind kind, store::Conn&) {
  if (take(kind == store::TxKind::read ? reads_to_fail : writes_to_fail))
    throw std::runtime_error(kind == store::TxKind::read ? "injected fault inside a read"
                                                         : "injected fault inside a write");
  return {};
}

void group_fault() {
  if (take(groups_to_fail)) throw std::runtime_error("injected fault inside an audit group");
}

// Issue 11: an answer that waits on the audit writer goes only after the writer's commit and
// sync. The writer is held at the start of its group, before both, and the request has no answer
// yet; the writer then dies, and the client gets a problem, never the answer its handler had ready.
std::promise<void> writer_entered;
std::shared_future<void> writer_released;

void hold_then_die() {
  writer_entered.set_value();
  writer_released.wait();
  throw std::runtime_error("the audit writer died before its commit");
}

class FailurePaths : public RealServer {
 protected:
  void SetUp() override {
    RealServer::SetUp();
    load_demo();
    practitioner = sign_in("practitioner@demo.example");
    admin = sign_in("administrator@demo.example");
    auto r = call("POST", "/api/v1/people", &practitioner,
                  json{{"givenName", "Ari"}, {"familyName", "Fallow"}, {"dateOfBirth", "1990-05-01"}});
    ASSERT_EQ(r.status, 201) << r.raw.body;
    person_id = r.body["id"];
    reads_to_fail = writes_to_fail = groups_to_fail = 0;
    db->set_fault_hook(&db_fault);
    runtime->audit_reads.set_fault_hook(&group_fault);
  }
  void TearDown() override {
    db->set_fault_hook(nullptr);
    runtime->audit_reads.set_fault_hook(nullptr);
    RealServer::TearDown();
  }

  RawReply send(const std::string& method, const std::string& path, const Browser& who,
                const std::optional<json>& body = std::nullopt) {
    std::string req =
        method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nCookie: " + who.cookie + "\r\n";
    if (method != "GET") req += "X-CSRF-Token: " + who.csrf + "\r\n";
    if (body) {
      auto text = body->dump();
      req += "Content-Type: application/json\r\nContent-Length: " + std::to_string(text.size()) + "\r\n\r\n" + text;
    } else {
      req += "\r\n";
    }
    return send_raw(config.port, req).value_or(RawReply{});
  }
  RawReply read_person() { return send("GET", "/api/v1/people/" + person_id, practitioner); }

  std::int64_t reads_audited() {
    wait_for_audit_log();
    auto n = db->read([&](store::Conn& c) {
      return c.query_one("SELECT COUNT(*) FROM audit_events WHERE action = 'person.read' AND person_id = ?",
                         {person_id});
    });
    return n ? (*n)->integer(0) : -1;
  }

  // The request a fault landed in gets a 500 problem, not a hang and not a closed connection.
  void expect_fault_answered(const RawReply& r, const std::string& what) {
    EXPECT_EQ(r.status, 500) << what << ": " << r.head << r.body;
    EXPECT_TRUE(r.has("Content-Type: application/problem+json")) << what;
  }

  // The next 100 requests, a mix of audited person reads, lists and writes, all answered right;
  // and every person read among them is in the audit log.
  void expect_next_100_requests_answered() {
    auto audited_before = reads_audited();
    int person_reads = 0;
    for (int i = 0; i < 100; ++i) {
      RawReply r;
      int expected = 200;
      switch (i % 3) {
        case 0:
          r = read_person();
          ++person_reads;
          if (r.status == 200) EXPECT_NE(r.body.find("Fallow"), std::string::npos) << r.body;
          break;
        case 1:
          r = send("GET", "/api/v1/people", practitioner);
          break;
        default:
          r = send("POST", "/api/v1/people", practitioner,
                   json{{"givenName", "Kai"},
                        {"familyName", "Number" + std::to_string(i)},
                        {"dateOfBirth", std::to_string(1930 + i / 3) + "-02-03"}});
          expected = 201;
      }
      ASSERT_EQ(r.status, expected) << "request " << i << ": " << r.head << "\n" << r.body;
    }
    EXPECT_EQ(reads_audited(), audited_before + person_reads);
  }

  // Sends a request while the audit writer is held at the start of its next group; checks that
  // the request has no answer while the writer is held; lets the writer die; returns the answer.
  template <typename Send>
  RawReply answer_when_the_writer_dies(Send send) {
    writer_entered = {};
    std::promise<void> release;
    writer_released = release.get_future().share();
    runtime->audit_reads.set_fault_hook(&hold_then_die);
    auto reply = std::async(std::launch::async, send);
    if (writer_entered.get_future().wait_for(std::chrono::seconds(10)) != std::future_status::ready) {
      ADD_FAILURE() << "the answer never waited on the audit writer";
      release.set_value();
      runtime->audit_reads.set_fault_hook(nullptr);
      return reply.get();
    }
    EXPECT_EQ(reply.wait_for(std::chrono::seconds(0)), std::future_status::timeout)
        << "answered while the writer had not yet committed and synced";
    release.set_value();
    auto r = reply.get();
    runtime->audit_reads.set_fault_hook(nullptr);
    return r;
  }

  Browser practitioner, admin;
  std::string person_id;
};

TEST_F(FailurePaths, an_exception_inside_a_read_fails_one_request_and_the_next_100_are_answered) {
  for (int i = 0; i < kFaults; ++i) {
    reads_to_fail = 1;
    expect_fault_answered(read_person(), "read fault " + std::to_string(i));
  }
  EXPECT_EQ(reads_to_fail.load(), 0);
  expect_next_100_requests_answered();
}

TEST_F(FailurePaths, an_exception_inside_a_write_fails_one_request_and_the_next_100_are_answered) {
  for (int i = 0; i < kFaults; ++i) {
    wait_for_audit_log();  // so the fault lands in the request, not in a move of the audit journal
    writes_to_fail = 1;
    auto r =
        send("POST", "/api/v1/people", practitioner,
             json{{"givenName", "Lost"}, {"familyName", "Write" + std::to_string(i)}, {"dateOfBirth", "1970-01-01"}});
    expect_fault_answered(r, "write fault " + std::to_string(i));
  }
  EXPECT_EQ(writes_to_fail.load(), 0);
  // Nothing of the failed writes was kept.
  auto lost = send("GET", "/api/v1/people?q=Lost", practitioner);
  ASSERT_EQ(lost.status, 200) << lost.body;
  EXPECT_EQ(json::parse(lost.body)["items"].size(), 0u) << lost.body;
  expect_next_100_requests_answered();
}

TEST_F(FailurePaths, an_exception_inside_an_audit_group_fails_its_reads_and_the_next_100_are_answered) {
  auto audited_before = reads_audited();
  for (int i = 0; i < kFaults; ++i) {
    groups_to_fail = 1;
    // What cannot be audited is not shown.
    auto r = read_person();
    expect_fault_answered(r, "audit group fault " + std::to_string(i));
    EXPECT_EQ(r.body.find("Fallow"), std::string::npos) << r.body;
  }
  EXPECT_EQ(groups_to_fail.load(), 0);
  EXPECT_EQ(reads_audited(), audited_before);
  expect_next_100_requests_answered();
}

TEST_F(FailurePaths, a_read_is_not_answered_until_its_audit_event_is_durable) {
  auto audited_before = reads_audited();
  auto r = answer_when_the_writer_dies([&] { return read_person(); });
  expect_fault_answered(r, "the audit writer died before its commit");
  EXPECT_EQ(r.body.find("Fallow"), std::string::npos) << r.body;
  EXPECT_EQ(reads_audited(), audited_before);
  expect_next_100_requests_answered();
}

// Decision 0025: on SQLite a change commits without its own sync, and its answer waits for the
// audit writer's next one. Held there, the client has no answer; when the writer dies before
// syncing, the client is told the change could not be confirmed, never that it was saved.
TEST_F(FailurePaths, a_change_is_not_answered_until_it_is_synced) {
  if (using_postgres()) GTEST_SKIP() << "a PostgreSQL commit is durable when it returns; nothing waits";
  auto r = answer_when_the_writer_dies([&] {
    return send("POST", "/api/v1/people", practitioner,
                json{{"givenName", "Noor"}, {"familyName", "Unsynced"}, {"dateOfBirth", "1984-03-09"}});
  });
  expect_fault_answered(r, "the audit writer died before its sync");
  EXPECT_NE(r.body.find("sync_failed"), std::string::npos) << r.body;
  expect_next_100_requests_answered();
}

// A read whose service commits its own audit event (the audit log's read of itself) commits it
// like a change: on SQLite the answer waits for the sync, and shows nothing if the sync fails.
TEST_F(FailurePaths, a_read_that_audits_in_its_service_is_not_answered_until_synced) {
  if (using_postgres()) GTEST_SKIP() << "a PostgreSQL commit is durable when it returns; nothing waits";
  auto r = answer_when_the_writer_dies([&] { return send("GET", "/api/v1/audit-events", admin); });
  expect_fault_answered(r, "the audit writer died before its sync");
  EXPECT_EQ(r.body.find("\"items\""), std::string::npos) << r.body;
  auto again = send("GET", "/api/v1/audit-events", admin);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_NE(again.body.find("\"items\""), std::string::npos) << again.body;
}

// A search across the organisation hands its audit event to the writer with its answer.
TEST_F(FailurePaths, a_search_is_not_shown_when_it_cannot_be_audited) {
  auto r = answer_when_the_writer_dies([&] { return send("GET", "/api/v1/people/search?q=Fallow", practitioner); });
  expect_fault_answered(r, "the audit writer died before its commit");
  EXPECT_EQ(r.body.find("Fallow"), std::string::npos) << r.body;
  auto again = send("GET", "/api/v1/people/search?q=Fallow", practitioner);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_NE(again.body.find("Fallow"), std::string::npos) << again.body;
}

TEST_F(FailurePaths, an_exception_inside_an_import_fails_that_import_and_the_server_carries_on) {
  auto service = [](const std::string& tail, const std::string& name) {
    return json{{"id", "00000000-0000-4000-8000-" + tail},
                {"name", name},
                {"status", "active"},
                {"description", name + " for people in the area"},
                {"languages", {{{"id", "10000000-0000-4000-8000-" + tail}, {"name", "English"}}}}};
  };
  wait_for_audit_log();  // so the fault lands in the import, not in a move of the audit journal
  writes_to_fail = 1;
  auto started =
      send("POST", "/api/v1/directory/imports", admin, json::array({service("000000000001", "Harbour Clubhouse")}));
  ASSERT_EQ(started.status, 202) << started.body;
  std::string id = json::parse(started.body)["id"];
  runtime->partnerships.directory.wait_for_import(org_id(), id);
  auto failed = send("GET", "/api/v1/directory/imports/" + id, admin);
  ASSERT_EQ(failed.status, 200) << failed.body;
  auto job = json::parse(failed.body);
  EXPECT_EQ(job["state"], "failed") << failed.body;
  EXPECT_FALSE(job["error"]["title"].get<std::string>().empty()) << failed.body;

  // The same file goes in once the fault has passed.
  auto again =
      send("POST", "/api/v1/directory/imports", admin, json::array({service("000000000001", "Harbour Clubhouse")}));
  ASSERT_EQ(again.status, 202) << again.body;
  std::string again_id = json::parse(again.body)["id"];
  runtime->partnerships.directory.wait_for_import(org_id(), again_id);
  auto applied = send("GET", "/api/v1/directory/imports/" + again_id, admin);
  EXPECT_EQ(json::parse(applied.body)["state"], "applied") << applied.body;
  expect_next_100_requests_answered();
}

// Below the HTTP layer: what the pool and the batcher promise, one at a time.

class FailurePathsInStore : public TrellisTest {};

TEST_F(FailurePathsInStore, a_throw_inside_a_write_is_rolled_back_before_its_connection_is_reused) {
  auto now = to_iso(clock.now());
  for (int i = 0; i < kFaults; ++i) {
    EXPECT_THROW((void)db->write([&](store::Conn& c) -> Result<void> {
      TRY_VOID(c.exec("INSERT INTO orgs (org_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
                      {"org-left-open", "Left open", now, now}));
      throw std::runtime_error("injected fault after an insert");
    }),
                 std::runtime_error);
  }
  // Nothing was kept, and no lock was left behind: the same row goes in at once.
  auto started = std::chrono::steady_clock::now();
  auto inserted = db->write([&](store::Conn& c) {
    return c.exec("INSERT INTO orgs (org_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
                  {"org-left-open", "Closed properly", now, now});
  });
  ASSERT_TRUE(inserted.has_value()) << inserted.error().title;
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(1));
  auto name =
      db->read([](store::Conn& c) { return c.query_one("SELECT name FROM orgs WHERE org_id = 'org-left-open'"); });
  ASSERT_TRUE(name.has_value() && name->has_value());
  EXPECT_EQ((**name).text(0), "Closed properly");
}

TEST_F(FailurePathsInStore, a_transaction_waits_a_bounded_time_for_a_connection_then_gets_a_503) {
  const char* pg = std::getenv("TRELLIS_TEST_PG_URL");
  auto url = using_postgres() ? std::string(pg ? pg : "") : db->describe();
  auto small = store::open_database(url, 1, std::chrono::milliseconds(300));
  ASSERT_TRUE(small.has_value());
  auto& one = **small;
  auto outer = one.read([&](store::Conn&) -> Result<void> {
    // The only connection is taken by this very transaction.
    auto started = std::chrono::steady_clock::now();
    auto inner = one.read([](store::Conn& c) { return c.query("SELECT 1"); });
    auto waited = std::chrono::steady_clock::now() - started;
    EXPECT_FALSE(inner.has_value());
    if (!inner) {
      EXPECT_EQ(http_status(inner.error().kind), 503);
      EXPECT_EQ(inner.error().code, "database_busy");
      EXPECT_GT(inner.error().retry_after_seconds, 0);
    }
    EXPECT_GE(waited, std::chrono::milliseconds(300));
    EXPECT_LT(waited, std::chrono::seconds(3));
    return {};
  });
  EXPECT_TRUE(outer.has_value());
  // And once it is given back, the next transaction has it.
  EXPECT_TRUE(one.read([](store::Conn& c) { return c.query("SELECT 1"); }).has_value());
}

// The batcher's hook for the test below: the writer is held inside the first group until three
// more events have arrived, so they form the next group, which then fails.
std::atomic<int> group_writes{0};
std::promise<void> first_group_entered;
std::shared_future<void> first_group_released;
void hold_first_then_fail_second() {
  int n = ++group_writes;
  if (n == 1) {
    first_group_entered.set_value();
    first_group_released.wait();
  }
  if (n == 2) throw std::runtime_error("injected fault inside an audit group");
}

TEST_F(FailurePathsInStore, every_caller_in_a_failed_audit_group_gets_an_error_and_later_appends_work) {
  load_demo();
  auto org = org_id();
  auto& batcher = runtime->audit_reads;
  group_writes = 0;
  first_group_entered = {};
  std::promise<void> release;
  first_group_released = release.get_future().share();
  batcher.set_fault_hook(&hold_first_then_fail_second);
  auto event = [&](const std::string& id) { return access::system_event(org, "test.group", "test", id); };

  std::promise<Result<void>> first;
  batcher.submit(event("first"), clock.now(), [&first](Result<void> r) { first.set_value(std::move(r)); });
  first_group_entered.get_future().wait();
  std::vector<std::promise<Result<void>>> next(3);
  for (std::size_t i = 0; i < next.size(); ++i)
    batcher.submit(event("second-" + std::to_string(i)), clock.now(),
                   [&next, i](Result<void> r) { next[i].set_value(std::move(r)); });
  release.set_value();

  EXPECT_TRUE(first.get_future().get().has_value());
  for (auto& p : next) {
    auto r = p.get_future().get();
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, "audit_failed");
  }

  batcher.set_fault_hook(nullptr);
  EXPECT_TRUE(batcher.append(event("later"), clock.now()).has_value());
  wait_for_audit_log();
  auto ids = db->read([&](store::Conn& c) {
    return c.query("SELECT entity_id FROM audit_events WHERE action = 'test.group' ORDER BY seq", {});
  });
  ASSERT_TRUE(ids.has_value());
  std::vector<std::string> kept;
  for (const auto& row : *ids) kept.push_back(row.text(0));
  EXPECT_EQ(kept, (std::vector<std::string>{"first", "later"}));
}

}  // namespace
}  // namespace trellis::test
