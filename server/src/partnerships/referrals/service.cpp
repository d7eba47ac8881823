#include "partnerships/referrals/service.hpp"

#include <algorithm>
#include <set>
#include <sstream>

#include "access/audit.hpp"
#include "access/policy.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"
#include "partnerships/agreements/store.hpp"
#include "recovery/service.hpp"

namespace trellis::partnerships {

namespace {

Error referral_not_found() {
  return Error::make(ErrorKind::not_found, "We could not find that referral", "It may have been withdrawn.",
                     "not_found");
}

bool shareable(access::Part p) {
  return std::find(std::begin(access::kShareableParts), std::end(access::kShareableParts), p) !=
         std::end(access::kShareableParts);
}

bool consent_covers(const std::vector<people::Consent>& consents, const std::string& person_id,
                    const std::string& partner_id, access::Part part, const std::string& today) {
  for (const auto& k : consents)
    if (k.person_id == person_id && k.grantee_type == "partner" && k.grantee_id == partner_id && k.in_force(today) &&
        std::find(k.parts.begin(), k.parts.end(), part) != k.parts.end())
      return true;
  return false;
}

// The parts a partner may see of a person right now: shared in the referral, and covered by a
// consent in force for that partner. Nothing at all unless the consent covers who the person is
// (the profile part): a referral names the person and says why (decision 0014).
std::vector<access::Part> consented_parts(const std::vector<people::Consent>& consents, const Referral& r,
                                          const std::string& today) {
  std::vector<access::Part> out;
  if (!consent_covers(consents, r.person_id, r.partner_id, access::Part::profile, today)) return out;
  for (auto part : r.shared_parts)
    if (consent_covers(consents, r.person_id, r.partner_id, part, today)) out.push_back(part);
  return out;
}

bool partner_may_know_person(const std::vector<people::Consent>& consents, const Referral& r,
                             const std::string& today) {
  return consent_covers(consents, r.person_id, r.partner_id, access::Part::profile, today);
}

// Once the person's consent has gone, the partner keeps only what it needs to close its own
// file: the referral's reference, its service, state and dates (decision 0014).
void withhold_person(Referral& r) {
  r.person_withheld = true;
  r.person_id.clear();
  r.person_name.clear();
  r.reason.clear();
  r.goal_ids.clear();
  r.shared_parts.clear();
  r.decline_reason.clear();
  r.outcome.clear();
}

}  // namespace

void ReferralsService::mark_overdue(Referral& r, const Partner& p) const {
  TimePoint sent;
  if (r.status == ReferralState::sent && r.sent_at && parse_iso(*r.sent_at, sent))
    r.overdue = clock_.now() > sent + std::chrono::hours(24 * p.response_days);
}

Result<Referral> ReferralsService::draft_referral(const access::Actor& actor, const std::string& person_id,
                                                  const NewReferral& in) {
  for (auto part : in.shared_parts)
    if (!shareable(part))
      return fail(Error::field(ErrorKind::unprocessable, "sharedParts",
                               std::string(access::part_name(part)) + " cannot be shared with a partner"));
  auto partner = TRY(agreements_.partner(actor.org_id, in.partner_id));
  if (!in.goal_ids.empty()) {
    auto goals = TRY(recovery_.goals(actor.org_id, person_id));
    for (const auto& id : in.goal_ids)
      if (std::none_of(goals.begin(), goals.end(), [&](const auto& g) { return g.id == id; }))
        return fail(Error::field(ErrorKind::unprocessable, "goalIds", "includes a goal that is not this person's"));
  }
  auto now = clock_.now();
  Referral r;
  r.id = new_id();
  r.person_id = person_id;
  r.partner_id = partner.id;
  r.partner_name = partner.name;
  r.service_name = in.service_name;
  r.reason = in.reason;
  r.goal_ids = in.goal_ids;
  r.shared_parts = in.shared_parts;
  r.created_at = r.updated_at = to_iso(now);
  return db_.write([&](store::Conn& c) -> Result<Referral> {
    TRY_VOID(db::insert_referral(c, actor.org_id, r, actor.user_id.value_or("")));
    TRY_VOID(
        db::insert_referral_event(c, actor.org_id, r.id, {r.created_at, "", "draft", "", actor.role}, actor.user_id));
    TRY_VOID(access::append_audit(c, actor.about_person("referral.create", "referral", r.id, person_id), now));
    return r;
  });
}

Result<Referral> ReferralsService::move(const access::Actor& actor, Referral r, std::int64_t version, ReferralState to,
                                        const std::string& note) {
  auto now = clock_.now();
  auto at = to_iso(now);
  auto from = r.status;
  r.status = to;
  r.updated_at = at;
  if (to == ReferralState::sent) r.sent_at = at;
  if (from == ReferralState::sent && !r.responded_at) r.responded_at = at;
  if (to == ReferralState::declined) r.decline_reason = note;
  if (to == ReferralState::completed) r.outcome = note;
  if (is_closed(to)) r.closed_at = at;
  auto from_name = std::string(name_of(from)), to_name = std::string(name_of(to));
  return db_.write([&](store::Conn& c) -> Result<Referral> {
    TRY_VOID(db::update_referral(c, actor.org_id, r, version, actor.user_id.value_or("")));
    TRY_VOID(
        db::insert_referral_event(c, actor.org_id, r.id, {at, from_name, to_name, note, actor.role}, actor.user_id));
    auto e = actor.about_person("referral." + to_name, "referral", r.id, r.person_id);
    e.detail = from_name + " -> " + to_name;
    TRY_VOID(access::append_audit(c, e, now));
    r.version = version + 1;
    return r;
  });
}

Result<Referral> ReferralsService::send_referral(const access::Actor& actor, const std::string& person_id,
                                                 const std::string& referral_id, std::int64_t version) {
  auto r = TRY(db_.read([&](store::Conn& c) { return db::referral(c, actor.org_id, referral_id); }));
  if (!r || r->person_id != person_id) return fail(referral_not_found());
  if (r->status != ReferralState::draft)
    return fail(ErrorKind::conflict, "This referral has already been sent",
                "Its status is " + std::string(name_of(r->status)) + ".", "referral_state");
  auto p = TRY(agreements_.partner(actor.org_id, r->partner_id));
  if (!p.taking_referrals)
    return fail(ErrorKind::conflict, p.name + " is not taking referrals just now",
                "Look for another service in the directory, or ask them when they will open again.",
                "not_taking_referrals");
  for (auto part : p.required_parts)
    if (std::find(r->shared_parts.begin(), r->shared_parts.end(), part) == r->shared_parts.end())
      return fail(Error::field(ErrorKind::unprocessable, "sharedParts",
                               p.name + "'s referral protocol needs " + std::string(access::part_name(part)) +
                                   " shared; withdraw this draft and make one that shares it"));
  auto consents = TRY(consent_.consents(actor.org_id, person_id));
  auto today = to_iso(clock_.now()).substr(0, 10);
  // A referral always says who the person is and why: the consent must cover their profile, and
  // each part the referral shares besides.
  auto covered = consented_parts(consents, *r, today);
  if (!partner_may_know_person(consents, *r, today) || covered.size() != r->shared_parts.size()) {
    Error e = Error::make(ErrorKind::unprocessable, "The person has not agreed to this referral",
                          "Record their consent to share their details with " + p.name +
                              " (and each part the referral shares), then send it.",
                          "consent_required");
    e.fields.push_back({"consent", "needed for " + p.name});
    return fail(std::move(e));
  }
  return move(actor, *r, version, ReferralState::sent, "");
}

Result<Referral> ReferralsService::withdraw_referral(const access::Actor& actor, const std::string& person_id,
                                                     const std::string& referral_id, std::int64_t version,
                                                     const std::string& note) {
  auto r = TRY(db_.read([&](store::Conn& c) { return db::referral(c, actor.org_id, referral_id); }));
  if (!r || r->person_id != person_id) return fail(referral_not_found());
  if (!may_move(r->status, ReferralState::withdrawn, ReferralSide::care_team))
    return fail(ErrorKind::conflict, "This referral is already closed",
                "Its status is " + std::string(name_of(r->status)) + ".", "referral_state");
  return move(actor, *r, version, ReferralState::withdrawn, note);
}

Result<std::vector<Referral>> ReferralsService::referrals_for_person(const std::string& org_id,
                                                                     const std::string& person_id) {
  return db_.read([&](store::Conn& c) -> Result<std::vector<Referral>> {
    auto list = TRY(db::referrals_for_person(c, org_id, person_id));
    auto all = TRY(db::partners(c, org_id));
    for (auto& r : list)
      for (const auto& p : all)
        if (p.id == r.partner_id) mark_overdue(r, p);
    return list;
  });
}

Result<std::vector<ReferralEvent>> ReferralsService::timeline(const std::string& org_id, const std::string& person_id,
                                                              const std::string& referral_id) {
  return db_.read([&](store::Conn& c) -> Result<std::vector<ReferralEvent>> {
    auto r = TRY(db::referral(c, org_id, referral_id));
    if (!r || r->person_id != person_id) return fail(referral_not_found());
    return db::referral_events(c, org_id, referral_id);
  });
}

Result<ReferralsService::InboxPage> ReferralsService::inbox(const access::Actor& actor, const access::Principal& who,
                                                            const PageRequest& page) {
  if (!who.user.partner_id) return InboxPage{};
  const auto& org_id = who.user.org_id;
  const auto& partner_id = *who.user.partner_id;
  auto now = clock_.now();
  InboxPage out;
  auto p = TRY(db_.read([&](store::Conn& c) -> Result<std::optional<Partner>> {
    out.items = TRY(db::referrals_for_partner(c, org_id, partner_id, page));
    return db::partner(c, org_id, partner_id);
  }));
  if (out.items.size() > page.limit) {
    out.items.resize(page.limit);
    out.next_cursor = encode_cursor({*out.items.back().sent_at, out.items.back().id});
  }
  // The consents of the people on this page only: a partner may hold thousands.
  std::vector<std::string> people;
  for (const auto& r : out.items) people.push_back(r.person_id);
  auto consents = TRY(consent_.consents_for_partner(org_id, partner_id, people));
  auto today = to_iso(now).substr(0, 10);
  // The list shows people's names, so reading it is audited for each person on the page; the
  // caller records the events with the audit writer's next group, before the page is shown.
  for (auto& r : out.items) {
    if (p) mark_overdue(r, *p);
    r.goal_ids.clear();  // goals are shown only in the one referral's view, with consent checked
    if (!partner_may_know_person(consents, r, today)) {
      withhold_person(r);
      continue;  // nothing of the person is shown, so nothing of theirs was read
    }
    auto e = actor.about_person("person.read", "referral", r.id, r.person_id);
    e.detail = "partner inbox";
    out.reads.push_back(std::move(e));
  }
  return out;
}

Result<PartnerReferralView> ReferralsService::inbox_item(const access::Actor& actor, const access::Principal& who,
                                                         const std::string& referral_id) {
  auto r = TRY(db_.read([&](store::Conn& c) { return db::referral(c, who.user.org_id, referral_id); }));
  // Another agency's referral, or a draft, looks the same as none at all.
  if (!r || !who.user.partner_id || r->partner_id != *who.user.partner_id || r->status == ReferralState::draft)
    return fail(referral_not_found());
  auto consents = TRY(consent_.consents(who.user.org_id, r->person_id));
  auto now = clock_.now();
  PartnerReferralView v;
  v.visible_parts = consented_parts(consents, *r, to_iso(now).substr(0, 10));
  v.timeline = TRY(timeline(who.user.org_id, r->person_id, referral_id));
  v.referral = *r;
  if (!partner_may_know_person(consents, *r, to_iso(now).substr(0, 10))) {
    withhold_person(v.referral);
    for (auto& e : v.timeline) e.note.clear();  // notes speak about the person
    return v;
  }
  TRY_VOID(db_.write([&](store::Conn& c) {
    auto e = actor.about_person("person.read", "referral", referral_id, r->person_id);
    e.detail = "partner view";
    return access::append_audit(c, e, now);
  }));
  return v;
}

Result<Referral> ReferralsService::respond(const access::Actor& actor, const access::Principal& who,
                                           const std::string& referral_id, std::int64_t version, ReferralState to,
                                           const std::string& note) {
  auto r = TRY(db_.read([&](store::Conn& c) { return db::referral(c, who.user.org_id, referral_id); }));
  if (!r || !who.user.partner_id || r->partner_id != *who.user.partner_id || r->status == ReferralState::draft)
    return fail(referral_not_found());
  if (!may_move(r->status, to, ReferralSide::partner))
    return fail(Error::field(ErrorKind::unprocessable, "status",
                             "cannot go from " + std::string(name_of(r->status)) + " to " + std::string(name_of(to))));
  if (needs_note(to) && note.empty())
    return fail(Error::field(ErrorKind::unprocessable, "note",
                             to == ReferralState::declined
                                 ? "give the reason for declining, so the worker and the person can plan"
                             : to == ReferralState::redirected ? "say where the person was redirected"
                                                               : "describe the outcome"));
  // The partner can still close its file after the person's consent has gone; what it is shown
  // back follows the same rule as its inbox.
  auto moved = TRY(move(actor, *r, version, to, note));
  auto consents = TRY(consent_.consents(who.user.org_id, moved.person_id));
  if (!partner_may_know_person(consents, moved, to_iso(clock_.now()).substr(0, 10))) withhold_person(moved);
  return moved;
}

Result<std::vector<db::PartnerFigures>> ReferralsService::figures(const access::Principal& who, const std::string& from,
                                                                  const std::string& to) {
  if (!valid_date(from)) return fail(Error::field(ErrorKind::bad_request, "from", "must be a date like 2026-01-01"));
  if (!valid_date(to)) return fail(Error::field(ErrorKind::bad_request, "to", "must be a date like 2026-12-31"));
  std::optional<std::string> only;
  if (who.user.role == access::Role::partner) {
    if (!who.user.partner_id) return std::vector<db::PartnerFigures>{};
    only = who.user.partner_id;
  }
  return db_.read([&](store::Conn& c) {
    return db::partner_figures(c, who.user.org_id, from + "T00:00:00.000Z", to + "T23:59:59.999Z", only);
  });
}

}  // namespace trellis::partnerships
