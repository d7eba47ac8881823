#include "demo/demo_data.hpp"
#include "support.hpp"

namespace trellis::test {
namespace {

class DemoData : public TrellisTest {};

TEST_F(DemoData, creates_two_sites_three_teams_and_one_sign_in_per_role) {
  auto r = demo::load_demo_data(*db, clock, kPassword, false, false);
  ASSERT_TRUE(r.has_value());
  EXPECT_TRUE(r->created);
  auto count = [&](const char* table) {
    auto n = db->read([&](store::Conn& c) { return c.query_one(std::string("SELECT COUNT(*) FROM ") + table); });
    return (*n)->integer(0);
  };
  EXPECT_EQ(count("sites"), 2);
  EXPECT_EQ(count("teams"), 3);
  auto roles = db->read([](store::Conn& c) { return c.query("SELECT DISTINCT role FROM users"); });
  EXPECT_EQ(roles->size(), std::size(access::kRoleNames));
  for (const char* email : {"administrator@demo.example", "supporter@demo.example", "peer-worker@demo.example"})
    sign_in(email);
}

TEST_F(DemoData, running_it_again_keeps_what_is_there_and_can_set_a_new_password) {
  ASSERT_TRUE(demo::load_demo_data(*db, clock, kPassword, false, false).has_value());
  auto again = demo::load_demo_data(*db, clock, "a different demo phrase", true, false);
  ASSERT_TRUE(again.has_value());
  EXPECT_FALSE(again->created);
  EXPECT_TRUE(again->password_set);
  auto n = db->read([](store::Conn& c) { return c.query_one("SELECT COUNT(*) FROM users"); });
  EXPECT_EQ((*n)->integer(0), 9);
  sign_in("manager@demo.example", "a different demo phrase");
}

TEST_F(DemoData, is_refused_in_production_mode) {
  auto r = demo::load_demo_data(*db, clock, kPassword, false, true);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().kind, ErrorKind::forbidden);
  auto n = db->read([](store::Conn& c) { return c.query_one("SELECT COUNT(*) FROM users"); });
  EXPECT_EQ((*n)->integer(0), 0);
}

}  // namespace
}  // namespace trellis::test
