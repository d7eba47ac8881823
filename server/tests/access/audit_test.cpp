#include <algorithm>
#include <atomic>
#include <random>
#include <thread>

#include "access/audit.hpp"
#include "access/audit_batcher.hpp"
#include "support.hpp"

namespace trellis::test {
namespace {

class AuditLog : public TrellisTest {
 protected:
  void SetUp() override {
    TrellisTest::SetUp();
    load_demo();
    admin = sign_in("administrator@demo.example");
    for (int i = 0; i < 5; ++i)
      call("POST", "/api/v1/teams", &admin, nlohmann::json{{"name", "Team " + std::to_string(i)}});
  }
  std::vector<access::ChainCheck> verify() { return *access::verify_audit_chain(*db); }
  Browser admin;
};

TEST_F(AuditLog, changes_are_recorded_with_who_what_and_the_request_id) {
  auto r = call("POST", "/api/v1/teams", &admin, nlohmann::json{{"name", "Carers' group"}},
                {{"x-request-id", "req-1234567890"}});
  ASSERT_EQ(r.status, 201);
  auto rows = db->read([&](store::Conn& c) {
    return c.query_one(
        "SELECT actor_id, actor_role, action, entity_type, entity_id, outcome, request_id FROM audit_events"
        " WHERE entity_id = ?",
        {r.body["id"].get<std::string>()});
  });
  ASSERT_TRUE(rows->has_value());
  auto& row = **rows;
  EXPECT_EQ(row.text(0), user_id("administrator@demo.example"));
  EXPECT_EQ(row.text(1), "administrator");
  EXPECT_EQ(row.text(2), "team.create");
  EXPECT_EQ(row.text(3), "team");
  EXPECT_EQ(row.text(5), "success");
  EXPECT_EQ(row.text(6), "req-1234567890");
}

TEST_F(AuditLog, an_intact_chain_verifies) {
  auto checks = verify();
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_TRUE(checks[0].ok) << checks[0].reason;
  EXPECT_GE(checks[0].events_checked, 7);
}

TEST_F(AuditLog, an_edited_event_is_the_first_broken_link) {
  (void)db->write(
      [](store::Conn& c) { return c.exec("UPDATE audit_events SET detail = 'nothing to see' WHERE seq = 3"); });
  auto checks = verify();
  EXPECT_FALSE(checks[0].ok);
  EXPECT_EQ(checks[0].first_broken_seq, 3);
  EXPECT_NE(checks[0].reason.find("changed"), std::string::npos);
}

TEST_F(AuditLog, a_removed_event_is_found) {
  (void)db->write([](store::Conn& c) { return c.exec("DELETE FROM audit_events WHERE seq = 4"); });
  auto checks = verify();
  EXPECT_FALSE(checks[0].ok);
  EXPECT_EQ(checks[0].first_broken_seq, 4);
}

TEST_F(AuditLog, removing_the_newest_events_is_found) {
  (void)db->write([](store::Conn& c) {
    return c.exec("DELETE FROM audit_events WHERE seq = (SELECT MAX(seq) FROM audit_events)");
  });
  auto checks = verify();
  EXPECT_FALSE(checks[0].ok);
}

TEST_F(AuditLog, a_rewritten_event_with_a_recomputed_hash_breaks_the_next_link) {
  (void)db->write([](store::Conn& c) {
    return c.exec("UPDATE audit_events SET hash = '" + std::string(64, 'a') + "' WHERE seq = 2");
  });
  auto checks = verify();
  EXPECT_FALSE(checks[0].ok);
  EXPECT_EQ(checks[0].first_broken_seq, 2);
}

TEST_F(AuditLog, administrators_browse_newest_first_with_filters_and_cursor) {
  auto page1 = call("GET", "/api/v1/audit-events?limit=3&action=team", &admin);
  ASSERT_EQ(page1.status, 200) << page1.raw.body;
  ASSERT_EQ(page1.body["items"].size(), 3u);
  EXPECT_EQ(page1.body["items"][0]["action"], "team.create");
  EXPECT_GT(page1.body["items"][0]["seq"].get<int>(), page1.body["items"][1]["seq"].get<int>());
  auto cursor = page1.body["nextCursor"].get<std::string>();
  auto page2 = call("GET", "/api/v1/audit-events?limit=3&action=team&cursor=" + cursor, &admin);
  ASSERT_EQ(page2.body["items"].size(), 2u);
  EXPECT_TRUE(page2.body["nextCursor"].is_null());
  EXPECT_LT(page2.body["items"][0]["seq"].get<int>(), page1.body["items"][2]["seq"].get<int>());
}

TEST_F(AuditLog, reading_the_audit_log_is_itself_audited) {
  call("GET", "/api/v1/audit-events", &admin);
  auto r = call("GET", "/api/v1/audit-events?action=audit.read", &admin);
  EXPECT_GE(r.body["items"].size(), 1u);
}

TEST_F(AuditLog, a_bad_filter_is_a_400_naming_it) {
  auto r = call("GET", "/api/v1/audit-events?from=yesterday", &admin);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body["errors"][0]["field"], "from");
  EXPECT_EQ(call("GET", "/api/v1/audit-events?cursor=%%%", &admin).status, 400);
}

TEST_F(AuditLog, concurrent_writers_never_fork_the_chain) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i)
        call("POST", "/api/v1/teams", &admin,
             nlohmann::json{{"name", "T" + std::to_string(t) + "-" + std::to_string(i)}});
    });
  for (auto& th : threads) th.join();
  auto checks = verify();
  EXPECT_TRUE(checks[0].ok) << checks[0].reason;
  auto n = db->read([](store::Conn& c) { return c.query_one("SELECT COUNT(*) FROM teams"); });
  EXPECT_EQ((*n)->integer(0), 3 + 5 + 40);
}

