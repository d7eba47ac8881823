#include "people/service.hpp"

#include <algorithm>
#include <map>

#include "access/audit.hpp"
#include "access/service.hpp"
#include "access/store.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"
#include "people/json.hpp"
#include "people/store.hpp"
#include "store/history.hpp"

namespace trellis::people {
namespace {

using access::Part;

Error person_not_found() {
  return Error::make(ErrorKind::not_found, "We could not find that person",
                     "Check the link, or search for them by name.", "not_found");
}

bool contains(std::span<const Part> parts, Part p) { return std::find(parts.begin(), parts.end(), p) != parts.end(); }

std::vector<Part> all_parts() { return {std::begin(access::kAllParts), std::end(access::kAllParts)}; }

Result<void> check_date(const std::optional<std::string>& v, const char* field) {
  if (v && !v->empty() && !valid_date(*v))
    return fail(Error::field(ErrorKind::unprocessable, field, "must be a date like 2026-11-23"));
  return {};
}

}  // namespace

std::string today(TimePoint now) { return to_iso(now).substr(0, 10); }

Result<access::PersonAccess> PeopleService::authorize(const access::Principal& who, const std::string& person_id,
                                                      Part part, bool write, TimePoint now) {
  const auto& u = who.user;
  return db_.read([&](store::Conn& c) -> Result<access::PersonAccess> {
    if (!looks_like_id(person_id)) return fail(person_not_found());
    auto person = TRY(db::get_person(c, u.org_id, person_id));
    if (!person) return fail(person_not_found());
    access::PersonAccess a;
    a.person_id = person_id;
    switch (u.role) {
      case access::Role::person: {
        if (u.person_id != person_id) return fail(person_not_found());
        a.basis = access::Basis::self;
        a.parts = all_parts();
        for (auto p : a.parts)
          if (p != Part::profile && p != Part::care_team && p != Part::referrals && p != Part::sign_ins)
            a.changeable.push_back(p);
        if (write && !a.may_change(part))
          return fail(ErrorKind::forbidden, "Your care team keeps this part up to date",
                      "Ask your worker to change it for you.", "forbidden");
        return a;
      }
      case access::Role::supporter: {
        if (!u.supporter_id) return fail(person_not_found());
        auto s = TRY(db::get_supporter(c, u.org_id, *u.supporter_id));
        if (!s || s->person_id != person_id || !s->active) return fail(person_not_found());
        auto day = today(now);
        for (const auto& k : TRY(db::consents_for_supporter(c, u.org_id, s->id)))
          if (k.person_id == person_id && k.in_force(day))
            for (auto p : k.parts)
              if (contains(access::kShareableParts, p) && !contains(a.parts, p)) a.parts.push_back(p);
        if (a.parts.empty()) return fail(person_not_found());
        a.basis = access::Basis::consent;
        if (write) return fail(ErrorKind::forbidden, "Supporters can read what is shared with them",
                               "Changes are made by the person or their care team.", "forbidden");
        // The person's name heads whatever they share, so reading the record's summary is allowed
        // with any consent; the details in it need the profile part (the route strips them).
        bool summary = part == Part::profile;
        if (!a.allows(part) && !summary)
          return fail(ErrorKind::forbidden, "This part has not been shared with you",
                      person->display_name() + " decides what their supporters see.", "not_shared");
        return a;
      }
      case access::Role::partner: return fail(person_not_found());
      default: break;
    }
    if (!access::role_reads_records(u.role))
      return fail(ErrorKind::forbidden, "Your role does not include people's records",
                  "Ask your administrator if you need it for your work.", "forbidden");
    a.parts = all_parts();
    if (TRY(db::on_care_team(c, u.org_id, person_id, u.id, u.team_ids))) {
      a.basis = access::Basis::care_team;
      for (auto p : a.parts)
        if (access::role_may_change(u.role, p)) a.changeable.push_back(p);
      if (write && !a.may_change(part))
        return fail(ErrorKind::forbidden, "Your role does not include changing this",
                    "A student works under supervision: ask your supervisor or another member of the care team.",
                    "role_cannot_change");
      return a;
    }
    if (TRY(db::has_open_break_glass(c, u.org_id, u.id, person_id, to_iso(now)))) {
      a.basis = access::Basis::break_glass;
      // Break-the-glass opens the record to read in an emergency; it gives no authority over it.
      if (write)
        return fail(ErrorKind::forbidden, "Break-the-glass access is for reading",
                    "Ask someone on the person's care team to make the change, or to add you to the care team.",
                    "break_glass_read_only");
      return a;
    }
    return fail(ErrorKind::forbidden, "You are not on this person's care team",
                "If you need to see this record now, use break-the-glass access and give a reason; it is recorded "
                "and reviewed.",
                "break_glass_available");
  });
}

Result<CaseloadPage> PeopleService::caseload(const access::Principal& who, const std::optional<std::string>& text,
                                             const PageRequest& page) {
  std::optional<std::string> folded;
  if (text && !text->empty()) folded = fold_for_search(*text);
  auto rows = TRY(db_.read([&](store::Conn& c) {
    return db::caseload(c, who.user.org_id, who.user.id, who.user.team_ids, folded, page);
  }));
  CaseloadPage out;
  auto day = today(clock_.now());
  for (std::size_t i = 0; i < rows.size() && i < page.limit; ++i) {
    CaseloadEntry e{rows[i].person, rows[i].review_on, rows[i].last_check_in, rows[i].last_change, false};
    e.review_overdue = e.review_on && *e.review_on < day;
    out.items.push_back(std::move(e));
  }
  if (rows.size() > page.limit)
    out.next_cursor = encode_cursor({rows[page.limit - 1].sort_key, rows[page.limit - 1].person.id});
  return out;
}

Result<std::vector<CaseloadEntry>> PeopleService::find_anyone(const access::Actor& actor, const access::Principal& who,
                                                              const std::string& text) {
  auto folded = fold_for_search(text);
  if (folded.size() < 2)
    return fail(Error::field(ErrorKind::bad_request, "q", "needs at least 2 letters of the person's name"));
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<std::vector<CaseloadEntry>> {
    auto found = TRY(db::search_all(c, who.user.org_id, folded, 20));
    std::vector<CaseloadEntry> out;
    for (auto& p : found) out.push_back({std::move(p), std::nullopt, std::nullopt, "", false});
    auto e = actor.entry("person.search", "people", "");
    e.detail = std::to_string(out.size()) + " found";
    TRY_VOID(access::append_audit(c, e, now));
    return out;
  });
}

