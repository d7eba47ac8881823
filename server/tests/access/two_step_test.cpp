// Two-step sign-in for administrators and managers: TOTP codes (RFC 6238) and recovery codes,
// optional or required by the organisation. The test plays the authenticator app with the
// injected clock.
#include "access/totp.hpp"
#include "support.hpp"

namespace trellis::test {
namespace {

using nlohmann::json;

class TwoStep : public TrellisTest {
 protected:
  void SetUp() override {
    TrellisTest::SetUp();
    load_demo();
  }
  // Turns two-step sign-in on for the signed-in user and returns the app's key and the recovery codes.
  std::pair<std::string, json> turn_on(const Browser& b) {
    auto setup = call("POST", "/api/v1/auth/two-step/setup", &b);
    EXPECT_EQ(setup.status, 200) << setup.raw.body;
    std::string secret = setup.body.value("secret", "");
    EXPECT_NE(setup.body.value("uri", "").find("otpauth://totp/Trellis:"), std::string::npos);
    auto confirmed =
        call("POST", "/api/v1/auth/two-step/confirm", &b, json{{"code", access::totp::code_at(secret, clock.now())}});
    EXPECT_EQ(confirmed.status, 200) << confirmed.raw.body;
    return {secret, confirmed.body["recoveryCodes"]};
  }
  Reply password_step(const std::string& email) {
    return call("POST", "/api/v1/auth/login", nullptr, json{{"email", email}, {"password", kPassword}});
  }
  Reply code_step(const std::string& ticket, const std::string& code) {
    return call("POST", "/api/v1/auth/two-step/verify", nullptr, json{{"ticket", ticket}, {"code", code}});
  }
};

TEST_F(TwoStep, after_turning_it_on_the_password_alone_opens_nothing_and_a_code_does) {
  auto manager = sign_in("manager@demo.example");
  auto wrong = call("POST", "/api/v1/auth/two-step/setup", &manager);
  ASSERT_EQ(wrong.status, 200);
  EXPECT_EQ(call("POST", "/api/v1/auth/two-step/confirm", &manager, json{{"code", "000000"}}).status, 422);
  auto [secret, codes] = turn_on(manager);
  EXPECT_EQ(codes.size(), 10u);
  EXPECT_TRUE(call("GET", "/api/v1/auth/two-step", &manager).body["enabled"].get<bool>());

  auto half = password_step("manager@demo.example");
  ASSERT_EQ(half.status, 200);
  EXPECT_TRUE(half.body["twoStepRequired"].get<bool>());
  EXPECT_FALSE(half.header("Set-Cookie").has_value());
  std::string ticket = half.body["ticket"];
  // The code that confirmed the app was used already; the next one works, once.
  EXPECT_EQ(code_step(ticket, access::totp::code_at(secret, clock.now())).status, 422);
  clock.advance(std::chrono::seconds(30));
  auto code = access::totp::code_at(secret, clock.now());
  auto in = code_step(ticket, code);
  ASSERT_EQ(in.status, 200) << in.raw.body;
  EXPECT_TRUE(in.header("Set-Cookie").has_value());
  EXPECT_EQ(code_step(ticket, code).status, 401);  // a ticket opens one session
  auto again = password_step("manager@demo.example");
  EXPECT_EQ(code_step(again.body["ticket"], code).status, 422);  // nor does a code work twice
}

TEST_F(TwoStep, a_recovery_code_works_once_and_wrong_codes_end_the_ticket) {
  auto admin = sign_in("administrator@demo.example");
  auto [secret, codes] = turn_on(admin);
  std::string recovery = codes[0];
  auto half = password_step("administrator@demo.example");
  auto in = code_step(half.body["ticket"], recovery);
  ASSERT_EQ(in.status, 200) << in.raw.body;
  auto half2 = password_step("administrator@demo.example");
  EXPECT_EQ(code_step(half2.body["ticket"], recovery).status, 422);
  auto left = call("GET", "/api/v1/auth/two-step", &admin);
  EXPECT_EQ(left.body["recoveryCodesLeft"], 9);

  auto half3 = password_step("administrator@demo.example");
  std::string ticket = half3.body["ticket"];
  for (int i = 0; i < 5; ++i) EXPECT_EQ(code_step(ticket, "123456").status, 422);
  clock.advance(std::chrono::seconds(30));
  auto late = code_step(ticket, access::totp::code_at(secret, clock.now()));
  EXPECT_EQ(late.status, 401);
  EXPECT_EQ(late.body["type"], "https://trellis.example/problems/two_step_expired");
  // A ticket lasts five minutes.
  auto half4 = password_step("administrator@demo.example");
  clock.advance(std::chrono::minutes(6));
  EXPECT_EQ(code_step(half4.body["ticket"], access::totp::code_at(secret, clock.now())).status, 401);
}

TEST_F(TwoStep, new_recovery_codes_replace_the_old_ones) {
  auto admin = sign_in("administrator@demo.example");
  auto [secret, old_codes] = turn_on(admin);
  ASSERT_EQ(call("POST", "/api/v1/auth/reauthenticate", &admin, json{{"password", kPassword}}).status, 204);
  auto fresh = call("POST", "/api/v1/auth/two-step/recovery-codes", &admin);
  ASSERT_EQ(fresh.status, 200) << fresh.raw.body;
  ASSERT_EQ(fresh.body["recoveryCodes"].size(), 10u);
  EXPECT_NE(fresh.body["recoveryCodes"][0], old_codes[0]);
  auto half = password_step("administrator@demo.example");
  EXPECT_EQ(code_step(half.body["ticket"], old_codes[0]).status, 422) << "the old codes no longer work";
  EXPECT_EQ(code_step(half.body["ticket"], fresh.body["recoveryCodes"][0]).status, 200);
}

TEST_F(TwoStep, an_organisation_that_requires_it_lets_a_manager_do_nothing_else_until_it_is_set_up) {
  auto admin = sign_in("administrator@demo.example");
  auto set = call("PUT", "/api/v1/settings/two-step", &admin, json{{"required", true}});
  ASSERT_EQ(set.status, 200) << set.raw.body;
  auto manager = sign_in("manager@demo.example");
  auto me = call("GET", "/api/v1/auth/me", &manager);
  EXPECT_TRUE(me.body["twoStepSetupRequired"].get<bool>());
  auto blocked = call("GET", "/api/v1/people", &manager);
  EXPECT_EQ(blocked.status, 403);
  EXPECT_EQ(blocked.body["type"], "https://trellis.example/problems/two_step_setup_required");
  EXPECT_TRUE(call("GET", "/api/v1/auth/two-step", &manager).body["required"].get<bool>());
  turn_on(manager);
  EXPECT_EQ(call("GET", "/api/v1/people", &manager).status, 200);  // the same session, now set up
  auto off = call("DELETE", "/api/v1/auth/two-step", &manager);
  EXPECT_EQ(off.status, 409);
  // Practitioners are not asked.
  auto practitioner = sign_in("practitioner@demo.example");
  EXPECT_EQ(call("GET", "/api/v1/people", &practitioner).status, 200);
  EXPECT_EQ(call("POST", "/api/v1/auth/two-step/setup", &practitioner).status, 403);
}

TEST_F(TwoStep, turning_it_on_and_off_and_every_second_step_are_audited) {
  auto manager = sign_in("manager@demo.example");
  auto [secret, codes] = turn_on(manager);
  auto half = password_step("manager@demo.example");
  EXPECT_EQ(code_step(half.body["ticket"], "999999").status, 422);
  EXPECT_EQ(call("DELETE", "/api/v1/auth/two-step", &manager).status, 204);
  EXPECT_FALSE(password_step("manager@demo.example").body.contains("twoStepRequired"));
  wait_for_audit_log();
  auto rows = db->read([&](store::Conn& c) {
    return c.query("SELECT action, outcome FROM audit_events WHERE action LIKE 'auth.two_step%' ORDER BY seq");
  });
  std::vector<std::string> seen;
  for (const auto& r : *rows) seen.push_back(r.text(0) + ":" + r.text(1));
  EXPECT_EQ(seen, (std::vector<std::string>{"auth.two_step.begin:success", "auth.two_step.on:success",
                                            "auth.two_step:failure", "auth.two_step.off:success"}));
}

}  // namespace
}  // namespace trellis::test

