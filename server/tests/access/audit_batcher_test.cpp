// The audit writer's promise to the answers it holds (decisions 0024, 0025): each goes only after
// a sync that began after it was handed over, and a sync that fails fails them — a held change as
// not confirmed, a held read as not audited. The database is the real one, wrapped to count its
// syncs and to make one fail.
#include <atomic>
#include <future>

#include "access/audit_batcher.hpp"
#include "support.hpp"

namespace trellis::test {
namespace {

class AuditWriter : public TrellisTest {
 protected:
  void SetUp() override {
    TrellisTest::SetUp();
    load_demo();
  }
  access::AuditEntry event(const std::string& id) { return access::system_event(org_id(), "test.held", "test", id); }
  // How many syncs had been done when the answer was released, and what it was released with.
  struct Released {
    int syncs_before;
    Result<void> outcome;
  };
  std::future<Released> held_write(access::AuditBatcher& batcher, SyncWatchedDb& counted) {
    auto p = std::make_shared<std::promise<Released>>();
    batcher.after_sync([p, &counted](Result<void> r) { p->set_value({counted.syncs.load(), std::move(r)}); });
    return p->get_future();
  }
  std::future<Released> held_read(access::AuditBatcher& batcher, SyncWatchedDb& counted, const std::string& id) {
    auto p = std::make_shared<std::promise<Released>>();
    batcher.submit(event(id), clock.now(), [p, &counted](Result<void> r) {
      p->set_value({counted.syncs.load(), std::move(r)});
    });
    return p->get_future();
  }
};

TEST_F(AuditWriter, a_held_answer_goes_only_after_a_sync_that_began_after_it_was_handed_over) {
  SyncWatchedDb counted(*db);
  access::AuditBatcher batcher(counted);
  for (int i = 0; i < 5; ++i) {
    int before = counted.syncs.load();
    auto write = held_write(batcher, counted).get();
    EXPECT_TRUE(write.outcome.has_value());
    EXPECT_GT(write.syncs_before, before) << "a change's answer went before any sync after it";
    before = counted.syncs.load();
    auto read = held_read(batcher, counted, "r" + std::to_string(i)).get();
    EXPECT_TRUE(read.outcome.has_value());
    EXPECT_GT(read.syncs_before, before) << "a read's answer went before its event was synced";
  }
}

TEST_F(AuditWriter, a_failed_sync_fails_a_held_change_as_unconfirmed_and_a_held_read_as_unaudited) {
  SyncWatchedDb counted(*db);
  access::AuditBatcher batcher(counted);
  counted.fail_next = true;
  auto write = held_write(batcher, counted).get();
  ASSERT_FALSE(write.outcome.has_value());
  EXPECT_EQ(write.outcome.error().code, "sync_failed");
  EXPECT_EQ(http_status(write.outcome.error().kind), 500);

  counted.fail_next = true;
  auto read = held_read(batcher, counted, "unsynced").get();
  ASSERT_FALSE(read.outcome.has_value());
  EXPECT_EQ(read.outcome.error().code, "audit_failed");

  // The writer goes on: the next of each is released as before.
  EXPECT_TRUE(held_write(batcher, counted).get().outcome.has_value());
  EXPECT_TRUE(held_read(batcher, counted, "later").get().outcome.has_value());
}

}  // namespace
}  // namespace trellis::test