TEST_F(AuditLog, reads_audited_in_groups_are_each_committed_once_and_the_chain_holds) {
  auto before = db->read([](store::Conn& c) { return c.query_one("SELECT COUNT(*) FROM audit_events"); });
  auto& batcher = runtime->audit_reads;
  std::vector<std::thread> threads;
  std::atomic<int> failed{0};
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        access::AuditEntry e;
        e.org_id = org_id();
        e.action = "person.read";
        e.entity_type = "profile";
        e.entity_id = "p-" + std::to_string(t) + "-" + std::to_string(i);
        if (!batcher.append(e, clock.now())) ++failed;
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(failed.load(), 0);
  wait_for_audit_log();
  auto after = db->read([](store::Conn& c) {
    return c.query_one("SELECT COUNT(*), COUNT(DISTINCT entity_id) FROM audit_events WHERE action = 'person.read'");
  });
  EXPECT_EQ((*after)->integer(0), 200);
  EXPECT_EQ((*after)->integer(1), 200);
  EXPECT_GT((*before)->integer(0), 0);
  auto checks = verify();
  EXPECT_TRUE(checks[0].ok) << checks[0].reason;
}

// One append of more events than one INSERT holds (16), for organisations taking turns
// (A, B, A, …), one of them new: each organisation's chain counts on from where it was and links.
TEST_F(AuditLog, a_long_append_across_organisations_keeps_each_chain_whole) {
  std::vector<std::pair<access::AuditEntry, TimePoint>> events;
  for (int i = 0; i < 40; ++i) {
    auto e = access::system_event(i % 3 == 1 ? "org-audit-second" : org_id(), "person.read", "profile",
                                  "p-" + std::to_string(i));
    events.emplace_back(std::move(e), clock.now());
  }
  ASSERT_TRUE(db->write([&](store::Conn& c) { return access::append_audit(c, events); }));
  ASSERT_TRUE(db->write([&](store::Conn& c) { return access::append_audit(c, events); }));
  auto checks = verify();
  ASSERT_EQ(checks.size(), 2u);
  for (const auto& check : checks) EXPECT_TRUE(check.ok) << check.org_id << ": " << check.reason;
  auto second =
      std::find_if(checks.begin(), checks.end(), [](const auto& c) { return c.org_id == "org-audit-second"; });
  ASSERT_NE(second, checks.end());
  EXPECT_EQ(second->events_checked, 26);  // 13 of each 40, twice
}

}  // namespace
}  // namespace trellis::test

