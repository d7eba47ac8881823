#include <filesystem>

#include "store/db.hpp"
#include "support.hpp"

namespace trellis::test {
namespace {

TEST(ReadOnly, a_read_only_database_reads_and_refuses_every_write) {
  auto db = fresh_db();
  auto ro = store::open_database(database_url(*db), 2, store::kDefaultConnectionWait, store::OpenMode::read_only);
  ASSERT_TRUE(ro.has_value()) << ro.error().title << ": " << ro.error().detail;
  EXPECT_NE((*ro)->describe().find("read-only"), std::string::npos);

  auto n = (*ro)->read([](store::Conn& c) { return c.query_one("SELECT COUNT(*) FROM schema_migrations"); });
  ASSERT_TRUE(n.has_value());
  EXPECT_GT((*n)->integer(0), 0);

  // A write transaction, a schema change: both refused by the database itself.
  auto insert = (*ro)->write([](store::Conn& c) {
    return c.exec("INSERT INTO schema_migrations (name, applied_at) VALUES ('9999_x.sql', 'now')");
  });
  ASSERT_FALSE(insert.has_value());
  EXPECT_EQ(insert.error().code, "read_only");
  EXPECT_EQ(insert.error().title, "The database cannot be written");
  auto create = (*ro)->write([](store::Conn& c) { return c.exec_script("CREATE TABLE nothing_here (x TEXT)"); });
  ASSERT_FALSE(create.has_value());
  EXPECT_EQ(create.error().code, "read_only");

  auto still = db->read(
      [](store::Conn& c) { return c.query_one("SELECT COUNT(*) FROM schema_migrations WHERE name = '9999_x.sql'"); });
  EXPECT_EQ((*still)->integer(0), 0);
}

// PostgreSQL runs a read's statements without BEGIN and COMMIT (decision 0029); the session's
// transactions are read-only unless a write begins READ WRITE, so the server itself still
// refuses a write attempted through a read, and nothing of it is kept.
TEST(ReadOnly, on_postgresql_a_write_inside_a_read_is_refused_by_the_server) {
  if (!using_postgres()) GTEST_SKIP() << "SQLite's reads are not made read-only by the server";
  auto db = fresh_db();
  auto inside = db->read([](store::Conn& c) {
    return c.exec("INSERT INTO schema_migrations (name, applied_at) VALUES ('9999_x.sql', 'now')");
  });
  ASSERT_FALSE(inside.has_value());
  EXPECT_EQ(inside.error().code, "read_only");
  auto still = db->read(
      [](store::Conn& c) { return c.query_one("SELECT COUNT(*) FROM schema_migrations WHERE name = '9999_x.sql'"); });
  EXPECT_EQ((*still)->integer(0), 0);
  // Writes still write.
  auto written = db->write([](store::Conn& c) {
    return c.exec("INSERT INTO schema_migrations (name, applied_at) VALUES ('9999_x.sql', 'now')");
  });
  ASSERT_TRUE(written.has_value()) << written.error().detail;
  EXPECT_EQ(*written, 1);
}

// A PostgreSQL session that is lost is replaced by one with the same settings as the first: a
// read-only database stays read-only. (The pool drops the broken connection and opens a new one;
// a connection found broken while idle is reset in place, and sets them again too.)
TEST(ReadOnly, on_postgresql_a_session_opened_again_is_read_only_as_before) {
  if (!using_postgres()) GTEST_SKIP() << "only PostgreSQL sessions are opened again";
  auto db = fresh_db();
  auto ro = store::open_database(database_url(*db), 1, store::kDefaultConnectionWait, store::OpenMode::read_only);
  ASSERT_TRUE(ro.has_value());
  auto pid = (*ro)->read([](store::Conn& c) { return c.query_one("SELECT pg_backend_pid()"); });
  ASSERT_TRUE(pid.has_value());
  auto ended = db->read([&](store::Conn& c) {
    return c.query_one("SELECT pg_terminate_backend(CAST(? AS INTEGER))", {(*pid)->integer(0)});
  });
  ASSERT_TRUE(ended.has_value());
  // The lost session is noticed and opened again on the way (a retryable failure).
  auto insert = (*ro)->write([](store::Conn& c) {
    return c.exec("INSERT INTO schema_migrations (name, applied_at) VALUES ('9999_x.sql', 'now')");
  });
  ASSERT_FALSE(insert.has_value());
  EXPECT_EQ(insert.error().code, "read_only");
  auto again = (*ro)->read([](store::Conn& c) { return c.query_one("SELECT pg_backend_pid()"); });
  ASSERT_TRUE(again.has_value());
  EXPECT_NE((*again)->integer(0), (*pid)->integer(0)) << "the session was not replaced";
  auto still = db->read(
      [](store::Conn& c) { return c.query_one("SELECT COUNT(*) FROM schema_migrations WHERE name = '9999_x.sql'"); });
  EXPECT_EQ((*still)->integer(0), 0);
}

TEST(ReadOnly, a_missing_sqlite_file_is_reported_not_created) {
  auto path = std::filesystem::temp_directory_path() / ("trellis-missing-" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(path);
  auto ro =
      store::open_database("sqlite:" + path.string(), 1, store::kDefaultConnectionWait, store::OpenMode::read_only);
  ASSERT_FALSE(ro.has_value());
  EXPECT_NE(ro.error().detail.find("exists and can be read"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(path));
}

}  // namespace
}  // namespace trellis::test