Result<Person> PeopleService::create(const access::Actor& actor, const access::Principal& who, const PersonInput& in) {
  TRY_VOID(check_date(in.date_of_birth, "dateOfBirth"));
  TRY_VOID(check_date(in.support_started_on, "supportStartedOn"));
  auto now = clock_.now();
  if (in.date_of_birth && *in.date_of_birth > today(now))
    return fail(Error::field(ErrorKind::unprocessable, "dateOfBirth", "must not be in the future"));
  Person p;
  p.org_id = actor.org_id;
  p.id = new_id();
  p.given_name = in.given_name.value_or("");
  p.family_name = in.family_name.value_or("");
  p.preferred_name = in.preferred_name.value_or("");
  p.pronouns = in.pronouns.value_or("");
  p.date_of_birth = in.date_of_birth.value_or("");
  p.email = in.email.value_or("");
  p.phone = in.phone.value_or("");
  p.address = in.address.value_or("");
  p.languages = in.languages.value_or("");
  p.interpreter_needed = in.interpreter_needed.value_or(false);
  p.cultural_identity = in.cultural_identity.value_or("");
  p.spiritual_practice = in.spiritual_practice.value_or("");
  p.communication_needs = in.communication_needs.value_or("");
  p.other_providers = in.other_providers.value_or("");
  p.support_started_on = in.support_started_on.value_or(today(now));
  p.created_at = p.updated_at = to_iso(now);
  auto teams = in.team_ids.value_or(who.user.team_ids);
  return db_.write([&](store::Conn& c) -> Result<Person> {
    if (!in.not_a_duplicate) {
      auto similar = TRY(db::find_similar(c, p.org_id, p.date_of_birth, fold_for_search(p.given_name + " " + p.family_name)));
      if (!similar.empty()) {
        Error e = Error::make(ErrorKind::conflict, "This may be someone we already support",
                              similar.front().display_name() + ", born " + similar.front().date_of_birth +
                                  ", is already recorded. If this is a different person, confirm and add them again.",
                              "possible_duplicate");
        e.fields.push_back({"notADuplicate", "confirm this is a different person"});
        return fail(std::move(e));
      }
    }
    TRY_VOID(db::insert_person(c, p, actor.user_id.value_or("")));
    std::vector<CareTeamMember> members{{"user", who.user.id, "", ""}};
    for (const auto& t : teams) members.push_back({"team", t, "", ""});
    auto missing = TRY(access::db::missing_teams(c, p.org_id, teams));
    if (!missing.empty())
      return fail(Error::field(ErrorKind::unprocessable, "teamIds", "includes a team that does not exist"));
    TRY_VOID(db::set_care_team(c, p.org_id, p.id, members, actor.user_id.value_or(""), p.created_at));
    TRY_VOID(access::append_audit(c, actor.about_person("person.create", "person", p.id, p.id), now));
    return p;
  });
}

