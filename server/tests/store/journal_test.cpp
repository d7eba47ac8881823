// The journal's promise (decision 0031): what was written is read back whole and in order after
// a crash; a record cut short, or one left from before the journal started again, is not read;
// and one process at a time holds it. The file is real; a crash is its bytes as one leaves them.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "store/journal.hpp"
#include "support.hpp"

namespace trellis::test {
namespace {

namespace fs = std::filesystem;

class JournalFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("trellis-journal-" + std::to_string(::getpid()) + "-" +
                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
    path = (dir / "trellis.db-audit").string();
  }
  void TearDown() override { fs::remove_all(dir); }

  store::Journal open() {
    auto j = store::Journal::open(path);
    EXPECT_TRUE(j.has_value()) << (j ? "" : j.error().detail);
    return std::move(*j);
  }
  static std::vector<std::string> bodies(const std::vector<store::Journal::Record>& records) {
    std::vector<std::string> out;
    for (const auto& r : records) out.push_back(std::to_string(r.seq) + ":" + r.body);
    return out;
  }
  fs::path dir;
  std::string path;
};

TEST_F(JournalFile, what_was_written_is_read_back_in_order_after_it_is_opened_again) {
  {
    auto j = open();
    ASSERT_TRUE(j.read().value().empty());
    ASSERT_TRUE(j.write(1, "first").has_value());
    ASSERT_TRUE(j.write(2, "").has_value());
    ASSERT_TRUE(j.write(3, std::string(100'000, 'x')).has_value());
  }
  auto j = open();
  auto records = j.read().value();
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(bodies(records)[0], "1:first");
  EXPECT_EQ(bodies(records)[1], "2:");
  EXPECT_EQ(records[2].body.size(), 100'000u);
  // The next record goes after the last one read.
  ASSERT_TRUE(j.write(4, "fourth").has_value());
  EXPECT_EQ(bodies(j.read().value()).back(), "4:fourth");
}

TEST_F(JournalFile, a_record_cut_short_by_a_crash_ends_what_is_read_and_is_written_over) {
  {
    auto j = open();
    ASSERT_TRUE(j.write(1, "kept").has_value());
    ASSERT_TRUE(j.write(2, "cut short by the crash").has_value());
  }
  fs::resize_file(path, fs::file_size(path) - 5);
  auto j = open();
  EXPECT_EQ(bodies(j.read().value()), std::vector<std::string>{"1:kept"});
  ASSERT_TRUE(j.write(2, "again").has_value());
  EXPECT_EQ(bodies(j.read().value()), (std::vector<std::string>{"1:kept", "2:again"}));
}

TEST_F(JournalFile, a_changed_byte_ends_what_is_read) {
  {
    auto j = open();
    ASSERT_TRUE(j.write(1, "kept").has_value());
    ASSERT_TRUE(j.write(2, "damaged").has_value());
    ASSERT_TRUE(j.write(3, "after the damage").has_value());
  }
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(16 + 4 + 16 + 2);  // inside the second record's body
    f.put('#');
  }
  EXPECT_EQ(bodies(open().read().value()), std::vector<std::string>{"1:kept"});
}

TEST_F(JournalFile, after_starting_again_records_left_from_before_are_not_read) {
  auto j = open();
  for (std::uint64_t seq = 1; seq <= 5; ++seq)
    ASSERT_TRUE(j.write(seq, "old record " + std::to_string(seq)).has_value());
  j.start_again();
  ASSERT_TRUE(j.write(6, "new record 6").has_value());  // as long as old record 1: 2 follows it whole
  EXPECT_EQ(bodies(j.read().value()), std::vector<std::string>{"6:new record 6"});
  j.start_again();
  // A crash right after starting again, before anything new: what is read is all from before,
  // numbered as it was, and the journal's reader knows it was all moved already.
  EXPECT_EQ(j.read().value().front().seq, 6u);
}

TEST_F(JournalFile, one_process_at_a_time_holds_it) {
  auto first = open();
  auto second = store::Journal::open(path);
  ASSERT_FALSE(second.has_value());
  EXPECT_EQ(second.error().code, "journal_in_use");
}

}  // namespace
}  // namespace trellis::test
