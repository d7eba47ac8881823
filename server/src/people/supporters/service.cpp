#include "people/supporters/service.hpp"

#include <algorithm>
#include <map>
#include <span>

#include "access/audit.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"
#include "people/common.hpp"
#include "people/json.hpp"
#include "people/records/store.hpp"
#include "people/supporters/store.hpp"
#include "store/history.hpp"

namespace trellis::people {

Result<std::vector<Supporter>> SupportersService::supporters(const std::string& org_id, const std::string& person_id) {
  return db_.read([&](store::Conn& c) { return db::supporters(c, org_id, person_id); });
}

Result<Supporter> SupportersService::add_supporter(const access::Actor& actor, const std::string& person_id,
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

Result<Supporter> SupportersService::update_supporter(const access::Actor& actor, const std::string& person_id,
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

}  // namespace trellis::people