namespace trellis::test {
namespace {

// Found by trying it as an attacker would: a new ticket gave five more guesses, without end.
TEST_F(TwoStep, wrong_codes_count_toward_the_accounts_sign_in_pause_across_tickets) {
  auto manager = sign_in("manager@demo.example");
  auto [secret, codes] = turn_on(manager);
  int wrong = 0;
  for (int ticket = 0; ticket < 2; ++ticket) {
    clock.advance(std::chrono::seconds(1));
    auto half = password_step("manager@demo.example");
    ASSERT_EQ(half.status, 200) << half.raw.body;
    for (int i = 0; i < 5; ++i, ++wrong) EXPECT_EQ(code_step(half.body["ticket"], "123456").status, 422);
  }
  EXPECT_EQ(wrong, 10);
  auto paused = password_step("manager@demo.example");
  EXPECT_EQ(paused.status, 429) << paused.raw.body;
}

// A stolen session must not become a way to guess the password without the pause.
TEST_F(TwoStep, password_confirmations_count_toward_the_sign_in_pause) {
  auto peer = sign_in("peer-worker@demo.example");
  clock.advance(std::chrono::seconds(1));
  for (int i = 0; i < 10; ++i)
    EXPECT_EQ(call("POST", "/api/v1/auth/reauthenticate", &peer, json{{"password", "wrong guess " + std::to_string(i)}})
                  .status,
              403);
  auto paused = call("POST", "/api/v1/auth/reauthenticate", &peer, json{{"password", kPassword}});
  EXPECT_EQ(paused.status, 429);
  EXPECT_EQ(password_step("peer-worker@demo.example").status, 429);
}

}  // namespace
}  // namespace trellis::test
