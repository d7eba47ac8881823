#include "support.hpp"

namespace trellis::test {
namespace {

using nlohmann::json;

class Referrals : public TrellisTest {
 protected:
  void SetUp() override {
    TrellisTest::SetUp();
    load_demo();
    practitioner = sign_in("practitioner@demo.example");
    auto manager = sign_in("manager@demo.example");
    auto p = call(
        "POST", "/api/v1/partners", &manager,
        json{{"name", "Bayside Housing"}, {"responseDays", 3}, {"agreementPurpose", "Housing for people we support"}});
    ASSERT_EQ(p.status, 201) << p.raw.body;
    partner_id = p.body["id"];
    auto other = call("POST", "/api/v1/partners", &manager, json{{"name", "Northside Employment"}});
    other_partner_id = other.body["id"];
    ASSERT_EQ(call("POST", "/api/v1/partners/" + partner_id + "/users", &manager,
                   json{{"email", "intake@bayside.example"},
                        {"displayName", "Bayside Intake"},
                        {"password", "harbour lights at dusk"}})
                  .status,
              201);
    ASSERT_EQ(call("POST", "/api/v1/partners/" + other_partner_id + "/users", &manager,
                   json{{"email", "intake@northside.example"},
                        {"displayName", "Northside Intake"},
                        {"password", "morning bus to the city"}})
                  .status,
              201);
    auto person = call(
        "POST", "/api/v1/people", &practitioner,
        json{
            {"givenName", "Lena"}, {"familyName", "Haddad"}, {"dateOfBirth", "1979-08-14"}, {"phone", "0400 111 222"}});
    person_id = person.body["id"];
    auto goal = call("POST", path("/goals"), &practitioner, json{{"title", "A safe place to live"}});
    goal_id = goal.body["id"];
  }
  std::string path(const std::string& rest = "") { return "/api/v1/people/" + person_id + rest; }
  Reply draft() {
    return call("POST", path("/referrals"), &practitioner,
                json{{"partnerId", partner_id},
                     {"reason", "Lena needs housing before winter."},
                     {"goalIds", {goal_id}},
                     {"sharedParts", {"profile", "goals"}}});
  }
  Reply consent(const std::vector<std::string>& parts) {
    return call("POST", path("/consents"), &practitioner,
                json{{"partnerId", partner_id}, {"parts", parts}, {"purpose", "Referral to Bayside Housing"}});
  }
  Reply send(const std::string& id, int version = 1) {
    return call("POST", path("/referrals/" + id + "/send"), &practitioner, json::object(),
                {{"if-match", "\"" + std::to_string(version) + "\""}});
  }
  Browser practitioner;
  std::string partner_id, other_partner_id, person_id, goal_id;
};

TEST_F(Referrals, a_referral_without_consent_cannot_be_sent) {
  auto d = draft();
  ASSERT_EQ(d.status, 201) << d.raw.body;
  auto refused = send(d.body["id"]);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(refused.body["type"], "https://trellis.example/problems/consent_required");
  ASSERT_EQ(consent({"profile"}).status, 201);  // not enough: the referral also shares goals
  EXPECT_EQ(send(d.body["id"]).status, 422);
  ASSERT_EQ(consent({"profile", "goals"}).status, 201);
  auto sent = send(d.body["id"]);
  ASSERT_EQ(sent.status, 200) << sent.raw.body;
  EXPECT_EQ(sent.body["status"], "sent");
}

TEST_F(Referrals, the_partner_sees_only_their_own_referrals_and_only_consented_fields) {
  consent({"profile", "goals"});
  auto d = draft();
  std::string id = d.body["id"];
  ASSERT_EQ(send(id).status, 200);
  auto bayside = sign_in("intake@bayside.example", "harbour lights at dusk");
  auto northside = sign_in("intake@northside.example", "morning bus to the city");
  EXPECT_EQ(call("GET", "/api/v1/partner/referrals", &bayside).body["items"].size(), 1u);
  auto audited = db->read([&](store::Conn& c) {
    return c.query("SELECT detail FROM audit_events WHERE person_id = ? AND action = 'person.read'", {person_id});
  });
  ASSERT_EQ(audited->size(), 1u);
  EXPECT_EQ((*audited)[0].text(0), "partner inbox");
  EXPECT_EQ(call("GET", "/api/v1/partner/referrals", &northside).body["items"].size(), 0u);
  EXPECT_EQ(call("GET", "/api/v1/partner/referrals/" + id, &northside).status, 404);
  EXPECT_EQ(call("GET", path(), &bayside).status, 404);  // no way into the record itself
  auto item = call("GET", "/api/v1/partner/referrals/" + id, &bayside);
  ASSERT_EQ(item.status, 200);
  EXPECT_EQ(item.body["personName"], "Lena Haddad");
  EXPECT_EQ(item.body["visibleParts"], json::array({"profile", "goals"}));
  EXPECT_EQ(item.body["goalIds"].size(), 1u);
  // The person withdraws consent: the goals stop travelling at once.
  auto consents = call("GET", path("/consents"), &practitioner);
  for (const auto& k : consents.body["items"])
    call("POST", path("/consents/" + k["id"].get<std::string>() + "/withdraw"), &practitioner);
  auto after = call("GET", "/api/v1/partner/referrals/" + id, &bayside);
  EXPECT_EQ(after.body["visibleParts"], json::array());
  EXPECT_EQ(after.body["goalIds"].size(), 0u);
}

TEST_F(Referrals, the_inbox_comes_a_page_at_a_time_newest_first_auditing_only_what_is_shown) {
  consent({"profile", "goals"});
  std::vector<std::string> sent;
  for (int i = 0; i < 3; ++i) {
    auto d = draft();
    ASSERT_EQ(send(d.body["id"]).status, 200);
    sent.push_back(d.body["id"]);
    clock.advance(std::chrono::minutes(5));
  }
  auto bayside = sign_in("intake@bayside.example", "harbour lights at dusk");
  auto first = call("GET", "/api/v1/partner/referrals?limit=2", &bayside);
  ASSERT_EQ(first.status, 200);
  ASSERT_EQ(first.body["items"].size(), 2u);
  EXPECT_EQ(first.body["items"][0]["id"], sent[2]);
  EXPECT_EQ(first.body["items"][1]["id"], sent[1]);
  ASSERT_TRUE(first.body["nextCursor"].is_string());
  auto audited = db->read([&](store::Conn& c) {
    return c.query_one("SELECT COUNT(*) FROM audit_events WHERE action = 'person.read' AND detail = 'partner inbox'");
  });
  EXPECT_EQ((*audited)->integer(0), 2);
  auto rest =
      call("GET", "/api/v1/partner/referrals?limit=2&cursor=" + first.body["nextCursor"].get<std::string>(), &bayside);
  ASSERT_EQ(rest.body["items"].size(), 1u);
  EXPECT_EQ(rest.body["items"][0]["id"], sent[0]);
  EXPECT_TRUE(rest.body["nextCursor"].is_null());
}

TEST_F(Referrals, declining_needs_a_reason_and_the_loop_closes_with_an_outcome) {
  consent({"profile", "goals"});
  std::string id = draft().body["id"];
  send(id);
  auto bayside = sign_in("intake@bayside.example", "harbour lights at dusk");
  auto move = [&](const std::string& to, const std::string& note, int version) {
    json body{{"status", to}};
    if (!note.empty()) body["note"] = note;
    return call("POST", "/api/v1/partner/referrals/" + id + "/status", &bayside, body,
                {{"if-match", "\"" + std::to_string(version) + "\""}});
  };
  auto no_reason = move("declined", "", 2);
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_EQ(no_reason.body["errors"][0]["field"], "note");
  EXPECT_EQ(move("completed", "Housed", 2).status, 422);  // not from sent
  ASSERT_EQ(move("received", "", 2).status, 200);
  ASSERT_EQ(move("accepted", "", 3).status, 200);
  EXPECT_EQ(move("in_progress", "", 3).status, 409);  // a stale version
  ASSERT_EQ(move("in_progress", "", 4).status, 200);
  auto done = move("completed", "", 5);
  EXPECT_EQ(done.status, 422);
  done = move("completed", "Lena moved into a unit in Bayside.", 5);
  ASSERT_EQ(done.status, 200);
  EXPECT_FALSE(done.body["closedAt"].is_null());
  auto timeline = call("GET", path("/referrals/" + id + "/timeline"), &practitioner);
  ASSERT_EQ(timeline.body["items"].size(), 6u);  // draft, sent, received, accepted, in progress, completed
  EXPECT_EQ(timeline.body["items"][5]["note"], "Lena moved into a unit in Bayside.");
}

TEST_F(Referrals, overdue_after_the_agreed_response_time) {
  consent({"profile"});
  auto d = call("POST", path("/referrals"), &practitioner,
                json{{"partnerId", partner_id}, {"reason", "Housing support please."}, {"sharedParts", {"profile"}}});
  std::string id = d.body["id"];
  send(id);
  auto before = call("GET", path("/referrals"), &practitioner);
  EXPECT_FALSE(before.body["items"][0]["overdue"].get<bool>());
  clock.advance(std::chrono::hours(24 * 3 + 1));
  practitioner = sign_in("practitioner@demo.example");
  auto after = call("GET", path("/referrals"), &practitioner);
  EXPECT_TRUE(after.body["items"][0]["overdue"].get<bool>());
  auto bayside = sign_in("intake@bayside.example", "harbour lights at dusk");
  call("POST", "/api/v1/partner/referrals/" + id + "/status", &bayside, json{{"status", "received"}},
       {{"if-match", "\"2\""}});
  EXPECT_FALSE(call("GET", path("/referrals"), &practitioner).body["items"][0]["overdue"].get<bool>());
}

TEST_F(Referrals, the_person_sees_their_referrals_in_the_portal_but_cannot_send_them) {
  auto lena = invite_and_accept(path("/invitations"), practitioner, "lena@example.org", "olive trees in the yard");
  draft();
  EXPECT_EQ(call("GET", path("/referrals"), &lena).body["items"].size(), 1u);
  EXPECT_EQ(
      call("POST", path("/referrals"), &lena, json{{"partnerId", partner_id}, {"reason", "Please help me."}}).status,
      403);
}

}  // namespace
}  // namespace trellis::test

