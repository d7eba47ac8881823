// Decision 0025: serving, SQLite commits without their own sync and sync_committed() syncs the
// WAL — the one SQLite itself writes, found beside the real file when the path is a link. With no
// WAL to sync it refuses rather than report the changes saved.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "support.hpp"

namespace trellis::test {
namespace {

namespace fs = std::filesystem;

class ServingSqlite : public ::testing::Test {
 protected:
  void SetUp() override {
    if (using_postgres()) GTEST_SKIP() << "PostgreSQL's commits sync themselves; sync_committed() does nothing";
    dir = fs::temp_directory_path() / ("trellis-serving-" + std::to_string(::getpid()) + "-" +
                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  void TearDown() override {
    if (!dir.empty()) fs::remove_all(dir);
  }
  std::unique_ptr<store::Db> open(const fs::path& path, store::OpenMode mode = store::OpenMode::serving) {
    auto db = store::open_database("sqlite:" + path.string(), 2, store::kDefaultConnectionWait, mode);
    EXPECT_TRUE(db.has_value());
    return db ? std::move(*db) : nullptr;
  }
  static Result<int64_t> write_one(store::Db& db) {
    return db.write([](store::Conn& c) -> Result<int64_t> {
      TRY_VOID(c.exec_script("CREATE TABLE IF NOT EXISTS t (x INTEGER)"));
      return c.exec("INSERT INTO t (x) VALUES (?)", {1});
    });
  }
  fs::path dir;
};

TEST_F(ServingSqlite, syncs_the_wal_and_refuses_when_there_is_none) {
  auto db = open(dir / "trellis.db");
  ASSERT_TRUE(db);
  EXPECT_TRUE(db->commits_wait_for_sync_committed());
  ASSERT_TRUE(write_one(*db).has_value());
  EXPECT_TRUE(db->sync_committed().has_value());
  // With nothing committed since, there is nothing to sync, and no sync is tried.
  fs::remove(dir / "trellis.db-wal");
  EXPECT_TRUE(db->sync_committed().has_value());
  ASSERT_TRUE(write_one(*db).has_value());
  auto gone = db->sync_committed();
  ASSERT_FALSE(gone.has_value());
  EXPECT_EQ(gone.error().code, "sync_failed");
}

TEST_F(ServingSqlite, through_a_symbolic_link_it_syncs_the_wal_beside_the_real_file) {
  fs::create_directories(dir / "real");
  fs::create_symlink(dir / "real" / "trellis.db", dir / "link.db");
  auto db = open(dir / "link.db");
  ASSERT_TRUE(db);
  ASSERT_TRUE(write_one(*db).has_value());
  EXPECT_TRUE(fs::exists(dir / "real" / "trellis.db-wal"));
  EXPECT_TRUE(db->sync_committed().has_value());
  fs::remove(dir / "real" / "trellis.db-wal");
  ASSERT_TRUE(write_one(*db).has_value());
  EXPECT_FALSE(db->sync_committed().has_value()) << "it was not watching the WAL SQLite writes";
}

TEST_F(ServingSqlite, every_other_command_syncs_each_commit_and_has_nothing_to_wait_for) {
  auto db = open(dir / "trellis.db", store::OpenMode::read_write);
  ASSERT_TRUE(db);
  EXPECT_FALSE(db->commits_wait_for_sync_committed());
  ASSERT_TRUE(write_one(*db).has_value());
  EXPECT_TRUE(db->sync_committed().has_value());
}

// Serving, the log is copied back into the database by the checkpointer's own thread (SQLite's
// automatic checkpoint, which would run inside a commit, is replaced): after some thousands of
// pages are written, the database file itself grows while the server goes on serving.
TEST_F(ServingSqlite, the_log_is_copied_back_into_the_database_while_serving) {
  auto db = open(dir / "trellis.db");
  ASSERT_TRUE(db);
  ASSERT_TRUE(write_one(*db).has_value());
  auto before = fs::file_size(dir / "trellis.db");
  const std::string page_of_text(4000, 'x');
  for (int i = 0; i < 3000; ++i) {
    auto r = db->write([&](store::Conn& c) -> Result<void> {
      TRY_VOID(c.exec_script("CREATE TABLE IF NOT EXISTS pages (text TEXT)"));
      TRY(c.exec("INSERT INTO pages (text) VALUES (?)", {page_of_text}));
      return {};
    });
    ASSERT_TRUE(r.has_value()) << r.error().detail;
  }
  // The checkpointer works beside the writers; give it a bounded while to catch up.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (fs::file_size(dir / "trellis.db") < before + 4'000'000 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_GE(fs::file_size(dir / "trellis.db"), before + 4'000'000) << "nothing was copied back from the log";
}

// Under steady reads the log is started again, not grown for as long as the load lasts: with a
// reader always inside a transaction a passive checkpoint never copies all of it back, and the
// log grew by every page written (1.7 GB in 16 s of check-ins, issue 11).
TEST_F(ServingSqlite, under_steady_reads_the_log_starts_again_instead_of_growing) {
  auto db = store::open_database("sqlite:" + (dir / "trellis.db").string(), 4, store::kDefaultConnectionWait,
                                 store::OpenMode::serving);
  ASSERT_TRUE(db.has_value());
  ASSERT_TRUE((*db)->write([](store::Conn& c) { return c.exec_script("CREATE TABLE pages (text TEXT)"); }));
  std::atomic<bool> writing{true};
  // Two readers, each holding its snapshot across many statements, so one is nearly always open.
  auto reader = [&] {
    while (writing)
      (void)(*db)->read([](store::Conn& c) -> Result<void> {
        for (int i = 0; i < 50; ++i) TRY(c.query_one("SELECT max(rowid) FROM pages"));
        return {};
      });
  };
  std::thread a(reader), b(reader);
  const std::string pages_of_text(16'000, 'x');  // four pages a commit: fewer commits, the same log
  std::uintmax_t largest = 0;
  for (int i = 0; i < 10'000; ++i) {
    auto r =
        (*db)->write([&](store::Conn& c) { return c.exec("INSERT INTO pages (text) VALUES (?)", {pages_of_text}); });
    ASSERT_TRUE(r.has_value()) << r.error().detail;
    if (i % 250 == 0) largest = std::max(largest, fs::file_size(dir / "trellis.db-wal"));
  }
  writing = false;
  a.join();
  b.join();
  // 10,000 commits of four pages or more each: 160 MB and up had the log never started again.
  EXPECT_LT(largest, 100'000'000u) << "the log grew with the load";
}

}  // namespace
}  // namespace trellis::test
