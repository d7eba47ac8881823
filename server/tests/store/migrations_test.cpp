#include <algorithm>

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

// The names the one-folder-per-dialect layout recorded: a database it migrated must find every
// one of them under the same name, or it would run them again.
TEST(Migrations, the_names_recorded_by_the_earlier_layout_are_kept) {
  const char* earlier[] = {"0001_foundation.sql",       "0002_recovery_record.sql",     "0003_advance_statements.sql",
                           "0004_appointment_prep.sql", "0005_directory.sql",           "0006_directory_search.sql",
                           "0007_referrals.sql",        "0008_partnership_reviews.sql", "0009_shared_care.sql",
                           "0010_directory_facets.sql", "0011_partner_agreements.sql",  "0012_partner_documents.sql",
                           "0013_caseload_index.sql",   "0014_list_indexes.sql",        "0015_invitations.sql",
                           "0016_two_step_sign_in.sql"};
  for (auto d : {store::Dialect::sqlite, store::Dialect::postgres}) {
    auto ms = store::migrations_for(d);
    ASSERT_GE(ms.size(), std::size(earlier));
    for (std::size_t i = 0; i < std::size(earlier); ++i) EXPECT_EQ(ms[i].name, earlier[i]);
  }
}

// Where each database keeps its own kind of index: full text (0006) and places (0018).
TEST(Migrations, only_the_search_indexes_differ_between_the_dialects) {
  auto a = store::migrations_for(store::Dialect::sqlite);
  auto b = store::migrations_for(store::Dialect::postgres);
  ASSERT_EQ(a.size(), b.size());
  std::vector<std::string> differ;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].sql != b[i].sql) differ.push_back(a[i].name);
  EXPECT_EQ(differ, (std::vector<std::string>{"0006_directory_search.sql", "0018_directory_places.sql"}));
}

TEST(Migrations, a_fresh_database_records_every_migration_with_its_checksum) {
  auto db = fresh_db();
  auto rows =
      db->read([](store::Conn& c) { return c.query("SELECT name, checksum FROM schema_migrations ORDER BY name"); });
  ASSERT_TRUE(rows.has_value());
  auto ours = store::migrations_for(db->dialect());
  ASSERT_EQ(rows->size(), ours.size());
  for (std::size_t i = 0; i < ours.size(); ++i) {
    EXPECT_EQ((*rows)[i].text(0), ours[i].name);
    EXPECT_EQ((*rows)[i].text(1), store::migration_checksum(ours[i].sql)) << ours[i].name;
    EXPECT_EQ((*rows)[i].text(1).size(), 64u);  // SHA-256 as hex
  }
}

TEST(Migrations, an_edited_applied_migration_is_refused_by_name_and_nothing_runs) {
  auto db = fresh_db();
  auto edited = store::migrations_for(db->dialect());
  edited[2].sql += "\n-- a comment added later\n";
  edited.push_back({"9001_after.sql", "CREATE TABLE after_the_edit (org_id TEXT NOT NULL);"});
  auto r = store::migrate(*db, edited);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, "migration_changed");
  EXPECT_NE(r.error().title.find(edited[2].name), std::string::npos) << r.error().title;
  EXPECT_NE(r.error().detail.find("new migration"), std::string::npos) << r.error().detail;
  auto later = db->read(
      [](store::Conn& c) { return c.query_one("SELECT name FROM schema_migrations WHERE name = '9001_after.sql'"); });
  ASSERT_TRUE(later.has_value());
  EXPECT_FALSE(later->has_value());  // refused before anything was applied
  // The file put back as it was: the database opens again.
  EXPECT_TRUE(store::migrate(*db).has_value());
}

// A database migrated before checksums were kept: the migrations table has no checksum column
// and the last migration has not run. Its first run adds the column and fills in every row.
TEST(Migrations, a_database_from_before_checksums_gets_them_on_its_first_run) {
  auto db = fresh_db();
  auto ours = store::migrations_for(db->dialect());
  const auto& adds_column =
      std::find_if(ours.begin(), ours.end(), [](const auto& m) { return m.name == "0017_migration_checksums.sql"; });
  ASSERT_NE(adds_column, ours.end());
  auto undone = db->write([&](store::Conn& c) -> Result<void> {
    TRY_VOID(c.exec_script("ALTER TABLE schema_migrations DROP COLUMN checksum"));
    TRY(c.exec("DELETE FROM schema_migrations WHERE name = ?", {adds_column->name}));
    return {};
  });
  ASSERT_TRUE(undone.has_value()) << undone.error().title;

  auto r = store::migrate(*db);
  ASSERT_TRUE(r.has_value()) << r.error().title << ": " << r.error().detail;
  EXPECT_EQ(*r, std::vector<std::string>{adds_column->name});  // nothing earlier runs again
  auto missing = db->read(
      [](store::Conn& c) { return c.query_one("SELECT COUNT(*) FROM schema_migrations WHERE checksum IS NULL"); });
  EXPECT_EQ((*missing)->integer(0), 0);

  // From then on an edit is caught.
  ours[0].sql += " ";
  auto refused = store::migrate(*db, ours);
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(refused.error().title.find("0001_foundation.sql"), std::string::npos);
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
  auto names =
      db->read([](store::Conn& c) { return c.query("SELECT name FROM schema_migrations WHERE name LIKE '9%'"); });
  ASSERT_EQ(names->size(), 1u);  // the good one stays applied; the broken one left nothing
  EXPECT_EQ((*names)[0].text(0), "9001_ok.sql");
  auto half = db->read([](store::Conn& c) { return c.query("SELECT * FROM half_made"); });
  EXPECT_FALSE(half.has_value());
}

TEST(Migrations, every_table_leads_with_org_id) {
  auto db = fresh_db();
  const char* sql = test::using_postgres()
                        ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                        // SQLite's full-text and place indexes are virtual tables with internal
                        // tables of their own (docs/decisions/0009): not tables the migrations keep.
                        : "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'"
                          " AND name NOT LIKE 'sqlite_%'";
  auto tables = db->read([&](store::Conn& c) { return c.query(sql); });
  ASSERT_TRUE(tables.has_value());
  for (const auto& t : *tables) {
    auto name = t.text(0);
    // Infrastructure and pre-sign-in tables are the documented exceptions (docs/decisions/0003,
    // and 0031 for the audit journal's bookkeeping, which is the server's, not an organisation's).
    if (name == "schema_migrations" || name == "login_attempts" || name == "audit_journal_moves") continue;
    auto cols = db->read([&](store::Conn& c) { return c.query("SELECT * FROM " + name + " WHERE 1 = 0"); });
    ASSERT_TRUE(cols.has_value()) << name;
    auto first = db->read([&](store::Conn& c) {
      return test::using_postgres() ? c.query_one(
                                          "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND "
                                          "ordinal_position = 1",
                                          {name})
                                    : c.query_one("SELECT name FROM pragma_table_info(?) WHERE cid = 0", {name});
    });
    EXPECT_EQ((*first)->text(0), "org_id") << name;
  }
}

}  // namespace
}  // namespace trellis::test