namespace trellis::test {
namespace {

class AuditExport : public TrellisTest {};

TEST_F(AuditExport, administrators_download_csv_and_the_download_is_audited) {
  load_demo();
  auto admin = sign_in("administrator@demo.example");
  call("POST", "/api/v1/teams", &admin, nlohmann::json{{"name", "=HYPERLINK(\"x\")"}});
  auto r = call("GET", "/api/v1/audit-events/export?action=team", &admin);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.raw.content_type, "text/csv; charset=utf-8");
  EXPECT_TRUE(r.raw.body.starts_with("seq,at,actor_id"));
  EXPECT_NE(r.raw.body.find("\"team.create\""), std::string::npos);
  EXPECT_NE(r.raw.body.find("\"Alex Morgan\""), std::string::npos);
  auto logged = call("GET", "/api/v1/audit-events?action=audit.export", &admin);
  ASSERT_EQ(logged.body["items"].size(), 1u);
  EXPECT_EQ(logged.body["items"][0]["detail"], "1 events");
}

}  // namespace
}  // namespace trellis::test

namespace trellis::test {
namespace {

// Issue 9: the hash must cover who acted, or a rewritten actor would pass verification.
TEST_F(AuditLog, a_rewritten_actor_is_a_broken_link) {
  auto someone = user_id("practitioner@demo.example");
  (void)db->write(
      [&](store::Conn& c) { return c.exec("UPDATE audit_events SET actor_id = ? WHERE seq = 3", {someone}); });
  auto checks = verify();
  EXPECT_FALSE(checks[0].ok);
  EXPECT_EQ(checks[0].first_broken_seq, 3);
}

TEST_F(AuditLog, a_rewritten_person_or_outcome_is_a_broken_link) {
  (void)db->write([&](store::Conn& c) { return c.exec("UPDATE audit_events SET outcome = 'denied' WHERE seq = 4"); });
  auto checks = verify();
  EXPECT_FALSE(checks[0].ok);
  EXPECT_EQ(checks[0].first_broken_seq, 4);
}

// Every chain ever written was hashed over nlohmann/json's dump() of the event's fields; the text
// written without it must be the same bytes, or old logs would no longer verify.
nlohmann::json fields_as_nlohmann_wrote_them(const access::AuditEvent& e) {
  return {e.org_id,
          e.seq,
          e.id,
          e.at,
          e.actor_id.value_or(""),
          e.actor_role.value_or(""),
          e.action,
          e.entity_type,
          e.entity_id,
          e.person_id.value_or(""),
          e.outcome,
          e.request_id,
          e.client_address,
          e.detail,
          e.prev_hash};
}

TEST(AuditLinkText, is_byte_for_byte_what_the_chain_was_first_hashed_over) {
  access::AuditEvent e;
  e.org_id = "org-1";
  e.seq = 9'007'199'254'740'993;
  e.id = "0f3c";
  e.at = "2026-12-08T00:00:00.000Z";
  e.action = "person.read";
  e.outcome = "success";
  e.prev_hash = std::string(64, '0');
  EXPECT_EQ(access::audit_link_text(e), fields_as_nlohmann_wrote_them(e).dump());
  e.actor_id = "u-1";
  e.person_id = "";
  // Every ASCII byte, the control characters and the quote and backslash among them.
  for (int ch = 0; ch < 0x80; ++ch) e.detail += static_cast<char>(ch);
  e.client_address = "\"quoted\" \\ back\\slash / slash";
  EXPECT_EQ(access::audit_link_text(e), fields_as_nlohmann_wrote_them(e).dump());
  // Random ASCII text in every field.
  std::mt19937 random(20261208);
  std::uniform_int_distribution<int> byte(0, 0x7f), length(0, 40);
  auto text = [&] {
    std::string out(static_cast<std::size_t>(length(random)), ' ');
    for (auto& ch : out) ch = static_cast<char>(byte(random));
    return out;
  };
  for (int i = 0; i < 500; ++i) {
    for (auto* field : {&e.org_id, &e.id, &e.at, &e.action, &e.entity_type, &e.entity_id, &e.outcome, &e.request_id,
                        &e.client_address, &e.detail, &e.prev_hash})
      *field = text();
    e.actor_role = text();
    ASSERT_EQ(access::audit_link_text(e), fields_as_nlohmann_wrote_them(e).dump()) << i;
  }
  // Text beyond ASCII, as UTF-8 (a name, an emoji) and as bytes that are not UTF-8.
  e.detail = "Zoë Ngā \xF0\x9F\x8C\xB1 café";
  EXPECT_EQ(access::audit_link_text(e), fields_as_nlohmann_wrote_them(e).dump());
  e.detail = "broken \xC3";
  EXPECT_THROW(access::audit_link_text(e), nlohmann::json::exception);
}

}  // namespace
}  // namespace trellis::test
