#include <filesystem>

#include "demo/demo_data.hpp"
#include "demo/demo_scale.hpp"
#include "store/migrations.hpp"
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

TEST_F(DemoData, forty_people_with_plans_a_year_of_check_ins_supporters_and_consent) {
  ASSERT_TRUE(demo::load_demo_data(*db, clock, kPassword, false, false, true).has_value());
  auto count = [&](const char* sql) {
    auto n = db->read([&](store::Conn& c) { return c.query_one(sql); });
    return (*n)->integer(0);
  };
  EXPECT_EQ(count("SELECT COUNT(*) FROM people"), 40);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plans"), 40);
  EXPECT_EQ(count("SELECT COUNT(*) FROM check_ins"), 40 * 13);
  EXPECT_GT(count("SELECT COUNT(*) FROM goals WHERE status = 'achieved'"), 0);
  EXPECT_GT(count("SELECT COUNT(*) FROM consents"), 5);
  // The demo person and supporter sign-ins see Taylor's record, each in their own way.
  auto taylor = sign_in("person@demo.example");
  auto me = call("GET", "/api/v1/auth/me", &taylor);
  std::string id = me.body["user"]["personId"];
  EXPECT_EQ(call("GET", "/api/v1/people/" + id, &taylor).body["access"], "self");
  auto morgan = sign_in("supporter@demo.example");
  EXPECT_EQ(call("GET", "/api/v1/people/" + id, &morgan).body["access"], "consent");
  EXPECT_EQ(call("GET", "/api/v1/people/" + id + "/check-ins", &morgan).status, 403);
  auto practitioner = sign_in("practitioner@demo.example");
  EXPECT_EQ(call("GET", "/api/v1/people?limit=200", &practitioner).body["items"].size(), 26u);
}

TEST_F(DemoData, a_service_directory_of_the_size_asked_for_with_the_partners_in_it) {
  ASSERT_TRUE(demo::load_demo_data(*db, clock, kPassword, false, false, true, 120).has_value());
  auto count = [&](const std::string& sql) {
    auto n = db->read([&](store::Conn& c) { return c.query_one(sql); });
    return (*n)->integer(0);
  };
  EXPECT_EQ(count("SELECT COUNT(*) FROM directory_services"), 120);
  EXPECT_EQ(count("SELECT COUNT(DISTINCT code) FROM directory_service_categories"), 18);
  EXPECT_GT(count("SELECT COUNT(*) FROM directory_service_hours"), 120);
  EXPECT_EQ(count("SELECT COUNT(*) FROM directory_services WHERE postcode = '' OR latitude_e6 IS NULL"), 0);
  // Each demo partner agency is an organisation in the directory.
  EXPECT_EQ(count("SELECT COUNT(*) FROM partners p JOIN directory_documents d ON d.org_id = p.org_id"
                  " AND d.kind = 'organization' AND d.hsds_id = p.directory_organization_id"),
            2);
  // Demo people live in suburbs the directory knows, so "near this person" finds services.
  auto practitioner = sign_in("practitioner@demo.example");
  auto people = call("GET", "/api/v1/people?limit=1", &practitioner);
  std::string person = people.body["items"][0]["id"];
  auto record = call("GET", "/api/v1/people/" + person, &practitioner);
  std::string address = record.body["address"];
  std::string encoded;
  for (char ch : address) encoded += ch == ' ' ? std::string("+") : ch == ',' ? std::string("%2C") : std::string(1, ch);
  auto near = call("GET", "/api/v1/directory/services?near=" + encoded, &practitioner);
  EXPECT_EQ(near.status, 200) << address << " " << near.raw.body;
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

namespace trellis::test {
namespace {

class ScaleData : public TrellisTest {
 protected:
  demo::ScaleOptions small() {
    demo::ScaleOptions o;
    o.people = 100;
    o.staff = 40;
    o.services = 100;
    o.seed = 7;
    return o;
  }
  std::int64_t count(store::Db& d, const std::string& sql) {
    auto n = d.read([&](store::Conn& c) { return c.query_one(sql); });
    return (*n)->integer(0);
  }
};

TEST_F(ScaleData, an_organisation_of_the_size_asked_for_the_same_for_the_same_seed) {
  std::size_t stages = 0;
  ASSERT_TRUE(demo::load_scale_data(*db, clock, kPassword, small(), [&](std::string_view, std::size_t, std::size_t) {
                ++stages;
              }).has_value());
  EXPECT_GT(stages, 2u) << "progress is reported";
  EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM people"), 40 + 100);
  EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM users WHERE email LIKE '%@scale.example'"), 40);
  EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM directory_services"), 100);
  EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM check_ins"), 13 * 140);
  // The benchmark's worker has the largest caseload, sixty; every caseload is 15 to 60.
  EXPECT_EQ(count(*db,
                  "SELECT COUNT(*) FROM care_team_members WHERE member_type = 'user' AND member_id = "
                  "(SELECT id FROM users WHERE email = 'worker1@scale.example')"),
            60);
  EXPECT_EQ(count(*db,
                  "SELECT COUNT(*) FROM (SELECT member_id FROM care_team_members WHERE member_type = 'user'"
                  " AND member_id IN (SELECT id FROM users WHERE email LIKE '%@scale.example')"
                  " GROUP BY member_id HAVING COUNT(*) > 60) x"),
            0);
  EXPECT_GT(count(*db, "SELECT COUNT(DISTINCT status) FROM referrals"), 5) << "referrals across states";
  auto worker = sign_in(demo::kScaleWorkerEmail);
  EXPECT_EQ(call("GET", "/api/v1/people?limit=60", &worker).body["items"].size(), 60u);

  // The same seed into another database gives the same people, ids included.
  auto again = store::open_database(
      "sqlite:" + (std::filesystem::temp_directory_path() / ("trellis-scale-" + std::to_string(::getpid()) + ".sqlite"))
                      .string(),
      2);
  ASSERT_TRUE(again.has_value());
  ASSERT_TRUE(store::migrate(**again).has_value());
  ASSERT_TRUE(demo::load_scale_data(**again, clock, kPassword, small(), {}).has_value());
  auto ids = [](store::Db& d) {
    auto rows = d.read([](store::Conn& c) {
      return c.query("SELECT id, given_name, family_name FROM people WHERE id LIKE '0%' ORDER BY id LIMIT 20");
    });
    std::string out;
    for (const auto& r : *rows) out += r.text(0) + r.text(1) + r.text(2) + ";";
    return out;
  };
  EXPECT_EQ(ids(*db), ids(**again));
  EXPECT_FALSE(ids(*db).empty());
  // Never into a database that already holds an organisation.
  EXPECT_FALSE(demo::load_scale_data(*db, clock, kPassword, small(), {}).has_value());
}

}  // namespace
}  // namespace trellis::test
