#include "partnerships/partner_fixture.hpp"

namespace trellis::test {
namespace {

using nlohmann::json;

class PartnerFigures : public Referrals {};

TEST_F(PartnerFigures, managers_see_every_partner_and_a_partner_only_its_own) {
  consent({"profile", "goals"});
  std::string a = draft().body["id"], b = draft().body["id"];
  send(a);
  send(b);
  auto bayside = sign_in("intake@bayside.example", "harbour lights at dusk");
  clock.advance(std::chrono::hours(48));
  bayside = sign_in("intake@bayside.example", "harbour lights at dusk");
  call("POST", "/api/v1/partner/referrals/" + a + "/status", &bayside, json{{"status", "accepted"}},
       {{"if-match", "\"2\""}});
  call("POST", "/api/v1/partner/referrals/" + b + "/status", &bayside,
       json{{"status", "declined"}, {"note", "Outside our area."}}, {{"if-match", "\"2\""}});
  auto manager = sign_in("manager@demo.example");
  auto year = to_iso(clock.now()).substr(0, 4);
  auto all = call("GET", "/api/v1/partners/figures?from=" + year + "-01-01&to=" + year + "-12-31", &manager);
  ASSERT_EQ(all.status, 200) << all.raw.body;
  ASSERT_EQ(all.body["items"].size(), 2u);
  const auto& f = all.body["items"][0];  // Bayside sorts first
  EXPECT_EQ(f["partnerName"], "Bayside Housing");
  EXPECT_EQ(f["sent"], 2);
  EXPECT_EQ(f["accepted"], 1);
  EXPECT_EQ(f["declined"], 1);
  EXPECT_DOUBLE_EQ(f["acceptanceRate"].get<double>(), 0.5);
  EXPECT_NEAR(f["meanDaysToRespond"].get<double>(), 2.0, 0.01);
  auto own = call("GET", "/api/v1/partner/figures?from=" + year + "-01-01&to=" + year + "-12-31", &bayside);
  ASSERT_EQ(own.body["items"].size(), 1u);
  EXPECT_EQ(own.body["items"][0]["sent"], 2);
  auto northside = sign_in("intake@northside.example", "morning bus to the city");
  auto theirs = call("GET", "/api/v1/partner/figures", &northside);
  ASSERT_EQ(theirs.body["items"].size(), 1u);
  EXPECT_EQ(theirs.body["items"][0]["partnerName"], "Northside Employment");
  EXPECT_EQ(call("GET", "/api/v1/partners/figures?from=soon", &manager).status, 400);
}

class Agreements : public Referrals {
 protected:
  json partner(Browser& who) {
    auto list = call("GET", "/api/v1/partners", &who);
    for (const auto& p : list.body["items"])
      if (p["id"] == partner_id) return p;
    return nullptr;
  }
};

TEST_F(Agreements, managers_keep_the_whole_agreement_and_a_stale_edit_is_refused) {
  auto manager = sign_in("manager@demo.example");
  auto before = partner(manager);
  json agreement = {{"name", "Bayside Housing"},
                    {"status", "active"},
                    {"agreementPurpose", "Safe, settled housing for people we both support."},
                    {"agreementRoles", "We refer with consent; Bayside assesses within 3 days."},
                    {"agreementExpectations", "Both sides tell each other about changes within a week."},
                    {"agreementContacts", "Intake: 03 9000 0000. Partnerships: Sam, 03 9000 0001."},
                    {"informationSharing", "Only what the person agrees to share."},
                    {"ourResources", "A peer worker one day a week at Bayside."},
                    {"partnerResources", "Two transitional places held for people we refer."},
                    {"responseDays", 3},
                    {"agreementStartsOn", "2026-07-01"},
                    {"agreementReviewOn", "2027-06-30"}};
  auto saved = call("PUT", "/api/v1/partners/" + partner_id, &manager, agreement, {{"if-match", "\"1\""}});
  ASSERT_EQ(saved.status, 200) << saved.raw.body;
  EXPECT_EQ(saved.body["version"], 2);
  auto now = partner(practitioner);
  EXPECT_EQ(now["ourResources"], "A peer worker one day a week at Bayside.");
  EXPECT_EQ(now["partnerResources"], "Two transitional places held for people we refer.");
  EXPECT_EQ(now["agreementContacts"], agreement["agreementContacts"]);
  EXPECT_EQ(now["agreementReviewOn"], "2027-06-30");
  // Someone else's edit, made from the version before: refused, nothing overwritten.
  agreement["ourResources"] = "Nothing";
  auto stale = call("PUT", "/api/v1/partners/" + partner_id, &manager, agreement, {{"if-match", "\"1\""}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(partner(manager)["ourResources"], "A peer worker one day a week at Bayside.");
  // A review before the start is named.
  agreement["agreementReviewOn"] = "2026-01-01";
  auto bad = call("PUT", "/api/v1/partners/" + partner_id, &manager, agreement, {{"if-match", "\"2\""}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.body["errors"][0]["field"], "agreementReviewOn");
  EXPECT_EQ(call("PUT", "/api/v1/partners/" + partner_id, &practitioner, agreement, {{"if-match", "\"2\""}}).status,
            403);
}

TEST_F(Agreements, a_partner_keeps_its_own_capacity_and_workers_see_it_before_referring) {
  auto intake = sign_in("intake@bayside.example", "harbour lights at dusk");
  auto own = call("GET", "/api/v1/partner/agency", &intake);
  ASSERT_EQ(own.status, 200);
  EXPECT_EQ(own.body["id"], partner_id);
  auto full = call("PUT", "/api/v1/partner/capacity", &intake, json{{"takingReferrals", false}, {"waitWeeks", 6}},
                   {{"if-match", "\"" + std::to_string(own.body["version"].get<int>()) + "\""}});
  ASSERT_EQ(full.status, 200) << full.raw.body;
  auto seen = partner(practitioner);
  EXPECT_EQ(seen["takingReferrals"], false);
  EXPECT_EQ(seen["waitWeeks"], 6);
  EXPECT_FALSE(seen["capacityUpdatedAt"].is_null());
  // The other agency's capacity is not theirs to change: the route only ever changes their own.
  auto northside = sign_in("intake@northside.example", "morning bus to the city");
  EXPECT_EQ(call("GET", "/api/v1/partner/agency", &northside).body["id"], other_partner_id);
  EXPECT_EQ(
      call("PUT", "/api/v1/partner/capacity", &practitioner, json{{"takingReferrals", true}}, {{"if-match", "\"2\""}})
          .status,
      403);
  EXPECT_EQ(call("PUT", "/api/v1/partner/capacity", &intake, json{{"waitWeeks", 2}}, {{"if-match", "\"2\""}}).status,
            422)
      << "takingReferrals is required";
}

TEST_F(Agreements, a_signed_agreement_is_attached_kept_and_downloaded_as_it_was) {
  auto manager = sign_in("manager@demo.example");
  const std::string base = "/api/v1/partners/" + partner_id + "/documents";
  // "%PDF-1.4 signed" in base64.
  auto attached = call("POST", base, &manager,
                       json{{"name", "Bayside agreement 2026.pdf"},
                            {"contentType", "application/pdf"},
                            {"data", "JVBERi0xLjQgc2lnbmVk"}});
  ASSERT_EQ(attached.status, 201) << attached.raw.body;
  EXPECT_EQ(attached.body["sizeBytes"], 15);
  auto list = call("GET", base, &manager);
  ASSERT_EQ(list.body["items"].size(), 1u);
  auto file = call("GET", base + "/" + attached.body["id"].get<std::string>(), &manager);
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.raw.body, "%PDF-1.4 signed");
  EXPECT_EQ(file.raw.content_type, "application/pdf");
  EXPECT_EQ(file.header("Content-Disposition"), "attachment; filename=\"Bayside agreement 2026.pdf\"");
  auto exe = call("POST", base, &manager,
                  json{{"name", "x.exe"}, {"contentType", "application/x-msdownload"}, {"data", "TVo="}});
  EXPECT_EQ(exe.status, 422);
  EXPECT_EQ(exe.body["errors"][0]["field"], "contentType");
  auto garbled = call("POST", base, &manager,
                      json{{"name", "a.pdf"}, {"contentType", "application/pdf"}, {"data", "not base64!"}});
  EXPECT_EQ(garbled.status, 400);
  EXPECT_EQ(garbled.body["errors"][0]["field"], "data");
  EXPECT_EQ(call("GET", base, &practitioner).status, 403);
  EXPECT_EQ(call("GET", base, &manager).body["items"].size(), 1u) << "refused uploads leave nothing behind";
}

}  // namespace
}  // namespace trellis::test