Result<Person> PeopleService::person(const std::string& org_id, const std::string& id) {
  auto p = TRY(db_.read([&](store::Conn& c) { return db::get_person(c, org_id, id); }));
  if (!p) return fail(person_not_found());
  return *p;
}

Result<Person> PeopleService::update(const access::Actor& actor, const std::string& id, std::int64_t version,
                                     const PersonInput& in) {
  TRY_VOID(check_date(in.date_of_birth, "dateOfBirth"));
  TRY_VOID(check_date(in.support_ended_on, "supportEndedOn"));
  if (in.status && *in.status != "receiving_support" && *in.status != "ended")
    return fail(Error::field(ErrorKind::unprocessable, "status", "must be receiving_support or ended"));
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<Person> {
    auto found = TRY(db::get_person(c, actor.org_id, id));
    if (!found) return fail(person_not_found());
    Person p = *found;
    auto set = [](std::string& field, const std::optional<std::string>& v) {
      if (v) field = *v;
    };
    set(p.given_name, in.given_name);
    set(p.family_name, in.family_name);
    set(p.preferred_name, in.preferred_name);
    set(p.pronouns, in.pronouns);
    set(p.date_of_birth, in.date_of_birth);
    set(p.email, in.email);
    set(p.phone, in.phone);
    set(p.address, in.address);
    set(p.languages, in.languages);
    set(p.cultural_identity, in.cultural_identity);
    set(p.spiritual_practice, in.spiritual_practice);
    set(p.communication_needs, in.communication_needs);
    set(p.other_providers, in.other_providers);
    set(p.status, in.status);
    if (in.interpreter_needed) p.interpreter_needed = *in.interpreter_needed;
    if (in.support_ended_on) p.support_ended_on = *in.support_ended_on;
    if (p.status == "ended" && !p.support_ended_on) p.support_ended_on = today(now);
    if (p.status == "receiving_support") p.support_ended_on.reset();
    p.updated_at = to_iso(now);
    TRY_VOID(store::keep_version(c, p.org_id, "person", p.id, found->version, p.id, to_json(*found), found->updated_at,
                                 std::nullopt, std::nullopt));
    TRY_VOID(db::update_person(c, p, version, actor.user_id.value_or("")));
    TRY_VOID(access::append_audit(c, actor.about_person("person.update", "person", p.id, p.id), now));
    p.version = version + 1;
    return p;
  });
}

Result<std::vector<CareTeamMember>> PeopleService::care_team(const std::string& org_id, const std::string& person_id) {
  return db_.read([&](store::Conn& c) { return db::care_team(c, org_id, person_id); });
}