namespace trellis::test {
namespace {

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

}  // namespace
}  // namespace trellis::test

namespace trellis::test {
namespace {

class ReferralProtocol : public Referrals {};

TEST_F(ReferralProtocol, a_referral_missing_what_the_partner_requires_is_not_sent) {
  auto manager = sign_in("manager@demo.example");
  auto p = call("POST", "/api/v1/partners", &manager,
                json{{"name", "Eastside Recovery College"},
                     {"requiredParts", {"profile", "goals"}},
                     {"referralGuidance", "Say which course interests the person."}});
  ASSERT_EQ(p.status, 201) << p.raw.body;
  EXPECT_EQ(p.body["requiredParts"], json::array({"profile", "goals"}));
  std::string college = p.body["id"];
  call("POST", path("/consents"), &practitioner,
       json{{"partnerId", college}, {"parts", {"profile", "goals"}}, {"purpose", "Recovery college"}});
  auto thin = call("POST", path("/referrals"), &practitioner,
                   json{{"partnerId", college}, {"reason", "Art course please."}, {"sharedParts", {"profile"}}});
  auto refused = send(thin.body["id"]);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(refused.body["errors"][0]["field"], "sharedParts");
  auto full =
      call("POST", path("/referrals"), &practitioner,
           json{{"partnerId", college}, {"reason", "Art course please."}, {"sharedParts", {"profile", "goals"}}});
  EXPECT_EQ(send(full.body["id"]).status, 200);
}

}  // namespace
}  // namespace trellis::test

