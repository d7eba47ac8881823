#include <map>
#include <set>

#include "access/policy.hpp"
#include "support.hpp"

namespace trellis::test {
namespace {

// Walks every route the router has, so a route added without the right rule fails here.
class Policy : public TrellisTest {
 protected:
  void SetUp() override {
    TrellisTest::SetUp();
    load_demo();
  }
  std::string concrete(const api::Route& r) {
    std::string path;
    for (const auto& s : r.segments) path += "/" + (s[0] == ':' ? std::string("0123456789abcdef0123456789abcdef") : s);
    return path;
  }
};

const std::map<access::Role, std::string> kEmails = {{access::Role::administrator, "administrator@demo.example"},
                                                     {access::Role::manager, "manager@demo.example"},
                                                     {access::Role::team_leader, "team-leader@demo.example"},
                                                     {access::Role::practitioner, "practitioner@demo.example"},
                                                     {access::Role::peer_worker, "peer-worker@demo.example"},
                                                     {access::Role::student, "student@demo.example"},
                                                     {access::Role::partner, "partner@demo.example"},
                                                     {access::Role::person, "person@demo.example"},
                                                     {access::Role::supporter, "supporter@demo.example"}};

TEST_F(Policy, every_route_refuses_anonymous_requests_unless_it_is_public) {
  const std::set<std::string> public_routes = {"GET /healthz",
                                               "GET /readyz",
                                               "GET /api/v1/openapi.json",
                                               "POST /api/v1/auth/login",
                                               "POST /api/v1/invitations/inspect",
                                               "POST /api/v1/invitations/accept",
                                               "POST /api/v1/auth/two-step/verify"};
  for (const auto& r : app->routes().routes()) {
    auto key = r.method + " " + r.pattern;
    if (r.rule.kind == access::Rule::Kind::anyone) {
      EXPECT_TRUE(public_routes.contains(key)) << key << " is open to anyone but is not on the public list";
      continue;
    }
    auto reply = call(r.method, concrete(r), nullptr, nlohmann::json::object());
    EXPECT_EQ(reply.status, 401) << key;
    EXPECT_EQ(reply.raw.content_type, "application/problem+json") << key;
  }
}

TEST_F(Policy, every_route_refuses_each_role_without_its_permission) {
  std::map<access::Role, Browser> browsers;
  for (const auto& [role, email] : kEmails) browsers[role] = sign_in(email);
  int checked = 0;
  for (const auto& r : app->routes().routes()) {
    if (r.rule.kind != access::Rule::Kind::permission) continue;
    for (const auto& [role, browser] : browsers) {
      if (access::role_has(role, r.rule.permission)) continue;
      auto reply = call(r.method, concrete(r), &browser, nlohmann::json::object(), {{"if-match", "\"1\""}});
      EXPECT_EQ(reply.status, 403) << r.method << " " << r.pattern << " as " << access::role_name(role);
      EXPECT_EQ(reply.body["type"], "https://trellis.example/problems/forbidden");
      ++checked;
    }
  }
  EXPECT_GT(checked, 50);
}

TEST_F(Policy, refusals_are_audited) {
  auto b = sign_in("practitioner@demo.example");
  EXPECT_EQ(call("GET", "/api/v1/audit-events", &b).status, 403);
  wait_for_audit_log();
  auto rows = db->read([](store::Conn& c) {
    return c.query("SELECT action, outcome, entity_id FROM audit_events WHERE outcome = 'denied'");
  });
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].text(0), "access.denied");
  EXPECT_EQ((*rows)[0].text(2), "GET /api/v1/audit-events");
}

TEST_F(Policy, only_administrators_manage_users_and_teams_and_read_the_audit_log) {
  for (auto p : {access::Permission::manage_users, access::Permission::manage_teams, access::Permission::view_audit})
    for (const auto& [role, _] : kEmails) EXPECT_EQ(access::role_has(role, p), role == access::Role::administrator);
}

TEST_F(Policy, people_supporters_and_partners_cannot_see_staff_lists) {
  for (auto role : {access::Role::person, access::Role::supporter, access::Role::partner, access::Role::student}) {
    EXPECT_FALSE(access::role_has(role, access::Permission::view_users));
    EXPECT_FALSE(access::role_has(role, access::Permission::view_teams));
  }
}

class Csrf : public TrellisTest {
 protected:
  void SetUp() override {
    TrellisTest::SetUp();
    load_demo();
    admin = sign_in("administrator@demo.example");
  }
  Browser admin;
};

TEST_F(Csrf, an_unsafe_request_without_the_token_is_refused_and_changes_nothing) {
  http::Request req;
  req.method = "POST";
  req.path = "/api/v1/teams";
  req.headers = {{"cookie", admin.cookie}, {"host", "127.0.0.1:8080"}};
  req.body = R"({"name":"Sneaky team"})";
  auto r = call_raw(req);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.body["type"], "https://trellis.example/problems/csrf_token_invalid");
  auto teams = call("GET", "/api/v1/teams", &admin);
  for (const auto& t : teams.body["items"]) EXPECT_NE(t["name"], "Sneaky team");
}

TEST_F(Csrf, a_wrong_token_is_refused) {
  Browser forged = admin;
  forged.csrf = "not-the-token";
  EXPECT_EQ(call("POST", "/api/v1/teams", &forged, nlohmann::json{{"name", "Sneaky team"}}).status, 403);
}

TEST_F(Csrf, the_right_token_is_accepted) {
  EXPECT_EQ(call("POST", "/api/v1/teams", &admin, nlohmann::json{{"name", "Open door team"}}).status, 201);
}

TEST_F(Csrf, sign_in_from_another_origin_is_refused) {
  auto r = call("POST", "/api/v1/auth/login", nullptr,
                nlohmann::json{{"email", "administrator@demo.example"}, {"password", kPassword}},
                {{"origin", "https://evil.example"}});
  EXPECT_EQ(r.status, 403);
}

}  // namespace
}  // namespace trellis::test
