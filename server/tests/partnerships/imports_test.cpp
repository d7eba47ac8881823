// Import jobs run on their own thread: whatever happens there ends as the job's state, never as
// the end of the server.
#include <stdexcept>

#include "partnerships/directory/imports.hpp"
#include "support.hpp"

namespace trellis::test {
namespace {

using partnerships::ImportJobs;
using partnerships::ImportReport;

TEST(ImportJobs, an_exception_in_the_work_fails_the_job_with_a_plain_message_and_the_next_import_runs) {
  ManualClock clock{TimePoint(std::chrono::milliseconds(1'795'000'000'000))};
  ImportJobs jobs(clock);
  auto started = jobs.start("org", "user", 3, [](const ImportJobs::Progress& progress) -> Result<ImportReport> {
    progress(1, 3);
    throw std::runtime_error("the disk caught fire");
  });
  ASSERT_TRUE(started.has_value());
  auto failed = jobs.wait("org", started->id);
  ASSERT_TRUE(failed.has_value());
  EXPECT_EQ(failed->state, "failed");
  ASSERT_TRUE(failed->error.has_value());
  EXPECT_EQ(failed->error->code, "import_crashed");
  EXPECT_EQ(failed->error->detail.find("disk"), std::string::npos) << "the exception's text stays in the log";

  // The organisation is not left with an import "still running".
  auto next = jobs.start("org", "user", 1, [](const ImportJobs::Progress&) -> Result<ImportReport> {
    return ImportReport{1, 0, 0, {}};
  });
  ASSERT_TRUE(next.has_value()) << next.error().title;
  auto applied = jobs.wait("org", next->id);
  ASSERT_TRUE(applied.has_value());
  EXPECT_EQ(applied->state, "applied");
  EXPECT_EQ(applied->report.added, 1u);
}

}  // namespace
}  // namespace trellis::test
