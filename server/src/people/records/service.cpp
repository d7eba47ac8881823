#include "people/records/service.hpp"

#include <algorithm>
#include <map>
#include <span>

#include "access/audit.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"
#include "people/common.hpp"
#include "people/json.hpp"
#include "access/store.hpp"
#include "people/records/store.hpp"
#include "people/supporters/store.hpp"
#include "store/history.hpp"

namespace trellis::people {

Result<Person> RecordsService::create(const access::Actor& actor, const access::Principal& who, const PersonInput& in) {
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
      auto similar =
          TRY(db::find_similar(c, p.org_id, p.date_of_birth, fold_for_search(p.given_name + " " + p.family_name)));
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

Result<Person> RecordsService::person(const std::string& org_id, const std::string& id) {
  auto p = TRY(db_.read([&](store::Conn& c) { return db::get_person(c, org_id, id); }));
  if (!p) return fail(person_not_found());
  return *p;
}

Result<Person> RecordsService::update(const access::Actor& actor, const std::string& id, std::int64_t version,
                                      const PersonInput& in) {
  TRY_VOID(check_date(in.date_of_birth, "dateOfBirth"));
  TRY_VOID(check_date(in.support_ended_on, "supportEndedOn"));
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
    if (in.interpreter_needed) p.interpreter_needed = *in.interpreter_needed;
    p.set_status(in.status.value_or(p.status), in.support_ended_on, today(now));
    p.updated_at = to_iso(now);
    TRY_VOID(store::keep_version(c, p.org_id, "person", p.id, found->version, p.id, json_text(*found),
                                 found->updated_at, std::nullopt, std::nullopt));
    TRY_VOID(db::update_person(c, p, version, actor.user_id.value_or("")));
    TRY_VOID(access::append_audit(c, actor.about_person("person.update", "person", p.id, p.id), now));
    p.version = version + 1;
    return p;
  });
}

Result<std::vector<CareTeamMember>> RecordsService::care_team(const std::string& org_id, const std::string& person_id) {
  return db_.read([&](store::Conn& c) { return db::care_team(c, org_id, person_id); });
}

Result<std::vector<CareTeamMember>> RecordsService::set_care_team(const access::Actor& actor,
                                                                  const std::string& person_id,
                                                                  const std::vector<std::string>& user_ids,
                                                                  const std::vector<std::string>& team_ids) {
  if (user_ids.empty() && team_ids.empty())
    return fail(Error::field(ErrorKind::unprocessable, "userIds", "a person needs at least one worker or team"));
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<std::vector<CareTeamMember>> {
    auto missing = TRY(access::db::missing_teams(c, actor.org_id, team_ids));
    if (!missing.empty())
      return fail(Error::field(ErrorKind::unprocessable, "teamIds", "includes a team that does not exist"));
    std::vector<CareTeamMember> members;
    for (const auto& id : user_ids) {
      auto u = TRY(access::db::get_user(c, actor.org_id, id));
      if (!u || !u->user.active || !access::is_staff(u->user.role))
        return fail(Error::field(ErrorKind::unprocessable, "userIds", "includes someone who is not an active worker"));
      members.push_back({"user", id, "", ""});
    }
    for (const auto& id : team_ids) members.push_back({"team", id, "", ""});
    TRY_VOID(db::set_care_team(c, actor.org_id, person_id, members, actor.user_id.value_or(""), to_iso(now)));
    TRY_VOID(
        access::append_audit(c, actor.about_person("person.care_team.update", "person", person_id, person_id), now));
    return db::care_team(c, actor.org_id, person_id);
  });
}

Result<std::vector<CareTeamMember>> RecordsService::care_team_options(const std::string& org_id) {
  return db_.read([&](store::Conn& c) -> Result<std::vector<CareTeamMember>> {
    std::vector<CareTeamMember> out;
    for (const auto& t : TRY(access::db::list_teams(c, org_id)))
      if (t.active) out.push_back({"team", t.id, t.name, ""});
    access::db::UserFilter f;
    f.active = true;
    for (const auto& u : TRY(access::db::list_users(c, org_id, f, PageRequest{.limit = 1000, .after = std::nullopt})))
      if (access::is_staff(u.role))
        out.push_back({"user", u.id, u.display_name, std::string(access::role_name(u.role))});
    return out;
  });
}

Result<access::IssuedInvitation> RecordsService::invite(const access::Actor& actor, const std::string& person_id,
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
