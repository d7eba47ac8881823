#include <filesystem>

#include "access/audit.hpp"
#include "demo/demo_data.hpp"
#include "store/copy.hpp"
#include "store/migrations.hpp"
#include "support.hpp"

namespace trellis::test {
namespace {

class CopyDatabase : public TrellisTest {
 protected:
  // A SQLite database with the demo organisation, its people and a small directory.
  std::unique_ptr<store::Db> sqlite_source() {
    auto path = std::filesystem::temp_directory_path() / ("trellis-copy-" + std::to_string(::getpid()) + ".sqlite");
    std::filesystem::remove(path);
    auto source = store::open_database("sqlite:" + path.string(), 2);
    EXPECT_TRUE(source.has_value());
    EXPECT_TRUE(store::migrate(**source).has_value());
    EXPECT_TRUE(demo::load_demo_data(**source, clock, kPassword, false, false, true, 60).has_value());
    return std::move(*source);
  }
  static std::int64_t count(store::Db& d, const std::string& table) {
    auto n = d.read([&](store::Conn& c) { return c.query_one("SELECT COUNT(*) FROM " + table); });
    return (*n)->integer(0);
  }
};

TEST_F(CopyDatabase, copies_everything_from_sqlite_into_an_empty_postgresql) {
  auto source = sqlite_source();
  if (db->dialect() != store::Dialect::postgres) {
    // Only SQLite to PostgreSQL is offered; anything else is refused, naming what to give.
    auto refused = store::copy_database(*source, *db);
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().code, "unsupported_copy");
    return;
  }
  auto copied = store::copy_database(*source, *db);
  ASSERT_TRUE(copied.has_value()) << copied.error().title << " " << copied.error().detail;
  for (const char* table :
       {"orgs", "users", "people", "plans", "goals", "check_ins", "check_in_ratings", "consents", "referrals",
        "referral_events", "directory_documents", "directory_services", "directory_service_hours", "audit_events"})
    EXPECT_EQ(count(*db, table), count(*source, table)) << table;
  // The audit chain still holds, and the copy is a working Trellis: sign in, search the directory.
  auto chains = access::verify_audit_chain(*db);
  ASSERT_TRUE(chains.has_value());
  for (const auto& c : *chains) EXPECT_TRUE(c.ok) << c.reason;
  auto practitioner = sign_in("practitioner@demo.example");
  auto found = call("GET", "/api/v1/directory/services?q=counselling", &practitioner);
  EXPECT_EQ(found.status, 200);
  EXPECT_FALSE(found.body["items"].empty());
  // Never into a database that already holds an organisation.
  auto again = store::copy_database(*source, *db);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, "not_empty");
}

}  // namespace
}  // namespace trellis::test
