// The partnership routes no other test sees succeed: withdrawing a referral (with and without a
// body) and the review dimensions; each answer is checked against its schema (support.cpp).
#include "partnerships/partner_fixture.hpp"

namespace trellis::test {
namespace {

using nlohmann::json;

class ReferralWithdrawals : public Referrals {
 protected:
  std::string referral(const std::string& rest) { return path("/referrals" + rest); }
  std::string draft_id() {
    auto d = call("POST", referral(""), &practitioner,
                  json{{"partnerId", partner_id}, {"reason", "Lena needs housing before winter."}});
    EXPECT_EQ(d.status, 201) << d.raw.body;
    return d.body.value("id", "");
  }
};

TEST_F(ReferralWithdrawals, a_draft_is_withdrawn_with_or_without_a_note_and_stays_closed) {
  auto quiet = draft_id();
  http::Request req;
  req.method = "POST";
  req.path = referral("/" + quiet + "/withdraw");
  req.headers = {{"cookie", practitioner.cookie},
                 {"x-csrf-token", practitioner.csrf},
                 {"host", "127.0.0.1:8080"},
                 {"if-match", "\"1\""}};
  auto bare = call_raw(req);  // no body at all
  ASSERT_EQ(bare.status, 200) << bare.raw.body;
  EXPECT_EQ(bare.body["status"], "withdrawn");
  EXPECT_FALSE(bare.body["closedAt"].is_null());

  auto noted = draft_id();
  auto w = call("POST", referral("/" + noted + "/withdraw"), &practitioner, json{{"note", "Housed by family instead."}},
                {{"if-match", "\"1\""}});
  ASSERT_EQ(w.status, 200) << w.raw.body;
  EXPECT_EQ(w.body["version"], 2);
  auto timeline = call("GET", referral("/" + noted + "/timeline"), &practitioner);
  ASSERT_EQ(timeline.status, 200) << timeline.raw.body;
  ASSERT_EQ(timeline.body["items"].size(), 2u);
  EXPECT_EQ(timeline.body["items"][0]["from"], "");
  EXPECT_EQ(timeline.body["items"][1]["to"], "withdrawn");
  EXPECT_EQ(timeline.body["items"][1]["note"], "Housed by family instead.");

  auto again =
      call("POST", referral("/" + noted + "/withdraw"), &practitioner, json::object(), {{"if-match", "\"2\""}});
  EXPECT_EQ(again.status, 409) << again.raw.body;
  auto unknown = call("POST", referral("/" + draft_id() + "/withdraw"), &practitioner, json{{"reason", "x"}},
                      {{"if-match", "\"1\""}});
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
