#include "people/consent/service.hpp"

#include <algorithm>
#include <map>
#include <span>

#include "access/audit.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"
#include "people/common.hpp"
#include "people/json.hpp"
#include "people/consent/store.hpp"
#include "people/records/store.hpp"
#include "people/supporters/store.hpp"
#include "store/history.hpp"

namespace trellis::people {

using access::Part;

namespace {

bool contains(std::span<const Part> parts, Part p) { return std::find(parts.begin(), parts.end(), p) != parts.end(); }

}  // namespace

Result<std::vector<Consent>> ConsentService::consents(const std::string& org_id, const std::string& person_id) {
  return db_.read([&](store::Conn& c) { return db::consents(c, org_id, person_id); });
}

Result<std::vector<Consent>> ConsentService::consents_for_partner(const std::string& org_id,
                                                                  const std::string& partner_id,
                                                                  const std::vector<std::string>& person_ids) {
  if (person_ids.empty()) return std::vector<Consent>{};
  return db_.read(
      [&](store::Conn& c) { return db::consents_for_grantee(c, org_id, "partner", partner_id, person_ids); });
}

Result<Consent> ConsentService::record_consent(const access::Actor& actor, const std::string& person_id,
                                               const ConsentInput& in) {
  for (auto p : in.parts)
    if (!contains(access::kShareableParts, p))
      return fail(Error::field(ErrorKind::unprocessable, "parts",
                               std::string(access::part_name(p)) + " cannot be shared with a supporter"));
  if (in.parts.empty())
    return fail(Error::field(ErrorKind::unprocessable, "parts", "choose at least one part to share"));
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

Result<Consent> ConsentService::withdraw_consent(const access::Actor& actor, const std::string& person_id,
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

Result<std::vector<std::pair<Consent, std::string>>> ConsentService::consents_for_me(const access::Actor& actor,
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

}  // namespace trellis::people
