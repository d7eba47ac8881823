// The trellis program itself: options on either side of the subcommand, read-only commands that
// leave the schema alone, and a start refused when an applied migration changed.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "cli/run_binary.hpp"
#include "real_server.hpp"
#include "support.hpp"

namespace trellis::test {
namespace {

// An address for a database with nothing in it yet: a new SQLite file, or the test's
// PostgreSQL database emptied.
std::string empty_database() {
  if (using_postgres()) {
    auto db = fresh_db();
    auto wiped = db->write(
        [](store::Conn& c) { return c.exec_script("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"); });
    if (!wiped) throw std::runtime_error("cannot empty the test database");
    return database_url(*db);
  }
  auto path = std::filesystem::temp_directory_path() /
              ("trellis-cli-" + std::to_string(::getpid()) + "-" +
               std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) + ".db");
  return "sqlite:" + path.string();
}

Result<std::int64_t> migrations_recorded(const std::string& url) {
  auto db = TRY(store::open_database(url, 1));
  auto row = TRY(db->read([](store::Conn& c) { return c.query_one("SELECT COUNT(*) FROM schema_migrations"); }));
  return (*row).integer(0);
}

TEST(Commands, global_options_are_taken_after_the_subcommand) {
  auto url = empty_database();
  auto ran = run_trellis({"migrate", "--db", url, "--log-level", "warn"});
  ASSERT_EQ(ran.exit_code, 0) << ran.output;
  // The database named after the subcommand is the one migrated (not the default var/trellis.db).
  auto n = migrations_recorded(url);
  ASSERT_TRUE(n.has_value()) << n.error().title;
  EXPECT_GT(*n, 0);

  auto before = run_trellis({"--db", url, "--log-level", "warn", "migrate"});
  EXPECT_EQ(before.exit_code, 0) << before.output;
  auto nested = run_trellis({"audit", "verify", "--db", url});
  EXPECT_EQ(nested.exit_code, 0) << nested.output;
}

TEST(Commands, an_option_nobody_takes_is_still_refused) {
  auto ran = run_trellis({"migrate", "--no-such-option"});
  EXPECT_NE(ran.exit_code, 0);
  EXPECT_NE(ran.output.find("--no-such-option"), std::string::npos) << ran.output;
}

// The README's own line: ./trellis serve --db sqlite:PATH --port N
TEST(Commands, serve_takes_the_database_after_the_subcommand) {
  auto url = empty_database();
  auto port = free_port();
  auto web = std::filesystem::temp_directory_path() / ("trellis-cli-web-" + std::to_string(::getpid()));
  std::filesystem::create_directories(web);
  std::ofstream(web / "index.html") << "<!doctype html><title>Trellis</title>";
  auto pid = start_trellis(
      {"serve", "--db", url, "--port", std::to_string(port), "--web-root", web.string(), "--log-level", "warn"});
  int status = 0;
  for (int i = 0; i < 200 && status != 200; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    auto r = send_raw(port, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    if (r) status = r->status;
  }
  EXPECT_EQ(status, 200);
  EXPECT_EQ(stop_trellis(pid), 0);  // SIGTERM: a graceful stop
  std::filesystem::remove_all(web);
}

// With the migrations table gone, any command that migrated would try to build the schema again
// and fail; a read-only one does its work and leaves the database exactly as it found it.
TEST(Commands, backup_and_audit_verify_leave_the_schema_alone) {
  auto db = fresh_db();
  auto url = database_url(*db);
  auto dropped = db->write([](store::Conn& c) { return c.exec_script("DROP TABLE schema_migrations"); });
  ASSERT_TRUE(dropped.has_value());

  auto verified = run_trellis({"audit", "verify", "--db", url});
  EXPECT_EQ(verified.exit_code, 0) << verified.output;
  auto copy = std::filesystem::temp_directory_path() / ("trellis-cli-backup-" + std::to_string(::getpid()));
  std::filesystem::remove(copy);
  auto backed_up = run_trellis({"backup", copy.string(), "--db", url});
  EXPECT_EQ(backed_up.exit_code, 0) << backed_up.output;
  EXPECT_NE(backed_up.output.find("read-only"), std::string::npos) << backed_up.output;
  EXPECT_GT(std::filesystem::file_size(copy), 0u);
  std::filesystem::remove(copy);

  auto ledger = db->read([](store::Conn& c) { return c.query("SELECT name FROM schema_migrations"); });
  EXPECT_FALSE(ledger.has_value());  // still gone: nothing migrated
}

TEST(Commands, a_changed_migration_stops_the_server_naming_it) {
  auto db = fresh_db();
  auto url = database_url(*db);
  auto changed = db->write([](store::Conn& c) {
    return c.exec("UPDATE schema_migrations SET checksum = 'edited' WHERE name = '0003_advance_statements.sql'");
  });
  ASSERT_TRUE(changed.has_value());
  auto ran = run_trellis({"serve", "--db", url, "--port", std::to_string(free_port())});
  EXPECT_EQ(ran.exit_code, 1);
  EXPECT_NE(ran.output.find("Migration 0003_advance_statements.sql was changed"), std::string::npos) << ran.output;
}

}  // namespace
}  // namespace trellis::test