Result<std::vector<CareTeamMember>> PeopleService::set_care_team(const access::Actor& actor, const std::string& person_id,
                                                                 const std::vector<std::string>& user_ids,
                                                                 const std::vector<std::string>& team_ids) {
  if (user_ids.empty() && team_ids.empty())
    return fail(Error::field(ErrorKind::unprocessable, "userIds", "a person needs at least one worker or team"));
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<std::vector<CareTeamMember>> {
    auto missing = TRY(access::db::missing_teams(c, actor.org_id, team_ids));
    if (!missing.empty()) return fail(Error::field(ErrorKind::unprocessable, "teamIds", "includes a team that does not exist"));
    std::vector<CareTeamMember> members;
    for (const auto& id : user_ids) {
      auto u = TRY(access::db::get_user(c, actor.org_id, id));
      if (!u || !u->user.active || !access::is_staff(u->user.role)) return fail(Error::field(ErrorKind::unprocessable, "userIds", "includes someone who is not an active worker"));
      members.push_back({"user", id, "", ""});
    }
    for (const auto& id : team_ids) members.push_back({"team", id, "", ""});
    TRY_VOID(db::set_care_team(c, actor.org_id, person_id, members, actor.user_id.value_or(""), to_iso(now)));
    TRY_VOID(access::append_audit(c, actor.about_person("person.care_team.update", "person", person_id, person_id), now));
    return db::care_team(c, actor.org_id, person_id);
  });
}

Result<std::vector<CareTeamMember>> PeopleService::care_team_options(const std::string& org_id) {
  return db_.read([&](store::Conn& c) -> Result<std::vector<CareTeamMember>> {
    std::vector<CareTeamMember> out;
    for (const auto& t : TRY(access::db::list_teams(c, org_id)))
      if (t.active) out.push_back({"team", t.id, t.name, ""});
    access::db::UserFilter f;
    f.active = true;
    for (const auto& u : TRY(access::db::list_users(c, org_id, f, PageRequest{.limit = 1000, .after = std::nullopt})))
      if (access::is_staff(u.role)) out.push_back({"user", u.id, u.display_name, std::string(access::role_name(u.role))});
    return out;
  });
}

Result<std::vector<Supporter>> PeopleService::supporters(const std::string& org_id, const std::string& person_id) {
  return db_.read([&](store::Conn& c) { return db::supporters(c, org_id, person_id); });
}

Result<Supporter> PeopleService::add_supporter(const access::Actor& actor, const std::string& person_id,
                                               const SupporterInput& in) {
  auto now = clock_.now();
  Supporter s;
  s.org_id = actor.org_id;
  s.id = new_id();
  s.person_id = person_id;
  s.name = in.name.value_or("");
  s.relationship = in.relationship.value_or("");
  s.phone = in.phone.value_or("");
  s.email = in.email.value_or("");
  s.involvement = in.involvement.value_or("");
  s.active = in.active.value_or(true);
  s.created_at = s.updated_at = to_iso(now);
  return db_.write([&](store::Conn& c) -> Result<Supporter> {
    TRY_VOID(db::insert_supporter(c, s, actor.user_id.value_or("")));
    TRY_VOID(access::append_audit(c, actor.about_person("supporter.create", "supporter", s.id, person_id), now));
    return s;
  });
}

Result<Supporter> PeopleService::update_supporter(const access::Actor& actor, const std::string& person_id,
                                                  const std::string& supporter_id, std::int64_t version,
                                                  const SupporterInput& in) {
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<Supporter> {
    auto found = TRY(db::get_supporter(c, actor.org_id, supporter_id));
    if (!found || found->person_id != person_id)
      return fail(ErrorKind::not_found, "We could not find that supporter", "They may have been removed.", "not_found");
    Supporter s = *found;
    if (in.name) s.name = *in.name;
    if (in.relationship) s.relationship = *in.relationship;
    if (in.phone) s.phone = *in.phone;
    if (in.email) s.email = *in.email;
    if (in.involvement) s.involvement = *in.involvement;
    if (in.active) s.active = *in.active;
    s.updated_at = to_iso(now);
    TRY_VOID(db::update_supporter(c, s, version, actor.user_id.value_or("")));
    TRY_VOID(access::append_audit(c, actor.about_person("supporter.update", "supporter", s.id, person_id), now));
    s.version = version + 1;
    return s;
  });
}

