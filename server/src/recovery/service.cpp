#include "recovery/service.hpp"

#include <algorithm>

#include "access/audit.hpp"
#include "core/ids.hpp"
#include "recovery/json.hpp"
#include "recovery/store.hpp"

namespace trellis::recovery {
namespace {

Error goal_not_found() {
  return Error::make(ErrorKind::not_found, "We could not find that goal", "It may have been removed.", "not_found");
}

Result<Goal> goal_of(store::Conn& c, const std::string& org_id, const std::string& person_id,
                     const std::string& goal_id) {
  auto g = TRY(db::get_goal(c, org_id, goal_id));
  if (!g || g->person_id != person_id) return fail(goal_not_found());
  return *g;
}

const SectionSpec* section_spec(const std::string& key) {
  for (const auto& s : kSections)
    if (s.key == key) return &s;
  return nullptr;
}

}  // namespace

Result<Plan> RecoveryService::plan(const std::string& org_id, const std::string& person_id,
                                   const access::PersonAccess& access) {
  auto p = TRY(db_.read([&](store::Conn& c) { return db::get_plan(c, org_id, person_id); }));
  Plan out = p.value_or(Plan{});
  out.person_id = person_id;
  std::erase_if(out.sections, [&](const auto& kv) {
    const auto* spec = section_spec(kv.first);
    return !spec || !access.allows(spec->part);
  });
  return out;
}

Result<Plan> RecoveryService::save_plan(const access::Actor& actor, const Author& author, const std::string& person_id,
                                        std::optional<std::int64_t> version, const PlanInput& in) {
  for (const auto& [key, _] : in.sections)
    if (!section_spec(key))
      return fail(Error::field(ErrorKind::unprocessable, "sections." + key, "is not a section of the recovery plan"));
  if (in.review_on && !in.review_on->empty() && !valid_date(*in.review_on))
    return fail(Error::field(ErrorKind::unprocessable, "reviewOn", "must be a date like 2026-11-23"));
  auto now = clock_.now();
  auto at = to_iso(now);
  return db_.write([&](store::Conn& c) -> Result<Plan> {
    auto existing = TRY(db::get_plan(c, actor.org_id, person_id));
    Plan p = existing.value_or(Plan{});
    if (existing && !version)
      return fail(ErrorKind::precondition_required, "This change needs the version you last saw",
                  "Send the plan's ETag as If-Match, so nobody's changes are overwritten.", "if_match_required");
    if (existing && *version != existing->version) {
      return fail(Error::make(
          ErrorKind::conflict, "Someone else changed this plan while you were editing",
          "Your changes were not saved. Reload to see the latest plan, then make your change again.", "stale_version"));
    }
    for (const auto& [key, text] : in.sections) {
      auto& s = p.sections[key];
      if (s.text == text) continue;
      s = Section{text, author.is_person ? "person" : "worker", author.name, at};
    }
    if (in.review_on) p.review_on = in.review_on->empty() ? std::nullopt : in.review_on;
    p.updated_at = at;
    p.updated_by = author.user_id;
    // A changed plan needs the person's agreement again.
    if (author.is_person) {
      p.agreed_at = at;
      p.disagreement.clear();
    } else {
      p.agreed_at.reset();
    }
    if (!existing) {
      p.id = new_id();
      p.person_id = person_id;
      p.created_at = at;
      p.version = 1;
      if (author.is_person) p.agreed_version = 1;
      TRY_VOID(db::insert_plan(c, actor.org_id, p));
      TRY_VOID(access::append_audit(c, actor.about_person("plan.create", "plan", p.id, person_id), now));
      return p;
    }
    TRY_VOID(store::keep_version(c, actor.org_id, "plan", p.id, existing->version, person_id, json_text(*existing),
                                 existing->updated_at, existing->updated_by, std::nullopt));
    p.agreed_version = author.is_person ? std::optional<std::int64_t>(existing->version + 1) : std::nullopt;
    TRY_VOID(db::update_plan(c, actor.org_id, p, existing->version));
    TRY_VOID(access::append_audit(c, actor.about_person("plan.update", "plan", p.id, person_id), now));
    p.version = existing->version + 1;
    return p;
  });
}

Result<Plan> RecoveryService::respond_to_plan(const access::Actor& actor, const std::string& person_id,
                                              std::int64_t version, bool agree, const std::string& disagreement) {
  if (!agree && disagreement.empty())
    return fail(
        Error::field(ErrorKind::unprocessable, "disagreement", "say what you do not agree with, in your words"));
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<Plan> {
    auto existing = TRY(db::get_plan(c, actor.org_id, person_id));
    if (!existing)
      return fail(ErrorKind::not_found, "There is no plan yet", "Write the first part of it.", "not_found");
    Plan p = *existing;
    p.agreed_at = agree ? std::optional<std::string>(to_iso(now)) : std::nullopt;
    p.agreed_version = agree ? std::optional<std::int64_t>(version + 1) : std::nullopt;
    p.disagreement = agree ? "" : disagreement;
    p.updated_at = to_iso(now);
    p.updated_by = actor.user_id;
    TRY_VOID(store::keep_version(c, actor.org_id, "plan", p.id, existing->version, person_id, json_text(*existing),
                                 existing->updated_at, existing->updated_by, std::nullopt));
    TRY_VOID(db::update_plan(c, actor.org_id, p, version));
    auto e = actor.about_person(agree ? "plan.agree" : "plan.disagree", "plan", p.id, person_id);
    TRY_VOID(access::append_audit(c, e, now));
    p.version = version + 1;
    return p;
  });
}