namespace trellis::test {
namespace {

class Reviews : public Referrals {
 protected:
  json all(int score, const std::string& comment = "") {
    json list = json::array();
    for (const char* d : {"need_and_purpose", "choice_of_partners", "shared_goals_and_roles", "planning",
                          "implementing_together", "barriers", "reflecting_and_going_on"})
      list.push_back({{"dimension", d}, {"score", score}, {"comment", comment}});
    return json{{"ratings", list}};
  }
};

TEST_F(Reviews, both_sides_rate_and_see_agreement_change_and_actions) {
  auto manager = sign_in("manager@demo.example");
  auto first =
      call("POST", "/api/v1/partners/" + partner_id + "/reviews", &manager, json{{"title", "2026 first half"}});
  ASSERT_EQ(first.status, 201) << first.raw.body;
  std::string first_id = first.body["id"];
  ASSERT_EQ(call("PUT", "/api/v1/partnership-reviews/" + first_id + "/ratings", &manager, all(2)).status, 200);
  clock.advance(std::chrono::hours(1));  // reviews are ordered by when they opened
  manager = sign_in("manager@demo.example");

  auto second =
      call("POST", "/api/v1/partners/" + partner_id + "/reviews", &manager, json{{"title", "2026 second half"}});
  std::string id = second.body["id"];
  auto bayside = sign_in("intake@bayside.example", "harbour lights at dusk");
  ASSERT_EQ(call("PUT", "/api/v1/partnership-reviews/" + id + "/ratings", &manager, all(4, "Much better")).status, 200);
  auto rated = call("PUT", "/api/v1/partnership-reviews/" + id + "/ratings", &bayside, all(2, "Referrals arrive thin"));
  ASSERT_EQ(rated.status, 200) << rated.raw.body;
  EXPECT_EQ(rated.body["serviceRaters"], 1);
  EXPECT_EQ(rated.body["partnerRaters"], 1);
  const auto& d = rated.body["results"][0];
  EXPECT_DOUBLE_EQ(d["mean"].get<double>(), 3.0);
  EXPECT_EQ(d["spread"], 2);                         // the two sides see it differently
  EXPECT_DOUBLE_EQ(d["change"].get<double>(), 1.0);  // up from 2.0 last time
  EXPECT_EQ(d["comments"].size(), 2u);

  auto action = call("POST", "/api/v1/partnership-reviews/" + id + "/actions", &bayside,
                     json{{"action", "Agree a referral checklist"}, {"owner", "Both intake teams"}});
  EXPECT_EQ(action.status, 201);
  EXPECT_EQ(action.body["actions"].size(), 1u);

  auto incomplete = call("PUT", "/api/v1/partnership-reviews/" + id + "/ratings", &bayside,
                         json{{"ratings", {{{"dimension", "planning"}, {"score", 3}}}}});
  EXPECT_EQ(incomplete.status, 422);
  auto out_of_range = call("PUT", "/api/v1/partnership-reviews/" + id + "/ratings", &bayside, all(9));
  EXPECT_EQ(out_of_range.status, 422);

  // Both sides read it back as it stands: the service's list of reviews, and the one review.
  auto listed = call("GET", "/api/v1/partners/" + partner_id + "/reviews", &manager);
  ASSERT_EQ(listed.status, 200) << listed.raw.body;
  ASSERT_EQ(listed.body["items"].size(), 2u);
  auto again = call("GET", "/api/v1/partnership-reviews/" + id, &bayside);
  ASSERT_EQ(again.status, 200) << again.raw.body;
  EXPECT_EQ(again.body["actions"].size(), 1u);
  EXPECT_EQ(again.body["partnerRaters"], 1);
}

TEST_F(Reviews, other_partners_and_workers_cannot_see_or_rate_a_review) {
  auto manager = sign_in("manager@demo.example");
  std::string id =
      call("POST", "/api/v1/partners/" + partner_id + "/reviews", &manager, json{{"title", "Annual"}}).body["id"];
  auto northside = sign_in("intake@northside.example", "morning bus to the city");
  EXPECT_EQ(call("GET", "/api/v1/partnership-reviews/" + id, &northside).status, 404);
  EXPECT_EQ(call("PUT", "/api/v1/partnership-reviews/" + id + "/ratings", &northside, all(5)).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/partnership-reviews/" + id, &practitioner).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/partners/" + partner_id + "/reviews", &practitioner).status, 404);
  EXPECT_EQ(call("POST", "/api/v1/partners/" + partner_id + "/reviews", &practitioner, json{{"title", "Mine"}}).status,
            403);
}

}  // namespace
}  // namespace trellis::test