Result<std::vector<Consent>> PeopleService::consents(const std::string& org_id, const std::string& person_id) {
  return db_.read([&](store::Conn& c) { return db::consents(c, org_id, person_id); });
}

Result<std::vector<Consent>> PeopleService::consents_for_partner(const std::string& org_id,
                                                                 const std::string& partner_id) {
  return db_.read([&](store::Conn& c) { return db::consents_for_grantee(c, org_id, "partner", partner_id); });
}

Result<Consent> PeopleService::record_consent(const access::Actor& actor, const std::string& person_id,
                                              const ConsentInput& in) {
  for (auto p : in.parts)
    if (!contains(access::kShareableParts, p))
      return fail(Error::field(ErrorKind::unprocessable, "parts",
                               std::string(access::part_name(p)) + " cannot be shared with a supporter"));
  if (in.parts.empty()) return fail(Error::field(ErrorKind::unprocessable, "parts", "choose at least one part to share"));
  TRY_VOID(check_date(in.starts_on, "startsOn"));
  TRY_VOID(check_date(in.ends_on, "endsOn"));
  if (in.ends_on && *in.ends_on < in.starts_on)
    return fail(Error::field(ErrorKind::unprocessable, "endsOn", "must be on or after the start date"));
  if (in.grantee_type == "partner") {
    if (!partners_) return fail(ErrorKind::internal, "Partner agencies are not available", "", "internal");
    if (!TRY(partners_->is_partner_agency(actor.org_id, in.supporter_id)))
      return fail(Error::field(ErrorKind::unprocessable, "partnerId", "is not one of your partner agencies"));
  }
  auto now = clock_.now();
  Consent k;
  k.org_id = actor.org_id;
  k.id = new_id();
  k.person_id = person_id;
  k.grantee_type = in.grantee_type;
  k.grantee_id = in.supporter_id;
  k.parts = in.parts;
  k.purpose = in.purpose;
  k.starts_on = in.starts_on;
  k.ends_on = in.ends_on;
  k.recorded_at = to_iso(now);
  k.recorded_by = actor.user_id;
  return db_.write([&](store::Conn& c) -> Result<Consent> {
    if (in.grantee_type == "supporter") {
      auto s = TRY(db::get_supporter(c, actor.org_id, in.supporter_id));
      if (!s || s->person_id != person_id)
        return fail(Error::field(ErrorKind::unprocessable, "supporterId", "is not one of this person's supporters"));
    }
    TRY_VOID(db::insert_consent(c, k));
    auto e = actor.about_person("consent.record", "consent", k.id, person_id);
    e.detail = in.grantee_type + " " + in.supporter_id;
    TRY_VOID(access::append_audit(c, e, now));
    return k;
  });
}

Result<Consent> PeopleService::withdraw_consent(const access::Actor& actor, const std::string& person_id,
                                                const std::string& consent_id) {
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<Consent> {
    auto k = TRY(db::get_consent(c, actor.org_id, consent_id));
    if (!k || k->person_id != person_id)
      return fail(ErrorKind::not_found, "We could not find that consent", "", "not_found");
    if (k->withdrawn_at) return *k;  // withdrawing twice changes nothing
    TRY(db::withdraw_consent(c, actor.org_id, consent_id, to_iso(now), actor.user_id.value_or("")));
    TRY_VOID(access::append_audit(c, actor.about_person("consent.withdraw", "consent", consent_id, person_id), now));
    k->withdrawn_at = to_iso(now);
    k->withdrawn_by = actor.user_id;
    return *k;
  });
}