Result<std::vector<store::RecordVersion>> RecoveryService::plan_history(const std::string& org_id,
                                                                        const std::string& person_id,
                                                                        const access::PersonAccess& access) {
  return db_.read([&](store::Conn& c) -> Result<std::vector<store::RecordVersion>> {
    auto p = TRY(db::get_plan(c, org_id, person_id));
    if (!p) return std::vector<store::RecordVersion>{};
    auto versions = TRY(store::versions_of(c, org_id, "plan", p->id));
    for (auto& v : versions) {
      if (!v.data.contains("sections")) continue;
      auto& sections = v.data["sections"];
      for (auto it = sections.begin(); it != sections.end();) {
        const auto* spec = section_spec(it.key());
        if (!spec || !access.allows(spec->part))
          it = sections.erase(it);
        else
          ++it;
      }
    }
    return versions;
  });
}

Result<std::vector<Goal>> RecoveryService::goals(const std::string& org_id, const std::string& person_id) {
  return db_.read([&](store::Conn& c) { return db::goals(c, org_id, person_id); });
}

Result<Goal> RecoveryService::add_goal(const access::Actor& actor, const Author& author, const std::string& person_id,
                                       const GoalInput& in) {
  auto areas = TRY(life_areas(actor.org_id));
  for (const auto& id : in.life_area_ids.value_or(std::vector<std::string>{}))
    if (std::none_of(areas.begin(), areas.end(), [&](const LifeArea& a) { return a.id == id; }))
      return fail(Error::field(ErrorKind::unprocessable, "lifeAreaIds", "includes something that is not a life area"));
  auto now = clock_.now();
  Goal g;
  g.id = new_id();
  g.person_id = person_id;
  g.title = in.title.value_or("");
  g.why_it_matters = in.why_it_matters.value_or("");
  g.life_area_ids = in.life_area_ids.value_or(std::vector<std::string>{});
  g.status = in.status.value_or(GoalStatus::not_started);
  g.written_by_role = author.is_person ? "person" : "worker";
  g.created_at = g.updated_at = to_iso(now);
  if (g.status == GoalStatus::achieved) g.achieved_at = g.created_at;
  return db_.write([&](store::Conn& c) -> Result<Goal> {
    TRY_VOID(db::insert_goal(c, actor.org_id, g, author.user_id));
    TRY_VOID(access::append_audit(c, actor.about_person("goal.create", "goal", g.id, person_id), now));
    return g;
  });
}

Result<Goal> RecoveryService::update_goal(const access::Actor& actor, const std::string& person_id,
                                          const std::string& goal_id, std::int64_t version, const GoalInput& in) {
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<Goal> {
    auto before = TRY(goal_of(c, actor.org_id, person_id, goal_id));
    Goal g = before;
    if (in.title) g.title = *in.title;
    if (in.why_it_matters) g.why_it_matters = *in.why_it_matters;
    if (in.life_area_ids) g.life_area_ids = *in.life_area_ids;
    if (in.status) g.status = *in.status;
    bool achieved = g.status == GoalStatus::achieved && before.status != GoalStatus::achieved;
    if (achieved) g.achieved_at = to_iso(now);
    if (g.status != GoalStatus::achieved) g.achieved_at.reset();
    g.updated_at = to_iso(now);
    TRY_VOID(store::keep_version(c, actor.org_id, "goal", g.id, before.version, person_id, json_text(before),
                                 before.updated_at, std::nullopt, std::nullopt));
    TRY_VOID(db::update_goal(c, actor.org_id, g, version, actor.user_id.value_or("")));
    auto action = achieved ? "goal.achieved" : "goal.update";
    TRY_VOID(access::append_audit(c, actor.about_person(action, "goal", g.id, person_id), now));
    g.version = version + 1;
    return g;
  });
}

