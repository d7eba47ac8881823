#include "support.hpp"

namespace trellis::test {
namespace {

class Throttle : public TrellisTest {
 protected:
  void SetUp() override {
    TrellisTest::SetUp();
    load_demo();
  }
  Reply attempt(const std::string& password, const std::string& client = "10.1.1.1",
                const std::string& email = "practitioner@demo.example") {
    http::Request req;
    req.method = "POST";
    req.path = "/api/v1/auth/login";
    req.client_address = client;
    req.body = nlohmann::json{{"email", email}, {"password", password}}.dump();
    return call_raw(req);
  }
};

TEST_F(Throttle, ten_failures_pause_the_account_even_for_the_right_password) {
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(attempt("wrong password " + std::to_string(i)).status, 401);
    clock.advance(std::chrono::seconds(10));
  }
  auto r = attempt(kPassword);
  EXPECT_EQ(r.status, 429);
  auto retry = std::stoi(r.header("Retry-After").value_or("0"));
  // The first failure was 100 s ago; it leaves the 15-minute window in 800 s.
  EXPECT_EQ(retry, 800);
  EXPECT_NE(r.body["detail"].get<std::string>().find("wait"), std::string::npos);
}

TEST_F(Throttle, sign_in_works_again_after_the_wait) {
  for (int i = 0; i < 10; ++i) attempt("wrong password " + std::to_string(i));
  EXPECT_EQ(attempt(kPassword).status, 429);
  clock.advance(std::chrono::minutes(15) + std::chrono::seconds(1));
  EXPECT_EQ(attempt(kPassword).status, 200);
}

TEST_F(Throttle, a_success_clears_earlier_failures) {
  for (int i = 0; i < 9; ++i) attempt("wrong password " + std::to_string(i));
  EXPECT_EQ(attempt(kPassword).status, 200);
  for (int i = 0; i < 9; ++i) EXPECT_EQ(attempt("wrong again " + std::to_string(i)).status, 401);
  EXPECT_EQ(attempt(kPassword).status, 200);
}

TEST_F(Throttle, one_device_trying_many_accounts_is_paused) {
  for (int i = 0; i < 50; ++i) attempt("wrong password", "10.9.9.9", "someone" + std::to_string(i) + "@demo.example");
  EXPECT_EQ(attempt(kPassword, "10.9.9.9").status, 429);
  EXPECT_EQ(attempt(kPassword, "10.1.1.2").status, 200);  // another device is not affected
}

TEST_F(Throttle, failures_on_one_account_do_not_pause_another) {
  for (int i = 0; i < 10; ++i) attempt("wrong password", "10.1.1." + std::to_string(i));
  EXPECT_EQ(attempt(kPassword, "10.2.2.2", "manager@demo.example").status, 200);
}

}  // namespace
}  // namespace trellis::test