Result<std::vector<std::pair<Consent, std::string>>> PeopleService::consents_for_me(const access::Actor& actor,
                                                                                    const access::Principal& who) {
  using Out = std::vector<std::pair<Consent, std::string>>;
  if (!who.user.supporter_id) return Out{};
  auto now = clock_.now();
  auto day = today(now);
  return db_.write([&](store::Conn& c) -> Result<Out> {
    Out out;
    // A supporter the person no longer involves sees nothing, whatever consents remain.
    auto me = TRY(db::get_supporter(c, who.user.org_id, *who.user.supporter_id));
    if (!me || !me->active) return out;
    std::map<std::string, std::string> names;  // a supporter supports one person: usually one lookup
    std::vector<std::pair<access::AuditEntry, TimePoint>> reads;
    for (auto& k : TRY(db::consents_for_supporter(c, who.user.org_id, *who.user.supporter_id))) {
      if (!k.in_force(day)) continue;
      if (!names.contains(k.person_id)) {
        auto p = TRY(db::get_person(c, who.user.org_id, k.person_id));
        if (!p) continue;  // a person removed since: nothing to show
        names[k.person_id] = p->display_name();
        auto e = actor.about_person("person.read", "profile", k.person_id, k.person_id);
        e.detail = "shared with me";
        reads.emplace_back(std::move(e), now);
      }
      auto name = names[k.person_id];
      out.emplace_back(std::move(k), std::move(name));
    }
    TRY_VOID(access::append_audit(c, reads));  // chained in one pass
    return out;
  });
}

Result<BreakGlass> PeopleService::break_glass(const access::Actor& actor, const access::Principal& who,
                                              const std::string& person_id, const std::string& reason_code,
                                              const std::string& reason) {
  auto now = clock_.now();
  BreakGlass b;
  b.org_id = actor.org_id;
  b.id = new_id();
  b.user_id = who.user.id;
  b.person_id = person_id;
  b.reason_code = reason_code;
  b.reason = reason;
  b.started_at = to_iso(now);
  b.expires_at = to_iso(now + kBreakGlassDuration);
  return db_.write([&](store::Conn& c) -> Result<BreakGlass> {
    auto p = TRY(db::get_person(c, actor.org_id, person_id));
    if (!p) return fail(person_not_found());
    TRY_VOID(db::insert_break_glass(c, b));
    auto e = actor.about_person("break_glass.start", "break_glass", b.id, person_id);
    e.detail = reason_code + ": " + reason;
    TRY_VOID(access::append_audit(c, e, now));
    // The end is written now too, so the log shows the whole window even if nobody returns.
    auto end = actor.about_person("break_glass.end", "break_glass", b.id, person_id);
    end.detail = "access ends at " + b.expires_at;
    TRY_VOID(access::append_audit(c, end, now));
    return b;
  });
}

Result<std::vector<BreakGlass>> PeopleService::break_glass_queue(const std::string& org_id, bool include_reviewed) {
  return db_.read([&](store::Conn& c) { return db::break_glass_to_review(c, org_id, include_reviewed, 200); });
}

Result<void> PeopleService::review_break_glass(const access::Actor& actor, const std::string& id, const std::string& note) {
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<void> {
    if (!TRY(db::review_break_glass(c, actor.org_id, id, actor.user_id.value_or(""), to_iso(now), note)))
      return fail(ErrorKind::not_found, "That access is not waiting for review", "It may have been reviewed already.",
                  "not_found");
    auto e = actor.entry("break_glass.review", "break_glass", id);
    e.detail = note;
    return access::append_audit(c, e, now);
  });
}

Result<access::IssuedInvitation> PeopleService::invite(const access::Actor& actor, const std::string& person_id,
                                                       const std::optional<std::string>& supporter_id) {
  if (!supporter_id) {
    auto p = TRY(person(actor.org_id, person_id));
    return access_.issue_invitation(actor, person_id, std::nullopt, p.display_name());
  }
  auto s = TRY(db_.read([&](store::Conn& c) { return db::get_supporter(c, actor.org_id, *supporter_id); }));
  if (!s || s->person_id != person_id)
    return fail(ErrorKind::not_found, "We could not find that supporter", "", "not_found");
  if (!s->active)
    return fail(ErrorKind::conflict, "This supporter is no longer active",
                "Make them active again first if the person wants them involved.", "supporter_inactive");
  return access_.issue_invitation(actor, person_id, s->id, s->name);
}

}  // namespace trellis::people
