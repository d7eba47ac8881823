#include "people/break_glass/service.hpp"

#include <algorithm>
#include <map>
#include <span>

#include "access/audit.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"
#include "people/common.hpp"
#include "people/json.hpp"
#include "people/break_glass/store.hpp"
#include "people/records/store.hpp"
#include "store/history.hpp"

namespace trellis::people {

Result<BreakGlass> BreakGlassService::break_glass(const access::Actor& actor, const access::Principal& who,
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

Result<std::vector<BreakGlass>> BreakGlassService::break_glass_queue(const std::string& org_id, bool include_reviewed) {
  return db_.read([&](store::Conn& c) { return db::break_glass_to_review(c, org_id, include_reviewed, 200); });
}

Result<void> BreakGlassService::review_break_glass(const access::Actor& actor, const std::string& id,
                                                   const std::string& note) {
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

}  // namespace trellis::people