Result<std::vector<store::RecordVersion>> RecoveryService::goal_history(const std::string& org_id,
                                                                        const std::string& person_id,
                                                                        const std::string& goal_id) {
  return db_.read([&](store::Conn& c) -> Result<std::vector<store::RecordVersion>> {
    TRY(goal_of(c, org_id, person_id, goal_id));
    return store::versions_of(c, org_id, "goal", goal_id);
  });
}

Result<Step> RecoveryService::add_step(const access::Actor& actor, const std::string& person_id,
                                       const std::string& goal_id, const StepInput& in) {
  if (in.due_on && !in.due_on->empty() && !valid_date(*in.due_on))
    return fail(Error::field(ErrorKind::unprocessable, "dueOn", "must be a date like 2026-11-23"));
  auto now = clock_.now();
  Step s;
  s.id = new_id();
  s.goal_id = goal_id;
  s.description = in.description.value_or("");
  s.who = in.who.value_or("person");
  s.who_name = in.who_name.value_or("");
  if (in.due_on && !in.due_on->empty()) s.due_on = in.due_on;
  s.status = in.status.value_or(StepStatus::not_started);
  s.created_at = s.updated_at = to_iso(now);
  if (s.status == StepStatus::done) s.done_at = s.created_at;
  return db_.write([&](store::Conn& c) -> Result<Step> {
    TRY(goal_of(c, actor.org_id, person_id, goal_id));
    TRY_VOID(db::insert_step(c, actor.org_id, person_id, s, actor.user_id.value_or("")));
    TRY_VOID(access::append_audit(c, actor.about_person("step.create", "step", s.id, person_id), now));
    return s;
  });
}

Result<Step> RecoveryService::update_step(const access::Actor& actor, const std::string& person_id,
                                          const std::string& goal_id, const std::string& step_id, std::int64_t version,
                                          const StepInput& in) {
  if (in.due_on && !in.due_on->empty() && !valid_date(*in.due_on))
    return fail(Error::field(ErrorKind::unprocessable, "dueOn", "must be a date like 2026-11-23"));
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<Step> {
    TRY(goal_of(c, actor.org_id, person_id, goal_id));
    auto found = TRY(db::get_step(c, actor.org_id, step_id));
    if (!found || found->goal_id != goal_id)
      return fail(ErrorKind::not_found, "We could not find that step", "It may have been removed.", "not_found");
    Step s = *found;
    if (in.description) s.description = *in.description;
    if (in.who) s.who = *in.who;
    if (in.who_name) s.who_name = *in.who_name;
    if (in.due_on) s.due_on = in.due_on->empty() ? std::nullopt : in.due_on;
    if (in.status) s.status = *in.status;
    bool done = s.status == StepStatus::done && found->status != StepStatus::done;
    if (done) s.done_at = to_iso(now);
    if (s.status != StepStatus::done) s.done_at.reset();
    s.updated_at = to_iso(now);
    TRY_VOID(store::keep_version(c, actor.org_id, "step", s.id, found->version, person_id, json_text(*found),
                                 found->updated_at, std::nullopt, std::nullopt));
    TRY_VOID(db::update_step(c, actor.org_id, s, version, actor.user_id.value_or("")));
    auto action = done ? "step.done" : "step.update";
    TRY_VOID(access::append_audit(c, actor.about_person(action, "step", s.id, person_id), now));
    s.version = version + 1;
    return s;
  });
}

Result<Note> RecoveryService::add_note(const access::Actor& actor, const Author& author, const std::string& person_id,
                                       const std::string& goal_id, const std::string& text) {
  auto now = clock_.now();
  Note n{new_id(), goal_id, text, to_iso(now), author.user_id, author.role, author.name};
  return db_.write([&](store::Conn& c) -> Result<Note> {
    TRY(goal_of(c, actor.org_id, person_id, goal_id));
    TRY_VOID(db::insert_note(c, actor.org_id, person_id, n));
    TRY_VOID(access::append_audit(c, actor.about_person("goal.note", "goal", goal_id, person_id), now));
    return n;
  });
}

Result<std::vector<Achievement>> RecoveryService::achievements(const std::string& org_id,
                                                               const std::string& person_id) {
  return db_.read([&](store::Conn& c) { return db::achievements(c, org_id, person_id); });
}

}  // namespace trellis::recovery
