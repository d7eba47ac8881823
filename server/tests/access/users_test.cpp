#include <set>

#include "support.hpp"

namespace trellis::test {
namespace {

class Users : public TrellisTest {
 protected:
  void SetUp() override {
    TrellisTest::SetUp();
    load_demo();
    admin = sign_in("administrator@demo.example");
  }
  std::string team_id(const std::string& name) {
    auto teams = call("GET", "/api/v1/teams", &admin);
    for (const auto& t : teams.body["items"])
      if (t["name"] == name) return t["id"];
    return {};
  }
  Reply create(const std::string& email, const std::string& role = "practitioner") {
    return call("POST", "/api/v1/users", &admin,
                nlohmann::json{{"email", email},
                               {"displayName", "Dana Fraser"},
                               {"role", role},
                               {"password", "paper lanterns at dusk"},
                               {"teamIds", nlohmann::json::array({team_id("Youth Early Support")})}});
  }
  Browser admin;
};

TEST_F(Users, an_administrator_creates_a_team_and_a_practitioner_who_can_sign_in) {
  auto team = call("POST", "/api/v1/teams", &admin,
                   nlohmann::json{{"name", "Hearing Voices Group"}, {"description", "Peer-led"}});
  ASSERT_EQ(team.status, 201) << team.raw.body;
  auto u = call("POST", "/api/v1/users", &admin,
                nlohmann::json{{"email", "Dana.Fraser@Demo.Example"},
                               {"displayName", "Dana Fraser"},
                               {"role", "practitioner"},
                               {"password", "paper lanterns at dusk"},
                               {"teamIds", {team.body["id"]}}});
  ASSERT_EQ(u.status, 201) << u.raw.body;
  EXPECT_EQ(u.body["email"], "dana.fraser@demo.example");
  EXPECT_EQ(u.body["teamIds"][0], team.body["id"]);
  auto b = sign_in("dana.fraser@demo.example", "paper lanterns at dusk");
  EXPECT_EQ(call("GET", "/api/v1/auth/me", &b).body["user"]["displayName"], "Dana Fraser");
  auto t = call("GET", "/api/v1/teams/" + team.body["id"].get<std::string>(), &admin);
  EXPECT_EQ(t.body["memberCount"], 1);
}

TEST_F(Users, an_administrator_adds_a_site_and_a_team_meets_there) {
  auto site =
      call("POST", "/api/v1/sites", &admin, nlohmann::json{{"name", "Footscray Hub"}, {"address", "12 Paisley St"}});
  ASSERT_EQ(site.status, 201) << site.raw.body;
  EXPECT_EQ(site.body["address"], "12 Paisley St");
  bool listed = false;
  auto sites = call("GET", "/api/v1/sites", &admin);
  for (const auto& s : sites.body["items"]) listed = listed || s["id"] == site.body["id"];
  EXPECT_TRUE(listed);
  auto team =
      call("POST", "/api/v1/teams", &admin, nlohmann::json{{"name", "Western Outreach"}, {"siteId", site.body["id"]}});
  ASSERT_EQ(team.status, 201) << team.raw.body;
  EXPECT_EQ(team.body["siteId"], site.body["id"]);
  auto unnamed = call("POST", "/api/v1/sites", &admin, nlohmann::json{{"address", "nowhere"}});
  ASSERT_EQ(unnamed.status, 422);
  EXPECT_EQ(unnamed.body["errors"][0]["field"], "name");
}

TEST_F(Users, a_weak_password_is_refused_with_the_reason) {
  for (const char* pw : {"short", "password1234", "aaaaaaaaaaaaaaaa", "sunshine2024!", "dana.fraser-secret"}) {
    auto r = call("POST", "/api/v1/users", &admin,
                  nlohmann::json{{"email", "dana.fraser@demo.example"},
                                 {"displayName", "Dana Fraser"},
                                 {"role", "practitioner"},
                                 {"password", pw}});
    EXPECT_EQ(r.status, 422) << pw;
    EXPECT_EQ(r.body["errors"][0]["field"], "password") << pw;
  }
}

TEST_F(Users, an_email_already_used_is_a_409_naming_email) {
  auto first = create("dana@demo.example");
  ASSERT_EQ(first.status, 201) << first.raw.body;
  auto r = create("dana@demo.example");
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(r.body["errors"][0]["field"], "email");
}

TEST_F(Users, an_unknown_team_is_refused_and_nothing_is_written) {
  auto r = call("POST", "/api/v1/users", &admin,
                nlohmann::json{{"email", "dana@demo.example"},
                               {"displayName", "Dana"},
                               {"role", "practitioner"},
                               {"password", "paper lanterns at dusk"},
                               {"teamIds", {"0123456789abcdef0123456789abcdef"}}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.body["errors"][0]["field"], "teamIds");
  EXPECT_EQ(call("GET", "/api/v1/users?q=dana", &admin).body["items"].size(), 0u);
}

TEST_F(Users, changing_a_role_needs_a_recent_password_confirmation) {
  auto u = create("dana@demo.example");
  std::string id = u.body["id"];
  clock.advance(std::chrono::minutes(11));  // the sign-in's own confirmation has lapsed
  call("GET", "/api/v1/auth/me", &admin);
  auto r = call("PUT", "/api/v1/users/" + id + "/role", &admin, nlohmann::json{{"role", "team_leader"}},
                {{"if-match", *u.header("ETag")}});
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.body["type"], "https://trellis.example/problems/reauthentication_required");
  EXPECT_EQ(call("POST", "/api/v1/auth/reauthenticate", &admin, nlohmann::json{{"password", "wrong one"}}).status, 403);
  ASSERT_EQ(call("POST", "/api/v1/auth/reauthenticate", &admin, nlohmann::json{{"password", kPassword}}).status, 204);
  r = call("PUT", "/api/v1/users/" + id + "/role", &admin, nlohmann::json{{"role", "team_leader"}},
           {{"if-match", *u.header("ETag")}});
  ASSERT_EQ(r.status, 200) << r.raw.body;
  EXPECT_EQ(r.body["role"], "team_leader");
}

TEST_F(Users, a_stale_edit_gets_409_and_loses_nothing) {
  auto u = create("dana@demo.example");
  std::string id = u.body["id"];
  auto etag = *u.header("ETag");
  auto first =
      call("PATCH", "/api/v1/users/" + id, &admin, nlohmann::json{{"displayName", "Dana F."}}, {{"if-match", etag}});
  ASSERT_EQ(first.status, 200);
  auto second =
      call("PATCH", "/api/v1/users/" + id, &admin, nlohmann::json{{"displayName", "D. Fraser"}}, {{"if-match", etag}});
  EXPECT_EQ(second.status, 409);
  EXPECT_EQ(second.body["type"], "https://trellis.example/problems/stale_version");
  EXPECT_EQ(call("GET", "/api/v1/users/" + id, &admin).body["displayName"], "Dana F.");
}

TEST_F(Users, an_edit_without_if_match_is_428) {
  auto u = create("dana@demo.example");
  auto r =
      call("PATCH", "/api/v1/users/" + u.body["id"].get<std::string>(), &admin, nlohmann::json{{"displayName", "X"}});
  EXPECT_EQ(r.status, 428);
}

TEST_F(Users, the_last_administrator_cannot_be_deactivated) {
  auto id = user_id("administrator@demo.example");
  auto u = call("GET", "/api/v1/users/" + id, &admin);
  auto r = call("PATCH", "/api/v1/users/" + id, &admin, nlohmann::json{{"active", false}},
                {{"if-match", *u.header("ETag")}});
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(r.body["type"], "https://trellis.example/problems/last_administrator");
}

TEST_F(Users, resetting_a_password_ends_that_users_sessions) {
  auto practitioner = sign_in("practitioner@demo.example");
  auto id = user_id("practitioner@demo.example");
  auto r = call("POST", "/api/v1/users/" + id + "/password", &admin,
                nlohmann::json{{"password", "kettle on the stove again"}});
  ASSERT_EQ(r.status, 204) << r.raw.body;
  EXPECT_EQ(call("GET", "/api/v1/auth/me", &practitioner).status, 401);
  sign_in("practitioner@demo.example", "kettle on the stove again");
}

TEST_F(Users, search_is_case_insensitive_and_partial_with_a_cursor) {
  auto r = call("GET", "/api/v1/users?q=BROOK", &admin);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body["items"].size(), 2u);  // Taylor and Morgan Brooks
  auto page = call("GET", "/api/v1/users?limit=4", &admin);
  EXPECT_EQ(page.body["items"].size(), 4u);
  std::set<std::string> seen;
  std::string cursor = page.body["nextCursor"];
  for (const auto& u : page.body["items"]) seen.insert(u["id"]);
  while (!cursor.empty()) {
    auto next = call("GET", "/api/v1/users?limit=4&cursor=" + cursor, &admin);
    for (const auto& u : next.body["items"]) EXPECT_TRUE(seen.insert(u["id"]).second);
    cursor = next.body["nextCursor"].is_null() ? "" : next.body["nextCursor"].get<std::string>();
  }
  EXPECT_EQ(seen.size(), 9u);
  EXPECT_EQ(call("GET", "/api/v1/users?role=person", &admin).body["items"].size(), 1u);
}

TEST_F(Users, a_team_edit_with_a_stale_version_is_refused) {
  auto t = call("POST", "/api/v1/teams", &admin, nlohmann::json{{"name", "Family Team"}});
  std::string id = t.body["id"];
  ASSERT_EQ(call("PATCH", "/api/v1/teams/" + id, &admin, nlohmann::json{{"description", "Families and carers"}},
                 {{"if-match", "\"1\""}})
                .status,
            200);
  auto stale = call("PATCH", "/api/v1/teams/" + id, &admin, nlohmann::json{{"active", false}}, {{"if-match", "\"1\""}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(call("GET", "/api/v1/teams/" + id, &admin).body["active"], true);
}

}  // namespace
}  // namespace trellis::test

namespace trellis::test {
namespace {

// Issue 9: making an administrator is a change of power, like a role change.
TEST_F(Users, creating_an_administrator_or_manager_needs_a_recent_password_confirmation) {
  clock.advance(std::chrono::minutes(11));  // the sign-in's own confirmation has lapsed
  for (const auto* role : {"administrator", "manager"}) {
    auto r = call("POST", "/api/v1/users", &admin,
                  nlohmann::json{{"email", std::string(role) + ".two@demo.example"},
                                 {"displayName", "Second"},
                                 {"role", role},
                                 {"password", "seven ravens over the bay"}});
    EXPECT_EQ(r.status, 403) << role;
    EXPECT_EQ(r.body["type"], "https://trellis.example/problems/reauthentication_required");
  }
  EXPECT_EQ(call("POST", "/api/v1/users", &admin,
                 nlohmann::json{{"email", "worker.two@demo.example"},
                                {"displayName", "Worker"},
                                {"role", "practitioner"},
                                {"password", "seven ravens over the bay"}})
                .status,
            201);
  ASSERT_EQ(call("POST", "/api/v1/auth/reauthenticate", &admin, nlohmann::json{{"password", kPassword}}).status, 204);
  EXPECT_EQ(call("POST", "/api/v1/users", &admin,
                 nlohmann::json{{"email", "administrator.two@demo.example"},
                                {"displayName", "Second"},
                                {"role", "administrator"},
                                {"password", "seven ravens over the bay"}})
                .status,
            201);
}

}  // namespace
}  // namespace trellis::test
