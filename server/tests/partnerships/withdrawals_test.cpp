// The partnership routes no other test sees succeed: withdrawing a referral (with and without a
// body) and the review dimensions; each answer is checked against its schema (support.cpp).
#include "support.hpp"

namespace trellis::test {
namespace {

using nlohmann::json;

class ReferralWithdrawals : public TrellisTest {
 protected:
  void SetUp() override {
    TrellisTest::SetUp();
    load_demo();
    practitioner = sign_in("practitioner@demo.example");
    auto manager = sign_in("manager@demo.example");
    auto p = call("POST", "/api/v1/partners", &manager, json{{"name", "Bayside Housing"}});
    ASSERT_EQ(p.status, 201) << p.raw.body;
    partner_id = p.body["id"];
    auto person = call("POST", "/api/v1/people", &practitioner,
                       json{{"givenName", "Lena"}, {"familyName", "Haddad"}, {"dateOfBirth", "1979-08-14"}});
    ASSERT_EQ(person.status, 201) << person.raw.body;
    person_id = person.body["id"];
  }
  std::string path(const std::string& rest = "") { return "/api/v1/people/" + person_id + "/referrals" + rest; }
  std::string draft() {
    auto d = call("POST", path(), &practitioner,
                  json{{"partnerId", partner_id}, {"reason", "Lena needs housing before winter."}});
    EXPECT_EQ(d.status, 201) << d.raw.body;
    return d.body.value("id", "");
  }
  Browser practitioner;
  std::string partner_id, person_id;
};

TEST_F(ReferralWithdrawals, a_draft_is_withdrawn_with_or_without_a_note_and_stays_closed) {
  auto quiet = draft();
  http::Request req;
  req.method = "POST";
  req.path = path("/" + quiet + "/withdraw");
  req.headers = {{"cookie", practitioner.cookie},
                 {"x-csrf-token", practitioner.csrf},
                 {"host", "127.0.0.1:8080"},
                 {"if-match", "\"1\""}};
  auto bare = call_raw(req);  // no body at all
  ASSERT_EQ(bare.status, 200) << bare.raw.body;
  EXPECT_EQ(bare.body["status"], "withdrawn");
  EXPECT_FALSE(bare.body["closedAt"].is_null());

  auto noted = draft();
  auto w = call("POST", path("/" + noted + "/withdraw"), &practitioner, json{{"note", "Housed by family instead."}},
                {{"if-match", "\"1\""}});
  ASSERT_EQ(w.status, 200) << w.raw.body;
  EXPECT_EQ(w.body["version"], 2);
  auto timeline = call("GET", path("/" + noted + "/timeline"), &practitioner);
  ASSERT_EQ(timeline.status, 200) << timeline.raw.body;
  ASSERT_EQ(timeline.body["items"].size(), 2u);
  EXPECT_EQ(timeline.body["items"][0]["from"], "");
  EXPECT_EQ(timeline.body["items"][1]["to"], "withdrawn");
  EXPECT_EQ(timeline.body["items"][1]["note"], "Housed by family instead.");

  auto again = call("POST", path("/" + noted + "/withdraw"), &practitioner, json::object(), {{"if-match", "\"2\""}});
  EXPECT_EQ(again.status, 409) << again.raw.body;
  auto unknown =
      call("POST", path("/" + draft() + "/withdraw"), &practitioner, json{{"reason", "x"}}, {{"if-match", "\"1\""}});
  EXPECT_EQ(unknown.status, 422) << unknown.raw.body;
}

TEST_F(ReferralWithdrawals, the_review_dimensions_are_listed_for_anyone_signed_in) {
  auto r = call("GET", "/api/v1/partnership-reviews/dimensions", &practitioner);
  ASSERT_EQ(r.status, 200) << r.raw.body;
  ASSERT_EQ(r.body["items"].size(), 7u);
  EXPECT_EQ(r.body["items"][0]["code"], "need_and_purpose");
  EXPECT_EQ(call("GET", "/api/v1/partnership-reviews/dimensions").status, 401);
}

}  // namespace
}  // namespace trellis::test