namespace trellis::test {
namespace {

class SharedCare : public Referrals {};

TEST_F(SharedCare, the_care_team_plans_with_a_partner_and_records_case_conferences) {
  auto plan = call("POST", path("/shared-care"), &practitioner,
                   json{{"partnerId", partner_id},
                        {"purpose", "Moving from hospital to a Bayside unit"},
                        {"whoDoesWhat", "Bayside finds the unit; Jordan visits weekly for the first month."},
                        {"dischargePlan", "Discharge on the day the lease starts."},
                        {"reviewOn", "2026-12-15"}});
  ASSERT_EQ(plan.status, 201) << plan.raw.body;
  std::string id = plan.body["id"];
  EXPECT_EQ(plan.body["partnerName"], "Bayside Housing");
  auto edit = call("PATCH", path("/shared-care/" + id), &practitioner,
                   json{{"whoDoesWhat", "Bayside finds the unit; Kim (peer worker) helps with moving."}},
                   {{"if-match", "\"1\""}});
  ASSERT_EQ(edit.status, 200) << edit.raw.body;
  auto stale =
      call("PATCH", path("/shared-care/" + id), &practitioner, json{{"contacts", "x"}}, {{"if-match", "\"1\""}});
  EXPECT_EQ(stale.status, 409);
  auto conf = call("POST", path("/case-conferences"), &practitioner,
                   json{{"heldOn", "2026-11-20"},
                        {"attendees", "Lena, Jordan Lee, Bayside intake"},
                        {"decisions", "Lena chooses the Bayside unit."},
                        {"personAttended", true}});
  ASSERT_EQ(conf.status, 201) << conf.raw.body;
  EXPECT_EQ(
      call("POST", path("/case-conferences"), &practitioner, json{{"heldOn", "soon"}, {"attendees", "x y"}}).status,
      422);
  auto list = call("GET", path("/case-conferences"), &practitioner);
  ASSERT_EQ(list.body["items"].size(), 1u);
  EXPECT_TRUE(list.body["items"][0]["personAttended"].get<bool>());
  // The person reads their shared care; they do not write it.
  auto lena = invite_and_accept(path("/invitations"), practitioner, "lena@example.org", "olive trees in the yard");
  EXPECT_EQ(call("GET", path("/shared-care"), &lena).body["items"].size(), 1u);
  EXPECT_EQ(call("POST", path("/case-conferences"), &lena, json{{"heldOn", "2026-11-21"}, {"attendees", "me"}}).status,
            403);
}

}  // namespace
}  // namespace trellis::test

