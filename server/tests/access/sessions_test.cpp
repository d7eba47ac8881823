#include "support.hpp"

namespace trellis::test {
namespace {

class Sessions : public TrellisTest {
 protected:
  void SetUp() override {
    TrellisTest::SetUp();
    load_demo();
  }
};

TEST_F(Sessions, sign_in_sets_an_http_only_strict_cookie_and_returns_the_csrf_token) {
  auto r = call("POST", "/api/v1/auth/login", nullptr,
                nlohmann::json{{"email", "practitioner@demo.example"}, {"password", kPassword}});
  ASSERT_EQ(r.status, 200) << r.raw.body;
  auto cookie = *r.header("Set-Cookie");
  EXPECT_TRUE(cookie.starts_with("trellis_session="));
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(r.body["user"]["role"], "practitioner");
  EXPECT_GE(r.body["csrfToken"].get<std::string>().size(), 40u);
}

TEST_F(Sessions, production_cookie_uses_host_prefix_and_secure) {
  config.production = true;
  auto r = call("POST", "/api/v1/auth/login", nullptr,
                nlohmann::json{{"email", "practitioner@demo.example"}, {"password", kPassword}});
  ASSERT_EQ(r.status, 200);
  auto cookie = *r.header("Set-Cookie");
  EXPECT_TRUE(cookie.starts_with("__Host-trellis_session=")) << cookie;
  EXPECT_NE(cookie.find("; Secure"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/"), std::string::npos);
}

TEST_F(Sessions, the_token_is_stored_only_as_a_hash) {
  auto b = sign_in("practitioner@demo.example");
  auto token = b.cookie.substr(b.cookie.find('=') + 1);
  auto rows = db->read([&](store::Conn& c) { return c.query("SELECT token_hash FROM sessions"); });
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_NE((*rows)[0].text(0), token);
  EXPECT_EQ((*rows)[0].text(0).size(), 64u);
}

TEST_F(Sessions, wrong_password_and_unknown_email_get_the_same_401) {
  auto a = call("POST", "/api/v1/auth/login", nullptr,
                nlohmann::json{{"email", "practitioner@demo.example"}, {"password", "not the password!"}});
  auto b = call("POST", "/api/v1/auth/login", nullptr,
                nlohmann::json{{"email", "nobody@demo.example"}, {"password", "not the password!"}});
  EXPECT_EQ(a.status, 401);
  EXPECT_EQ(b.status, 401);
  EXPECT_EQ(a.body["title"], b.body["title"]);
  EXPECT_EQ(a.raw.content_type, "application/problem+json");
}

TEST_F(Sessions, me_answers_while_signed_in_and_401_after_sign_out) {
  auto b = sign_in("manager@demo.example");
  auto me = call("GET", "/api/v1/auth/me", &b);
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.body["user"]["email"], "manager@demo.example");
  EXPECT_EQ(me.body["csrfToken"], b.csrf);
  EXPECT_EQ(me.body["org"]["timeZone"], "Australia/Melbourne");
  EXPECT_EQ(me.body["permissions"], nlohmann::json::array({"view_teams", "view_users", "view_people", "add_people",
                                                           "review_break_glass", "view_directory", "manage_partners"}));
  EXPECT_EQ(call("POST", "/api/v1/auth/logout", &b).status, 204);
  EXPECT_EQ(call("GET", "/api/v1/auth/me", &b).status, 401);
}

TEST_F(Sessions, idle_for_thirty_minutes_ends_the_session) {
  auto b = sign_in("manager@demo.example");
  clock.advance(std::chrono::minutes(29));
  EXPECT_EQ(call("GET", "/api/v1/auth/me", &b).status, 200);  // activity refreshes the idle timer
  clock.advance(std::chrono::minutes(29));
  EXPECT_EQ(call("GET", "/api/v1/auth/me", &b).status, 200);
  clock.advance(std::chrono::minutes(30));
  EXPECT_EQ(call("GET", "/api/v1/auth/me", &b).status, 401);
}

TEST_F(Sessions, twelve_hours_ends_the_session_even_when_active) {
  auto b = sign_in("manager@demo.example");
  for (int i = 0; i < 24; ++i) {
    clock.advance(std::chrono::minutes(29));
    ASSERT_EQ(call("GET", "/api/v1/auth/me", &b).status, 200) << "at step " << i;
  }
  clock.advance(std::chrono::minutes(29));  // 12h 25m since sign-in
  EXPECT_EQ(call("GET", "/api/v1/auth/me", &b).status, 401);
}

TEST_F(Sessions, a_user_sees_and_ends_their_other_sessions) {
  auto laptop = sign_in("practitioner@demo.example");
  auto phone = sign_in("practitioner@demo.example");
  auto list = call("GET", "/api/v1/auth/sessions", &laptop);
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.body["items"].size(), 2u);
  std::string phone_id;
  for (const auto& s : list.body["items"])
    if (!s["current"].get<bool>()) phone_id = s["id"];
  ASSERT_FALSE(phone_id.empty());
  EXPECT_EQ(call("DELETE", "/api/v1/auth/sessions/" + phone_id, &laptop).status, 204);
  EXPECT_EQ(call("GET", "/api/v1/auth/me", &phone).status, 401);
  EXPECT_EQ(call("GET", "/api/v1/auth/me", &laptop).status, 200);
}

TEST_F(Sessions, ending_every_other_session_keeps_this_one) {
  auto laptop = sign_in("practitioner@demo.example");
  auto phone = sign_in("practitioner@demo.example");
  auto tablet = sign_in("practitioner@demo.example");
  auto ended = call("POST", "/api/v1/auth/sessions/end-others", &laptop);
  ASSERT_EQ(ended.status, 200) << ended.raw.body;
  EXPECT_EQ(ended.body["ended"], 2);
  EXPECT_EQ(call("GET", "/api/v1/auth/me", &phone).status, 401);
  EXPECT_EQ(call("GET", "/api/v1/auth/me", &tablet).status, 401);
  EXPECT_EQ(call("GET", "/api/v1/auth/me", &laptop).status, 200);
  EXPECT_EQ(call("POST", "/api/v1/auth/sessions/end-others", &laptop).body["ended"], 0);
}

TEST_F(Sessions, a_user_cannot_end_someone_elses_session) {
  auto mine = sign_in("practitioner@demo.example");
  auto theirs = sign_in("manager@demo.example");
  auto list = call("GET", "/api/v1/auth/sessions", &theirs);
  std::string their_id = list.body["items"][0]["id"];
  EXPECT_EQ(call("DELETE", "/api/v1/auth/sessions/" + their_id, &mine).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/auth/me", &theirs).status, 200);
}

TEST_F(Sessions, changing_password_signs_out_everywhere_else_and_keeps_this_device_signed_in) {
  auto laptop = sign_in("practitioner@demo.example");
  auto phone = sign_in("practitioner@demo.example");
  auto r = call("POST", "/api/v1/auth/password", &laptop,
                nlohmann::json{{"currentPassword", kPassword}, {"newPassword", "river stones and tea"}});
  ASSERT_EQ(r.status, 200) << r.raw.body;
  EXPECT_EQ(call("GET", "/api/v1/auth/me", &phone).status, 401);
  EXPECT_EQ(call("GET", "/api/v1/auth/me", &laptop).status, 401);  // the old cookie is gone too
  Browser fresh{r.header("Set-Cookie")->substr(0, r.header("Set-Cookie")->find(';')), r.body["csrfToken"]};
  EXPECT_EQ(call("GET", "/api/v1/auth/me", &fresh).status, 200);
  sign_in("practitioner@demo.example", "river stones and tea");
}

TEST_F(Sessions, changing_password_needs_the_current_one) {
  auto b = sign_in("practitioner@demo.example");
  auto r = call("POST", "/api/v1/auth/password", &b,
                nlohmann::json{{"currentPassword", "not my password"}, {"newPassword", "river stones and tea"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.body["errors"][0]["field"], "currentPassword");
  sign_in("practitioner@demo.example");
}

TEST_F(Sessions, a_deactivated_user_is_signed_out_and_cannot_sign_in) {
  auto admin = sign_in("administrator@demo.example");
  auto practitioner = sign_in("practitioner@demo.example");
  auto id = user_id("practitioner@demo.example");
  auto u = call("GET", "/api/v1/users/" + id, &admin);
  auto r = call("PATCH", "/api/v1/users/" + id, &admin, nlohmann::json{{"active", false}},
                {{"if-match", *u.header("ETag")}});
  ASSERT_EQ(r.status, 200) << r.raw.body;
  EXPECT_EQ(call("GET", "/api/v1/auth/me", &practitioner).status, 401);
  auto again = call("POST", "/api/v1/auth/login", nullptr,
                    nlohmann::json{{"email", "practitioner@demo.example"}, {"password", kPassword}});
  EXPECT_EQ(again.status, 401);
}

}  // namespace
}  // namespace trellis::test

namespace trellis::test {
namespace {

// However an account comes to be switched off (a migration keeping one sign-in per person does
// it without a request), its sessions stop at the next request.
TEST_F(Sessions, a_switched_off_account_is_signed_out_at_its_next_request) {
  auto b = sign_in("practitioner@demo.example");
  ASSERT_EQ(call("GET", "/api/v1/auth/me", &b).status, 200);
  (void)db->write(
      [&](store::Conn& c) { return c.exec("UPDATE users SET active = 0 WHERE email = 'practitioner@demo.example'"); });
  EXPECT_EQ(call("GET", "/api/v1/auth/me", &b).status, 401);
}

}  // namespace
}  // namespace trellis::test
