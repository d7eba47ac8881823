#include "partnerships/shared_care/service.hpp"

#include <algorithm>
#include <set>
#include <sstream>

#include "access/audit.hpp"
#include "access/policy.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"
#include "partnerships/agreements/store.hpp"
#include "partnerships/shared_care/store.hpp"

namespace trellis::partnerships {

Result<std::vector<SharedCarePlan>> SharedCareService::shared_care(const std::string& org_id,
                                                                   const std::string& person_id) {
  return db_.read([&](store::Conn& c) { return db::shared_care(c, org_id, person_id); });
}

Result<SharedCarePlan> SharedCareService::add_shared_care(const access::Actor& actor, const std::string& person_id,
                                                          SharedCarePlan p) {
  if (p.review_on && !valid_date(*p.review_on))
    return fail(Error::field(ErrorKind::unprocessable, "reviewOn", "must be a date like 2026-12-01"));
  auto partner = TRY(agreements_.partner(actor.org_id, p.partner_id));
  auto now = clock_.now();
  p.id = new_id();
  p.person_id = person_id;
  p.partner_name = partner.name;
  p.updated_at = to_iso(now);
  return db_.write([&](store::Conn& c) -> Result<SharedCarePlan> {
    TRY_VOID(db::insert_shared_care(c, actor.org_id, p, actor.user_id.value_or("")));
    TRY_VOID(
        access::append_audit(c, actor.about_person("shared_care.create", "shared_care_plan", p.id, person_id), now));
    return p;
  });
}

Result<SharedCarePlan> SharedCareService::update_shared_care(const access::Actor& actor, const std::string& person_id,
                                                             const std::string& id, std::int64_t version,
                                                             const SharedCarePlan& changes) {
  if (changes.review_on && !valid_date(*changes.review_on))
    return fail(Error::field(ErrorKind::unprocessable, "reviewOn", "must be a date like 2026-12-01"));
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<SharedCarePlan> {
    auto found = TRY(db::shared_care_plan(c, actor.org_id, id));
    if (!found || found->person_id != person_id)
      return fail(ErrorKind::not_found, "We could not find that shared care plan", "", "not_found");
    SharedCarePlan p = *found;
    if (!changes.purpose.empty()) p.purpose = changes.purpose;
    p.who_does_what = changes.who_does_what;
    p.contacts = changes.contacts;
    p.discharge_plan = changes.discharge_plan;
    p.review_on = changes.review_on;
    p.updated_at = to_iso(now);
    TRY_VOID(db::update_shared_care(c, actor.org_id, p, version, actor.user_id.value_or("")));
    TRY_VOID(
        access::append_audit(c, actor.about_person("shared_care.update", "shared_care_plan", p.id, person_id), now));
    p.version = version + 1;
    return p;
  });
}

Result<std::vector<CaseConference>> SharedCareService::case_conferences(const std::string& org_id,
                                                                        const std::string& person_id) {
  return db_.read([&](store::Conn& c) { return db::case_conferences(c, org_id, person_id); });
}

Result<CaseConference> SharedCareService::add_case_conference(const access::Actor& actor, const std::string& person_id,
                                                              CaseConference k) {
  if (!valid_date(k.held_on))
    return fail(Error::field(ErrorKind::unprocessable, "heldOn", "must be a date like 2026-11-20"));
  auto now = clock_.now();
  k.id = new_id();
  k.person_id = person_id;
  k.created_at = to_iso(now);
  return db_.write([&](store::Conn& c) -> Result<CaseConference> {
    TRY_VOID(db::insert_case_conference(c, actor.org_id, k, actor.user_id.value_or("")));
    TRY_VOID(
        access::append_audit(c, actor.about_person("case_conference.create", "case_conference", k.id, person_id), now));
    return k;
  });
}

}  // namespace trellis::partnerships
