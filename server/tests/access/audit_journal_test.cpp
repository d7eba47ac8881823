// Decision 0031: read events made durable in a journal reach the audit log. What a crash leaves
// in the journal is moved in when it opens again, once, in order, with the chain whole; whoever
// reads the log sees every event handed over before they asked. The "crash" is the database
// refusing the move, which leaves the journal exactly as a crash after its sync would.
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "access/audit.hpp"
#include "access/audit_batcher.hpp"
#include "access/audit_journal.hpp"
#include "support.hpp"

namespace trellis::test {
namespace {

namespace fs = std::filesystem;

Result<void> refuse_writes(store::TxKind kind, store::Conn&) {
  if (kind == store::TxKind::write) return fail(ErrorKind::unavailable, "The disk is full", "", "disk_full");
  return {};
}

class AuditJournalTest : public TrellisTest {
 protected:
  void SetUp() override {
    TrellisTest::SetUp();
    load_demo();
    path = (fs::temp_directory_path() / ("trellis-audit-journal-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name()))
               .string();
    for (const auto& f : access::AuditJournal::files_at(path)) fs::remove(f);
  }
  void TearDown() override {
    db->set_fault_hook(nullptr);
    for (const auto& f : access::AuditJournal::files_at(path)) fs::remove(f);
    TrellisTest::TearDown();
  }
  std::unique_ptr<access::AuditJournal> open() {
    auto j = access::AuditJournal::open(*db, "test", path);
    EXPECT_TRUE(j.has_value()) << (j ? "" : j.error().detail);
    return j ? std::move(*j) : nullptr;
  }
  access::TimedEntries group(std::initializer_list<const char*> ids) {
    access::TimedEntries out;
    for (const auto* id : ids)
      out.emplace_back(access::system_event(org_id(), "test.journaled", "test", id), clock.now());
    return out;
  }
  std::vector<std::string> in_the_log() {
    auto rows = db->read([](store::Conn& c) {
      return c.query("SELECT entity_id FROM audit_events WHERE action = 'test.journaled' ORDER BY seq");
    });
    std::vector<std::string> out;
    for (const auto& r : rows.value()) out.push_back(r.text(0));
    return out;
  }
  std::int64_t moved_through() {
    auto row = db->read([](store::Conn& c) {
      return c.query_one("SELECT moved_through FROM audit_journal_moves WHERE journal = 'test'");
    });
    return row.value() ? (*row)->integer(0) : 0;
  }
  std::string path;
};

TEST_F(AuditJournalTest, events_a_crash_left_in_the_journal_are_moved_in_once_when_it_opens_again) {
  db->set_fault_hook(&refuse_writes);
  {
    auto j = open();
    ASSERT_TRUE(j);
    ASSERT_TRUE(j->write(group({"a1", "a2"})).has_value());
    ASSERT_TRUE(j->write(group({"b1"})).has_value());
    ASSERT_TRUE(j->write(group({"c1", "c2", "c3"})).has_value());
    auto moved = j->move_now();
    ASSERT_FALSE(moved.has_value());
    EXPECT_EQ(moved.error().code, "disk_full");
  }
  db->set_fault_hook(nullptr);
  EXPECT_TRUE(in_the_log().empty());

  const std::vector<std::string> all{"a1", "a2", "b1", "c1", "c2", "c3"};
  open();  // moves in what it holds, and stops again
  EXPECT_EQ(in_the_log(), all);
  EXPECT_EQ(moved_through(), 3);
  auto chain = access::verify_audit_chain(*db);
  ASSERT_TRUE(chain.has_value());
  for (const auto& check : *chain) EXPECT_TRUE(check.ok) << check.reason;

  // The records are still in the file; opening again moves none of them twice, and what comes
  // next is numbered on from them.
  auto j = open();
  EXPECT_EQ(in_the_log(), all);
  ASSERT_TRUE(j->write(group({"d1"})).has_value());
  ASSERT_TRUE(j->move_now().has_value());
  EXPECT_EQ(in_the_log().back(), "d1");
  EXPECT_EQ(in_the_log().size(), 7u);
  EXPECT_EQ(moved_through(), 4);
}

// A database put in place by copying files, beside a journal of the one it replaced: the
// journal's events are neither moved into a log they do not continue nor written over.
TEST_F(AuditJournalTest, a_journal_that_does_not_continue_this_database_is_refused) {
  {
    auto j = open();
    ASSERT_TRUE(j->write(group({"moved"})).has_value());
    ASSERT_TRUE(j->move_now().has_value());
    db->set_fault_hook(&refuse_writes);
    ASSERT_TRUE(j->write(group({"never moved"})).has_value());
    EXPECT_FALSE(j->move_now().has_value());
  }
  db->set_fault_hook(nullptr);
  // The copy put in place knows nothing of this journal's first record.
  ASSERT_TRUE(
      db->write([](store::Conn& c) { return c.exec("DELETE FROM audit_journal_moves WHERE journal = 'test'"); }));
  auto refused = access::AuditJournal::open(*db, "test", path);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, "journal_mismatch");
  EXPECT_EQ(in_the_log(), std::vector<std::string>{"moved"});
}

// A move committed but not synced is synced again, never committed again: the log would hold
// its events twice, each chained and so beyond the chain's check.
TEST_F(AuditJournalTest, a_move_whose_sync_failed_is_synced_again_not_moved_twice) {
  SyncWatchedDb failing(*db);
  auto opened = access::AuditJournal::open(failing, "test", path);
  ASSERT_TRUE(opened.has_value());
  auto& j = **opened;
  failing.fail_next = true;
  ASSERT_TRUE(j.write(group({"once"})).has_value());
  auto first = j.move_now();
  ASSERT_FALSE(first.has_value());
  EXPECT_EQ(first.error().code, "sync_failed");
  ASSERT_TRUE(j.move_now().has_value());
  ASSERT_TRUE(j.write(group({"after"})).has_value());
  ASSERT_TRUE(j.move_now().has_value());
  EXPECT_EQ(in_the_log(), (std::vector<std::string>{"once", "after"}));
}

TEST_F(AuditJournalTest, what_cannot_be_moved_waits_and_goes_in_with_the_next_move) {
  auto j = open();
  db->set_fault_hook(&refuse_writes);
  ASSERT_TRUE(j->write(group({"first"})).has_value());
  EXPECT_FALSE(j->move_now().has_value());
  db->set_fault_hook(nullptr);
  ASSERT_TRUE(j->write(group({"second"})).has_value());
  ASSERT_TRUE(j->move_now().has_value());
  EXPECT_EQ(in_the_log(), (std::vector<std::string>{"first", "second"}));
}

// Under steady load something written is always waiting to move, so neither file can start again
// while it is written; the two take turns instead, and neither grows with what passes through.
TEST_F(AuditJournalTest, under_steady_load_the_two_files_take_turns_and_stay_small) {
  constexpr int kRecords = 600;
  const std::string detail(20'000, 'x');  // 12 MB in all
  std::vector<std::string> ids;
  {
    auto j = open();
    std::atomic<bool> writing{true};
    std::thread mover_asker([&] {
      while (writing) ASSERT_TRUE(j->move_now().has_value());
    });
    for (int i = 0; i < kRecords; ++i) {
      ids.push_back("r" + std::to_string(i));
      auto g = group({ids.back().c_str()});
      g.front().first.detail = detail;
      ASSERT_TRUE(j->write(g).has_value());
    }
    writing = false;
    mover_asker.join();
    // Written in one file, it would all be there. Taking turns, each holds what was written while
    // the other's last records were being moved: how much depends on the build's speed.
    for (const auto& f : access::AuditJournal::files_at(path))
      EXPECT_LT(fs::file_size(f), kRecords * detail.size() * 3 / 4) << f;
  }
  EXPECT_EQ(in_the_log(), ids);
  open();
  EXPECT_EQ(in_the_log(), ids);  // nothing moved twice when opened again
  auto chain = access::verify_audit_chain(*db);
  for (const auto& check : chain.value()) EXPECT_TRUE(check.ok) << check.reason;
}

// Serving SQLite, the server's audit writer holds the journal beside the database.
TEST_F(AuditJournalTest, a_second_server_on_the_same_database_does_not_start) {
  if (using_postgres()) GTEST_SKIP() << "PostgreSQL keeps no journal; many servers may share it";
  ASSERT_TRUE(db->journal_path("audit").has_value());
  for (const auto& f : access::AuditJournal::files_at(*db->journal_path("audit"))) EXPECT_TRUE(fs::exists(f)) << f;
  EXPECT_THROW(access::AuditBatcher second(*db), std::runtime_error);
}

TEST_F(AuditJournalTest, the_audit_log_shows_a_read_made_just_before_it_is_asked_for) {
  auto practitioner = sign_in("practitioner@demo.example");
  auto admin = sign_in("administrator@demo.example");
  auto person_id = add_person(practitioner, "Rua", "Journal", "1991-04-05");
  ASSERT_EQ(call("GET", "/api/v1/people/" + person_id, &practitioner).status, 200);
  auto log = call("GET", "/api/v1/audit-events?action=person.read", &admin);
  ASSERT_EQ(log.status, 200) << log.raw.body;
  bool shown = false;
  for (const auto& e : log.body["items"]) shown = shown || e.value("personId", "") == person_id;
  EXPECT_TRUE(shown) << log.raw.body;
}

}  // namespace
}  // namespace trellis::test
