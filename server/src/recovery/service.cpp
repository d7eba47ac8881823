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

Result<Goal> goal_of(store::Conn& c, const std::string& org_id, const std::string& person_id, const std::string& goal_id) {
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
                                                   const std::optional<int>& position, const std::optional<bool>& active) {
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
  if (in.ratings.empty())
    return fail(Error::field(ErrorKind::unprocessable, "ratings", "rate at least one life area"));
  for (std::size_t i = 0; i < in.ratings.size(); ++i) {
    const auto& r = in.ratings[i];
    auto field = "ratings[" + std::to_string(i) + "]";
    if (std::none_of(areas.begin(), areas.end(), [&](const LifeArea& a) { return a.id == r.life_area_id && a.active; }))
      return fail(Error::field(ErrorKind::unprocessable, field + ".lifeAreaId", "is not one of your organisation's life areas"));
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
      return fail(Error::make(ErrorKind::conflict, "Someone else changed this plan while you were editing",
                              "Your changes were not saved. Reload to see the latest plan, then make your change again.",
                              "stale_version"));
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
    TRY_VOID(store::keep_version(c, actor.org_id, "plan", p.id, existing->version, person_id, to_json(*existing),
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
    return fail(Error::field(ErrorKind::unprocessable, "disagreement", "say what you do not agree with, in your words"));
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<Plan> {
    auto existing = TRY(db::get_plan(c, actor.org_id, person_id));
    if (!existing) return fail(ErrorKind::not_found, "There is no plan yet", "Write the first part of it.", "not_found");
    Plan p = *existing;
    p.agreed_at = agree ? std::optional<std::string>(to_iso(now)) : std::nullopt;
    p.agreed_version = agree ? std::optional<std::int64_t>(version + 1) : std::nullopt;
    p.disagreement = agree ? "" : disagreement;
    p.updated_at = to_iso(now);
    p.updated_by = actor.user_id;
    TRY_VOID(store::keep_version(c, actor.org_id, "plan", p.id, existing->version, person_id, to_json(*existing),
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
        if (!spec || !access.allows(spec->part)) it = sections.erase(it);
        else ++it;
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
  g.status = in.status.value_or("not_started");
  g.written_by_role = author.is_person ? "person" : "worker";
  g.created_at = g.updated_at = to_iso(now);
  if (g.status == "achieved") g.achieved_at = g.created_at;
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
    if (g.status == "achieved" && before.status != "achieved") g.achieved_at = to_iso(now);
    if (g.status != "achieved") g.achieved_at.reset();
    g.updated_at = to_iso(now);
    TRY_VOID(store::keep_version(c, actor.org_id, "goal", g.id, before.version, person_id, to_json(before),
                                 before.updated_at, std::nullopt, std::nullopt));
    TRY_VOID(db::update_goal(c, actor.org_id, g, version, actor.user_id.value_or("")));
    auto action = g.status == "achieved" && before.status != "achieved" ? "goal.achieved" : "goal.update";
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
  s.status = in.status.value_or("not_started");
  s.created_at = s.updated_at = to_iso(now);
  if (s.status == "done") s.done_at = s.created_at;
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
    if (s.status == "done" && found->status != "done") s.done_at = to_iso(now);
    if (s.status != "done") s.done_at.reset();
    s.updated_at = to_iso(now);
    TRY_VOID(store::keep_version(c, actor.org_id, "step", s.id, found->version, person_id, to_json(*found),
                                 found->updated_at, std::nullopt, std::nullopt));
    TRY_VOID(db::update_step(c, actor.org_id, s, version, actor.user_id.value_or("")));
    auto action = s.status == "done" && found->status != "done" ? "step.done" : "step.update";
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

Result<std::vector<Achievement>> RecoveryService::achievements(const std::string& org_id, const std::string& person_id) {
  return db_.read([&](store::Conn& c) { return db::achievements(c, org_id, person_id); });
}

Result<AdvanceStatementRules> RecoveryService::advance_statement_rules(const std::string& org_id) {
  return db_.read([&](store::Conn& c) { return db::advance_statement_rules(c, org_id); });
}

Result<AdvanceStatementRules> RecoveryService::set_advance_statement_rules(const access::Actor& actor,
                                                                           const AdvanceStatementRules& r) {
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<AdvanceStatementRules> {
    TRY_VOID(db::set_advance_statement_rules(c, actor.org_id, r));
    TRY_VOID(access::append_audit(c, actor.entry("settings.advance_statements", "org", actor.org_id), now));
    return r;
  });
}

Result<std::vector<AdvanceStatement>> RecoveryService::advance_statements(const std::string& org_id,
                                                                          const std::string& person_id) {
  return db_.read([&](store::Conn& c) { return db::advance_statements(c, org_id, person_id); });
}

Result<AdvanceStatement> RecoveryService::make_advance_statement(const access::Actor& actor, const Author& author,
                                                                 const std::string& person_id, AdvanceStatement a) {
  auto rules = TRY(advance_statement_rules(actor.org_id));
  auto need = [](bool required, const std::string& value, const char* field, const char* why) -> Result<void> {
    if (required && value.empty()) return fail(Error::field(ErrorKind::unprocessable, field, why));
    return {};
  };
  TRY_VOID(need(true, a.treatment_preferences, "treatmentPreferences", "say what you would like, in your words"));
  if (!valid_date(a.signed_on)) return fail(Error::field(ErrorKind::unprocessable, "signedOn", "must be a date like 2026-11-23"));
  TRY_VOID(need(rules.witness_required, a.witness_name, "witnessName", "your organisation asks for a witness"));
  TRY_VOID(need(rules.witness_required && rules.witness_role_required, a.witness_role, "witnessRole",
                "record the witness's role or authority, as your organisation asks"));
  if (rules.witness_required && (!a.witnessed_on || !valid_date(*a.witnessed_on)))
    return fail(Error::field(ErrorKind::unprocessable, "witnessedOn", "must be the date it was witnessed, like 2026-11-23"));
  TRY_VOID(need(rules.nominated_support_required, a.nominated_support_name, "nominatedSupportName",
                "your organisation asks for a nominated support person"));
  auto now = clock_.now();
  a.id = new_id();
  a.person_id = person_id;
  a.status = "current";
  a.recorded_at = to_iso(now);
  a.recorded_by = author.user_id;
  a.recorded_by_role = author.role;
  a.recorded_by_name = author.name;
  return db_.write([&](store::Conn& c) -> Result<AdvanceStatement> {
    auto replaced = TRY(db::close_current_statement(c, actor.org_id, person_id, "replaced", a.id, a.recorded_at, ""));
    TRY_VOID(db::insert_advance_statement(c, actor.org_id, a));
    auto e = actor.about_person("advance_statement.create", "advance_statement", a.id, person_id);
    if (replaced) e.detail = "replaces the earlier statement";
    TRY_VOID(access::append_audit(c, e, now));
    return a;
  });
}

Result<void> RecoveryService::revoke_advance_statement(const access::Actor& actor, const std::string& person_id,
                                                       const std::string& reason) {
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<void> {
    auto n = TRY(db::close_current_statement(c, actor.org_id, person_id, "revoked", std::nullopt, to_iso(now), reason));
    if (n == 0)
      return fail(ErrorKind::not_found, "There is no current advance statement", "Nothing was changed.", "not_found");
    return access::append_audit(c, actor.about_person("advance_statement.revoke", "advance_statement", person_id, person_id), now);
  });
}

Result<AppointmentPrep> RecoveryService::prepare_for_appointment(const access::Actor& actor, const Author& author,
                                                                const std::string& person_id, AppointmentPrep a) {
  if (a.how_things_have_been.empty() && a.want_to_talk_about.empty() && a.what_helps.empty() &&
      a.want_treatment_to_help.empty())
    return fail(Error::field(ErrorKind::unprocessable, "wantToTalkAbout", "write something in at least one box"));
  if (a.for_date && !valid_date(*a.for_date))
    return fail(Error::field(ErrorKind::unprocessable, "forDate", "must be a date like 2026-11-23"));
  auto now = clock_.now();
  a.id = new_id();
  a.person_id = person_id;
  a.written_at = to_iso(now);
  a.written_by = author.user_id;
  a.written_by_role = author.role;
  return db_.write([&](store::Conn& c) -> Result<AppointmentPrep> {
    TRY_VOID(db::insert_appointment_prep(c, actor.org_id, a));
    TRY_VOID(access::append_audit(c, actor.about_person("appointment_prep.create", "appointment_prep", a.id, person_id), now));
    return a;
  });
}

Result<std::vector<AppointmentPrep>> RecoveryService::appointment_preps(const std::string& org_id,
                                                                        const std::string& person_id) {
  return db_.read([&](store::Conn& c) { return db::appointment_preps(c, org_id, person_id, 10); });
}

}  // namespace trellis::recovery
