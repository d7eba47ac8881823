#include "people/person_policy.hpp"

#include <algorithm>
#include <span>

#include "core/ids.hpp"
#include "people/break_glass/store.hpp"
#include "people/common.hpp"
#include "people/consent/store.hpp"
#include "people/records/store.hpp"
#include "people/supporters/store.hpp"

namespace trellis::people {

using access::Part;

namespace {

bool contains(std::span<const Part> parts, Part p) { return std::find(parts.begin(), parts.end(), p) != parts.end(); }

std::vector<Part> all_parts() { return {std::begin(access::kAllParts), std::end(access::kAllParts)}; }

}  // namespace

Result<access::PersonAccess> RecordPolicy::authorize(const access::Principal& who, const std::string& person_id,
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
        if (write)
          return fail(ErrorKind::forbidden, "Supporters can read what is shared with them",
                      "Changes are made by the person or their care team.", "forbidden");
        // The person's name heads whatever they share, so reading the record's summary is allowed
        // with any consent; the details in it need the profile part (the route strips them).
        bool summary = part == Part::profile;
        if (!a.allows(part) && !summary)
          return fail(ErrorKind::forbidden, "This part has not been shared with you",
                      person->display_name() + " decides what their supporters see.", "not_shared");
        return a;
      }
      case access::Role::partner:
        return fail(person_not_found());
      default:
        break;
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

}  // namespace trellis::people
