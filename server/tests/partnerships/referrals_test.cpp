#include <stdexcept>

#include "partnerships/partner_fixture.hpp"

namespace trellis::test {
namespace {

using nlohmann::json;

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

// The inbox hands one event per person it names to the audit writer with its answer: when that
// group cannot be recorded, the inbox is not shown.
void audit_group_fails() { throw std::runtime_error("injected fault inside an audit group"); }

TEST_F(Referrals, the_partner_inbox_is_not_shown_when_its_reads_cannot_be_audited) {
  consent({"profile", "goals"});
  std::string id = draft().body["id"];
  ASSERT_EQ(send(id).status, 200);
  auto bayside = sign_in("intake@bayside.example", "harbour lights at dusk");
  runtime->audit_reads.set_fault_hook(&audit_group_fails);
  auto refused = call("GET", "/api/v1/partner/referrals", &bayside);
  runtime->audit_reads.set_fault_hook(nullptr);
  EXPECT_EQ(refused.status, 500) << refused.raw.body;
  EXPECT_EQ(refused.raw.body.find("Lena"), std::string::npos) << refused.raw.body;
  EXPECT_EQ(refused.raw.body.find(id), std::string::npos) << refused.raw.body;
  auto shown = call("GET", "/api/v1/partner/referrals", &bayside);
  ASSERT_EQ(shown.status, 200) << shown.raw.body;
  EXPECT_EQ(shown.body["items"].size(), 1u);
}

TEST_F(Referrals, the_partner_sees_only_their_own_referrals_and_only_consented_fields) {
  consent({"profile", "goals"});
  auto d = draft();
  std::string id = d.body["id"];
  ASSERT_EQ(send(id).status, 200);
  auto bayside = sign_in("intake@bayside.example", "harbour lights at dusk");
  auto northside = sign_in("intake@northside.example", "morning bus to the city");
  EXPECT_EQ(call("GET", "/api/v1/partner/referrals", &bayside).body["items"].size(), 1u);
  wait_for_audit_log();
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
  wait_for_audit_log();
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
  wait_for_audit_log();
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
  wait_for_audit_log();
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
  wait_for_audit_log();
  auto row = db->read([&](store::Conn& c) {
    return c.query_one(
        "SELECT COUNT(*) FROM audit_events WHERE person_id = ? AND action = 'person.read' AND detail = 'partner view'",
        {person_id});
  });
  EXPECT_EQ((*row)->integer(0), 1);
}

}  // namespace
}  // namespace trellis::test
