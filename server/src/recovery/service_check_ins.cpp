// The recovery service's life areas and check-ins.
#include "recovery/service.hpp"

#include <algorithm>

#include "access/audit.hpp"
#include "core/ids.hpp"
#include "recovery/json.hpp"
#include "recovery/store.hpp"

namespace trellis::recovery {

const std::vector<LifeArea>& default_life_areas() {
  static const std::vector<LifeArea> areas = {
      {"", "wellbeing", "Mental health and wellbeing", "How I feel in myself, day to day", 1, true},
      {"", "physical_health", "Physical health", "My body, sleep, eating and health care", 2, true},
      {"", "living_skills", "Home and living skills", "Looking after myself and my home", 3, true},
      {"", "housing", "Housing", "Having a safe, settled place to live", 4, true},
      {"", "relationships", "Relationships and family", "The people closest to me", 5, true},
      {"", "connection", "Social and community connection", "Friends, groups and belonging", 6, true},
      {"", "culture", "Culture, identity and spirituality", "Who I am and what gives my life meaning", 7, true},
      {"", "work", "Work, study and volunteering", "Using my time in ways that matter to me", 8, true},
      {"", "money", "Money", "Having enough and managing it", 9, true},
      {"", "alcohol_drugs", "Alcohol and other drugs", "How alcohol and other drugs fit in my life", 10, true},
      {"", "creativity", "Creativity", "Making, playing, expressing myself", 11, true},
      {"", "recreation", "Recreation and exercise", "Moving, resting and having fun", 12, true},
      {"", "safety", "Safety", "Feeling safe, and being safe", 13, true},
  };
  return areas;
}

Result<std::vector<LifeArea>> RecoveryService::life_areas(const std::string& org_id) {
  auto areas = TRY(db_.read([&](store::Conn& c) { return db::life_areas(c, org_id); }));
  if (!areas.empty()) return areas;
  return db_.write([&](store::Conn& c) -> Result<std::vector<LifeArea>> {
    auto again = TRY(db::life_areas(c, org_id));  // another request may have written them
    if (!again.empty()) return again;
    for (auto a : default_life_areas()) {
      a.id = new_id();
      TRY_VOID(db::insert_life_area(c, org_id, a));
    }
    return db::life_areas(c, org_id);
  });
}

Result<LifeArea> RecoveryService::add_life_area(const access::Actor& actor, const std::string& name,
                                                const std::string& description) {
  auto areas = TRY(life_areas(actor.org_id));
  LifeArea a{new_id(), "custom_" + new_id().substr(0, 8), name, description, static_cast<int>(areas.size()) + 1, true};
  for (const auto& x : areas)
    if (x.name == name) return fail(Error::field(ErrorKind::conflict, "name", "is already a life area"));
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<LifeArea> {
    TRY_VOID(db::insert_life_area(c, actor.org_id, a));
    TRY_VOID(access::append_audit(c, actor.entry("life_area.create", "life_area", a.id), now));
    return a;
  });
}

Result<LifeArea> RecoveryService::update_life_area(const access::Actor& actor, const std::string& id,
                                                   const std::optional<std::string>& name,
                                                   const std::optional<std::string>& description,
                                                   const std::optional<int>& position,
                                                   const std::optional<bool>& active) {
  auto areas = TRY(life_areas(actor.org_id));
  auto it = std::find_if(areas.begin(), areas.end(), [&](const LifeArea& a) { return a.id == id; });
  if (it == areas.end()) return fail(ErrorKind::not_found, "We could not find that life area", "", "not_found");
  LifeArea a = *it;
  if (name) a.name = *name;
  if (description) a.description = *description;
  if (position) a.position = *position;
  if (active) a.active = *active;
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<LifeArea> {
    TRY(db::update_life_area(c, actor.org_id, a));
    TRY_VOID(access::append_audit(c, actor.entry("life_area.update", "life_area", a.id), now));
    return a;
  });
}

Result<std::vector<CheckIn>> RecoveryService::check_ins(const std::string& org_id, const std::string& person_id,
                                                        std::size_t limit) {
  return db_.read([&](store::Conn& c) { return db::check_ins(c, org_id, person_id, limit); });
}

Result<CheckIn> RecoveryService::add_check_in(const access::Actor& actor, const Author& author,
                                              const std::string& person_id, const CheckInInput& in) {
  auto areas = TRY(life_areas(actor.org_id));
  if (in.ratings.empty()) return fail(Error::field(ErrorKind::unprocessable, "ratings", "rate at least one life area"));
  for (std::size_t i = 0; i < in.ratings.size(); ++i) {
    const auto& r = in.ratings[i];
    auto field = "ratings[" + std::to_string(i) + "]";
    if (std::none_of(areas.begin(), areas.end(), [&](const LifeArea& a) { return a.id == r.life_area_id && a.active; }))
      return fail(Error::field(ErrorKind::unprocessable, field + ".lifeAreaId",
                               "is not one of your organisation's life areas"));
    if (author.is_person && r.worker_rating)
      return fail(Error::field(ErrorKind::unprocessable, field + ".workerRating", "is for your worker to add"));
    for (std::size_t j = 0; j < i; ++j)
      if (in.ratings[j].life_area_id == r.life_area_id)
        return fail(Error::field(ErrorKind::unprocessable, field + ".lifeAreaId", "appears twice"));
  }
  auto now = clock_.now();
  CheckIn ci;
  ci.id = new_id();
  ci.person_id = person_id;
  ci.taken_at = to_iso(now);
  ci.entered_by = author.user_id;
  ci.entered_by_role = author.role;
  ci.entered_by_name = author.name;
  ci.home_environment = in.home_environment;
  ci.priorities = in.priorities;
  ci.relationships = in.relationships;
  ci.ratings = in.ratings;
  return db_.write([&](store::Conn& c) -> Result<CheckIn> {
    TRY_VOID(db::insert_check_in(c, actor.org_id, ci));
    TRY_VOID(access::append_audit(c, actor.about_person("check_in.create", "check_in", ci.id, person_id), now));
    return ci;
  });
}

}  // namespace trellis::recovery
