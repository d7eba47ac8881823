#include "store/migrations.hpp"
#include "support.hpp"

namespace trellis::test {
namespace {

TEST(Migrations, apply_once_and_again_is_a_no_op) {
  auto db = fresh_db();
  auto again = store::migrate(*db);
  ASSERT_TRUE(again.has_value());
  EXPECT_TRUE(again->empty());
  auto n = db->read([](store::Conn& c) { return c.query_one("SELECT COUNT(*) FROM schema_migrations"); });
  EXPECT_EQ((*n)->integer(0), static_cast<std::int64_t>(store::migrations_for(db->dialect()).size()));
}

TEST(Migrations, every_dialect_has_the_same_migrations) {
  auto a = store::migrations_for(store::Dialect::sqlite);
  auto b = store::migrations_for(store::Dialect::postgres);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].name, b[i].name);
}

TEST(Migrations, a_failing_migration_leaves_the_database_as_it_was) {
  auto db = fresh_db();
  std::vector<store::Migration> bad = {
      {"9001_ok.sql", "CREATE TABLE fine_table (org_id TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (org_id, id));"},
      {"9002_broken.sql",
       "CREATE TABLE half_made (org_id TEXT NOT NULL); INSERT INTO half_made VALUES ('x'); THIS IS NOT SQL;"},
  };
  auto r = store::migrate(*db, bad);
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().title.find("9002_broken.sql"), std::string::npos);
  auto names = db->read([](store::Conn& c) { return c.query("SELECT name FROM schema_migrations WHERE name LIKE '9%'"); });
  ASSERT_EQ(names->size(), 1u);  // the good one stays applied; the broken one left nothing
  EXPECT_EQ((*names)[0].text(0), "9001_ok.sql");
  auto half = db->read([](store::Conn& c) { return c.query("SELECT * FROM half_made"); });
  EXPECT_FALSE(half.has_value());
}

TEST(Migrations, every_table_leads_with_org_id) {
  auto db = fresh_db();
  const char* sql = test::using_postgres()
                        ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                        : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
  auto tables = db->read([&](store::Conn& c) { return c.query(sql); });
  ASSERT_TRUE(tables.has_value());
  for (const auto& t : *tables) {
    auto name = t.text(0);
    // Infrastructure and pre-sign-in tables are the documented exceptions (docs/decisions/0003).
    if (name == "schema_migrations" || name == "login_attempts") continue;
    // SQLite's full-text index keeps its own internal tables (docs/decisions/0009).
    if (name.starts_with("directory_services_fts_")) continue;
    auto cols = db->read([&](store::Conn& c) { return c.query("SELECT * FROM " + name + " WHERE 1 = 0"); });
    ASSERT_TRUE(cols.has_value()) << name;
    auto first = db->read([&](store::Conn& c) {
      return test::using_postgres()
                 ? c.query_one("SELECT column_name FROM information_schema.columns WHERE table_name = ? AND ordinal_position = 1", {name})
                 : c.query_one("SELECT name FROM pragma_table_info(?) WHERE cid = 0", {name});
    });
    EXPECT_EQ((*first)->text(0), "org_id") << name;
  }
}

}  // namespace
}  // namespace trellis::test