namespace trellis::test {
namespace {

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

namespace trellis::test {
namespace {

// Issue 9, item 2 (decision 0014): once consent goes, the partner keeps a reference, dates and state.
TEST_F(Referrals, after_consent_is_withdrawn_the_partner_keeps_only_reference_dates_and_state) {
  consent({"profile", "goals"});
  std::string id = draft().body["id"];
  ASSERT_EQ(send(id).status, 200);
  auto bayside = sign_in("intake@bayside.example", "harbour lights at dusk");
  ASSERT_EQ(call("POST", "/api/v1/partner/referrals/" + id + "/status", &bayside,
                 json{{"status", "received"}, {"note", "Lena is on our list for Tuesday."}}, {{"if-match", "\"2\""}})
                .status,
            200);
  auto consents = call("GET", path("/consents"), &practitioner);
  for (const auto& k : consents.body["items"])
    ASSERT_EQ(call("POST", path("/consents/" + k["id"].get<std::string>() + "/withdraw"), &practitioner).status, 200);
  auto reads_before = db->read([&](store::Conn& c) {
    return c.query_one("SELECT COUNT(*) FROM audit_events WHERE person_id = ? AND action = 'person.read'", {person_id});
  });

  auto inbox = call("GET", "/api/v1/partner/referrals", &bayside);
  ASSERT_EQ(inbox.body["items"].size(), 1u);
  auto listed = inbox.body["items"][0];
  auto one = call("GET", "/api/v1/partner/referrals/" + id, &bayside);
  ASSERT_EQ(one.status, 200);
  for (const auto& r : {listed, one.body}) {
    EXPECT_TRUE(r["personWithheld"].get<bool>());
    EXPECT_EQ(r["id"], id);
    EXPECT_EQ(r["status"], "received");
    EXPECT_FALSE(r["sentAt"].is_null());
    EXPECT_EQ(r["personName"], "");
    EXPECT_EQ(r["personId"], "");
    EXPECT_EQ(r["reason"], "");
    EXPECT_EQ(r["goalIds"].size(), 0u);
    EXPECT_EQ(r["sharedParts"].size(), 0u);
  }
  EXPECT_EQ(one.raw.body.find("Lena"), std::string::npos) << one.raw.body;  // not in the timeline's notes either
  EXPECT_EQ(inbox.raw.body.find("Lena"), std::string::npos);
  // Nothing of Lena's was shown, so nothing was read.
  auto reads_after = db->read([&](store::Conn& c) {
    return c.query_one("SELECT COUNT(*) FROM audit_events WHERE person_id = ? AND action = 'person.read'", {person_id});
  });
  EXPECT_EQ((*reads_after)->integer(0), (*reads_before)->integer(0));
  // The partner can still close its file, and is not shown the person in the answer.
  auto closed =
      call("POST", "/api/v1/partner/referrals/" + id + "/status", &bayside,
           json{{"status", "declined"}, {"note", "Consent withdrawn; file closed."}}, {{"if-match", "\"3\""}});
  ASSERT_EQ(closed.status, 200) << closed.raw.body;
  EXPECT_EQ(closed.raw.body.find("Lena"), std::string::npos);
}

TEST_F(Referrals, a_referral_sharing_no_parts_still_needs_consent_for_the_persons_details) {
  call("POST", path("/consents"), &practitioner,
       json{{"partnerId", partner_id}, {"parts", {"plan"}}, {"purpose", "Only my plan, for Bayside"}});
  auto d = call("POST", path("/referrals"), &practitioner,
                json{{"partnerId", partner_id}, {"reason", "Lena needs a flat."}});
  ASSERT_EQ(d.status, 201) << d.raw.body;
  auto refused = send(d.body["id"]);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(refused.body["type"], "https://trellis.example/problems/consent_required");
  consent({"profile"});
  EXPECT_EQ(send(d.body["id"]).status, 200);
}

TEST_F(Referrals, a_referral_names_only_the_persons_own_goals) {
  auto other = call("POST", "/api/v1/people", &practitioner,
                    json{{"givenName", "Omar"}, {"familyName", "Haddad"}, {"dateOfBirth", "1981-01-01"}});
  auto theirs = call("POST", "/api/v1/people/" + other.body["id"].get<std::string>() + "/goals", &practitioner,
                     json{{"title", "A job at the bakery"}});
  auto r = call("POST", path("/referrals"), &practitioner,
                json{{"partnerId", partner_id}, {"reason", "Lena needs a flat."}, {"goalIds", {theirs.body["id"]}}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.body["errors"][0]["field"], "goalIds");
  auto unknown = call("POST", path("/referrals"), &practitioner,
                      json{{"partnerId", partner_id},
                           {"reason", "Lena needs a flat."},
                           {"goalIds", {"0123456789abcdef0123456789abcdef"}}});
  EXPECT_EQ(unknown.status, 422);
}

TEST_F(Referrals, documents_and_reviews_of_an_unknown_or_other_organisations_partner_are_not_found) {
  auto manager = sign_in("manager@demo.example");
  const std::string nobody = "/api/v1/partners/0123456789abcdef0123456789abcdef";
  EXPECT_EQ(call("GET", nobody + "/documents", &manager).status, 404);
  EXPECT_EQ(call("GET", nobody + "/reviews", &manager).status, 404);
}

TEST_F(Referrals, an_uploaded_document_must_be_what_it_says_it_is) {
  auto manager = sign_in("manager@demo.example");
  const std::string base = "/api/v1/partners/" + partner_id + "/documents";
  // "MZ..." is a Windows program, declared as a PDF.
  auto disguised =
      call("POST", base, &manager,
           json{{"name", "agreement.pdf"}, {"contentType", "application/pdf"}, {"data", "TVqQAAMAAAAEAAAA"}});
  EXPECT_EQ(disguised.status, 422);
  EXPECT_EQ(disguised.body["errors"][0]["field"], "data");
  // HTML declared as plain text.
  auto html = call("POST", base, &manager,
                   json{{"name", "notes.txt"},
                        {"contentType", "text/plain"},
                        {"data", "PGh0bWw+PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0PjwvaHRtbD4="}});
  EXPECT_EQ(html.status, 422);
  auto text = call("POST", base, &manager,
                   json{{"name", "notes.txt"}, {"contentType", "text/plain"}, {"data", "V2UgbWVldCBtb250aGx5Lgo="}});
  EXPECT_EQ(text.status, 201) << text.raw.body;
}

TEST_F(Referrals, a_review_score_too_large_for_a_number_is_refused_not_wrapped) {
  auto manager = sign_in("manager@demo.example");
  auto review = call("POST", "/api/v1/partners/" + partner_id + "/reviews", &manager, json{{"title", "2026"}});
  ASSERT_EQ(review.status, 201) << review.raw.body;
  json ratings = json::array();
  ratings.push_back({{"dimension", "communication"}, {"score", 4294967301ull}});
  auto r = call("PUT", "/api/v1/partnership-reviews/" + review.body["id"].get<std::string>() + "/ratings", &manager,
                json{{"ratings", ratings}});
  EXPECT_EQ(r.status, 422) << r.raw.body;
  EXPECT_NE(r.raw.body.find("between 1 and 5"), std::string::npos) << r.raw.body;
}

}  // namespace
}  // namespace trellis::test

namespace trellis::test {
namespace {

// Issue 9, item 7: what the mutation run showed no test would notice.
TEST_F(Referrals, a_declined_referral_cannot_be_completed_and_another_agency_cannot_move_it) {
  consent({"profile", "goals"});
  std::string id = draft().body["id"];
  ASSERT_EQ(send(id).status, 200);
  auto bayside = sign_in("intake@bayside.example", "harbour lights at dusk");
  auto northside = sign_in("intake@northside.example", "morning bus to the city");
  EXPECT_EQ(call("POST", "/api/v1/partner/referrals/" + id + "/status", &northside, json{{"status", "accepted"}},
                 {{"if-match", "\"2\""}})
                .status,
            404);
  ASSERT_EQ(call("POST", "/api/v1/partner/referrals/" + id + "/status", &bayside,
                 json{{"status", "declined"}, {"note", "We only house people over 25."}}, {{"if-match", "\"2\""}})
                .status,
            200);
  auto completed = call("POST", "/api/v1/partner/referrals/" + id + "/status", &bayside,
                        json{{"status", "completed"}, {"note", "Housed."}}, {{"if-match", "\"3\""}});
  EXPECT_EQ(completed.status, 422);
  EXPECT_EQ(call("GET", path("/referrals"), &practitioner).body["items"][0]["status"], "declined");
}

TEST_F(Referrals, a_partner_opening_one_referral_is_audited_with_the_person) {
  consent({"profile", "goals"});
  std::string id = draft().body["id"];
  ASSERT_EQ(send(id).status, 200);
  auto bayside = sign_in("intake@bayside.example", "harbour lights at dusk");
  ASSERT_EQ(call("GET", "/api/v1/partner/referrals/" + id, &bayside).status, 200);
  auto row = db->read([&](store::Conn& c) {
    return c.query_one(
        "SELECT COUNT(*) FROM audit_events WHERE person_id = ? AND action = 'person.read' AND detail = 'partner view'",
        {person_id});
  });
  EXPECT_EQ((*row)->integer(0), 1);
}

}  // namespace
}  // namespace trellis::test
