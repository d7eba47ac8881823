#include "recovery/store.hpp"

#include <map>
#include <nlohmann/json.hpp>

#include "store/sql.hpp"
#include "store/versioning.hpp"

namespace trellis::recovery::db {
namespace {

std::optional<int> opt_int(const store::Row& r, std::size_t i) {
  if (r.is_null(i)) return std::nullopt;
  return static_cast<int>(r.integer(i));
}
store::Value int_value(const std::optional<int>& v) { return v ? store::Value(*v) : store::Value(); }

nlohmann::json sections_json(const std::map<std::string, Section>& sections) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [k, s] : sections)
    j[k] = {{"text", s.text}, {"writtenBy", s.written_by}, {"writtenByName", s.written_by_name}, {"updatedAt", s.updated_at}};
  return j;
}
std::map<std::string, Section> sections_from(const std::string& text) {
  std::map<std::string, Section> out;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return out;
  for (const auto& [k, v] : j.items())
    out[k] = Section{v.value("text", ""), v.value("writtenBy", ""), v.value("writtenByName", ""), v.value("updatedAt", "")};
  return out;
}

constexpr const char* kGoalColumns =
    "id, person_id, title, why_it_matters, life_area_ids, status, written_by_role, achieved_at, created_at,"
    " updated_at, version";
Goal goal_from_row(const store::Row& r) {
  Goal g;
  g.id = r.text(0);
  g.person_id = r.text(1);
  g.title = r.text(2);
  g.why_it_matters = r.text(3);
  g.life_area_ids = store::split_list(r.text(4));
  g.status = r.text(5);
  g.written_by_role = r.text(6);
  g.achieved_at = r.opt_text(7);
  g.created_at = r.text(8);
  g.updated_at = r.text(9);
  g.version = r.integer(10);
  return g;
}
constexpr const char* kStepColumns =
    "id, goal_id, description, who, who_name, due_on, done_at, status, created_at, updated_at, version";
Step step_from_row(const store::Row& r) {
  Step s;
  s.id = r.text(0);
  s.goal_id = r.text(1);
  s.description = r.text(2);
  s.who = r.text(3);
  s.who_name = r.text(4);
  s.due_on = r.opt_text(5);
  s.done_at = r.opt_text(6);
  s.status = r.text(7);
  s.created_at = r.text(8);
  s.updated_at = r.text(9);
  s.version = r.integer(10);
  return s;
}

}  // namespace

Result<std::vector<LifeArea>> life_areas(Conn& c, const std::string& org_id) {
  auto rows = TRY(c.query("SELECT id, code, name, description, position, active FROM life_areas WHERE org_id = ?"
                          " ORDER BY position",
                          {org_id}));
  std::vector<LifeArea> out;
  for (const auto& r : rows)
    out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), static_cast<int>(r.integer(4)), r.boolean(5)});
  return out;
}

Result<void> insert_life_area(Conn& c, const std::string& org_id, const LifeArea& a) {
  TRY(c.exec("INSERT INTO life_areas (org_id, id, code, name, description, position, active) VALUES (?, ?, ?, ?, ?, ?, ?)",
             {org_id, a.id, a.code, a.name, a.description, a.position, a.active}));
  return {};
}

Result<bool> update_life_area(Conn& c, const std::string& org_id, const LifeArea& a) {
  auto n = TRY(c.exec("UPDATE life_areas SET name = ?, description = ?, position = ?, active = ? WHERE org_id = ? AND id = ?",
                      {a.name, a.description, a.position, a.active, org_id, a.id}));
  return n > 0;
}

Result<void> insert_check_in(Conn& c, const std::string& org_id, const CheckIn& ci) {
  TRY(c.exec("INSERT INTO check_ins (org_id, id, person_id, taken_at, entered_by, entered_by_role, home_environment,"
             " priorities, relationships) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
             {org_id, ci.id, ci.person_id, ci.taken_at, ci.entered_by, ci.entered_by_role, ci.home_environment,
              ci.priorities, ci.relationships}));
  for (const auto& r : ci.ratings)
    TRY(c.exec("INSERT INTO check_in_ratings (org_id, check_in_id, life_area_id, person_rating, worker_rating,"
               " what_matters, what_is_working, what_would_help) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               {org_id, ci.id, r.life_area_id, int_value(r.person_rating), int_value(r.worker_rating), r.what_matters,
                r.what_is_working, r.what_would_help}));
  return {};
}

Result<std::vector<CheckIn>> check_ins(Conn& c, const std::string& org_id, const std::string& person_id,
                                       std::size_t limit) {
  auto rows = TRY(c.query(
      "SELECT ci.id, ci.person_id, ci.taken_at, ci.entered_by, ci.entered_by_role, u.display_name, ci.home_environment,"
      " ci.priorities, ci.relationships FROM check_ins ci"
      " LEFT JOIN users u ON u.org_id = ci.org_id AND u.id = ci.entered_by"
      " WHERE ci.org_id = ? AND ci.person_id = ? ORDER BY ci.taken_at DESC LIMIT ?",
      {org_id, person_id, static_cast<std::int64_t>(limit)}));
  std::vector<CheckIn> out;
  std::map<std::string, std::size_t> index;
  store::Params ids{org_id};
  for (const auto& r : rows) {
    index[r.text(0)] = out.size();
    ids.emplace_back(r.text(0));
    out.push_back({r.text(0), r.text(1), r.text(2), r.opt_text(3), r.opt_text(4), r.opt_text(5), r.text(6), r.text(7),
                   r.text(8), {}});
  }
  if (out.empty()) return out;
  auto ratings = TRY(c.query(
      "SELECT r.check_in_id, r.life_area_id, r.person_rating, r.worker_rating, r.what_matters, r.what_is_working,"
      " r.what_would_help FROM check_in_ratings r JOIN life_areas a ON a.org_id = r.org_id AND a.id = r.life_area_id"
      " WHERE r.org_id = ? AND r.check_in_id IN (" + store::placeholders(out.size()) + ") ORDER BY a.position",
      ids));
  for (const auto& r : ratings)
    out[index[r.text(0)]].ratings.push_back({r.text(1), opt_int(r, 2), opt_int(r, 3), r.text(4), r.text(5), r.text(6)});
  return out;
}

Result<std::optional<Plan>> get_plan(Conn& c, const std::string& org_id, const std::string& person_id) {
  auto row = TRY(c.query_one(
      "SELECT id, person_id, sections, review_on, agreed_at, agreed_version, disagreement, created_at, updated_at,"
      " updated_by, version FROM plans WHERE org_id = ? AND person_id = ?",
      {org_id, person_id}));
  if (!row) return std::optional<Plan>{};
  Plan p;
  p.id = row->text(0);
  p.person_id = row->text(1);
  p.sections = sections_from(row->text(2));
  p.review_on = row->opt_text(3);
  p.agreed_at = row->opt_text(4);
  if (!row->is_null(5)) p.agreed_version = row->integer(5);
  p.disagreement = row->text(6);
  p.created_at = row->text(7);
  p.updated_at = row->text(8);
  p.updated_by = row->opt_text(9);
  p.version = row->integer(10);
  return std::optional<Plan>{std::move(p)};
}

Result<void> insert_plan(Conn& c, const std::string& org_id, const Plan& p) {
  TRY(c.exec("INSERT INTO plans (org_id, id, person_id, sections, review_on, agreed_at, agreed_version, disagreement,"
             " created_at, updated_at, updated_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
             {org_id, p.id, p.person_id, sections_json(p.sections).dump(), p.review_on, p.agreed_at,
              p.agreed_version ? store::Value(*p.agreed_version) : store::Value(), p.disagreement, p.created_at,
              p.updated_at, p.updated_by}));
  return {};
}

Result<void> update_plan(Conn& c, const std::string& org_id, const Plan& p, std::int64_t expected_version) {
  auto changed = TRY(c.exec(
      "UPDATE plans SET sections = ?, review_on = ?, agreed_at = ?, agreed_version = ?, disagreement = ?,"
      " updated_at = ?, updated_by = ?, version = version + 1 WHERE org_id = ? AND id = ? AND version = ?",
      {sections_json(p.sections).dump(), p.review_on, p.agreed_at,
       p.agreed_version ? store::Value(*p.agreed_version) : store::Value(), p.disagreement, p.updated_at, p.updated_by,
       org_id, p.id, expected_version}));
  return store::check_versioned_update(c, changed, "plans", org_id, p.id, expected_version, "recovery plan");
}

Result<std::vector<Goal>> goals(Conn& c, const std::string& org_id, const std::string& person_id) {
  auto rows = TRY(c.query(std::string("SELECT ") + kGoalColumns +
                              " FROM goals WHERE org_id = ? AND person_id = ? AND deleted_at IS NULL ORDER BY created_at",
                          {org_id, person_id}));
  std::vector<Goal> out;
  std::map<std::string, std::size_t> index;
  for (const auto& r : rows) {
    index[r.text(0)] = out.size();
    out.push_back(goal_from_row(r));
  }
  if (out.empty()) return out;
  // Steps and notes for every goal at once.
  auto steps = TRY(c.query(std::string("SELECT ") + kStepColumns +
                               " FROM goal_steps WHERE org_id = ? AND person_id = ? ORDER BY created_at",
                           {org_id, person_id}));
  for (const auto& r : steps) {
    auto s = step_from_row(r);
    if (auto it = index.find(s.goal_id); it != index.end()) out[it->second].steps.push_back(std::move(s));
  }
  auto notes = TRY(c.query(
      "SELECT n.id, n.goal_id, n.note, n.written_at, n.written_by, n.written_by_role, u.display_name FROM goal_notes n"
      " LEFT JOIN users u ON u.org_id = n.org_id AND u.id = n.written_by"
      " WHERE n.org_id = ? AND n.person_id = ? ORDER BY n.written_at",
      {org_id, person_id}));
  for (const auto& r : notes)
    if (auto it = index.find(r.text(1)); it != index.end())
      out[it->second].notes.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.opt_text(4), r.opt_text(5), r.opt_text(6)});
  return out;
}

Result<std::optional<Goal>> get_goal(Conn& c, const std::string& org_id, const std::string& goal_id) {
  auto row = TRY(c.query_one(std::string("SELECT ") + kGoalColumns +
                                 " FROM goals WHERE org_id = ? AND id = ? AND deleted_at IS NULL",
                             {org_id, goal_id}));
  if (!row) return std::optional<Goal>{};
  return std::optional<Goal>{goal_from_row(*row)};
}

Result<void> insert_goal(Conn& c, const std::string& org_id, const Goal& g, const std::string& by) {
  TRY(c.exec("INSERT INTO goals (org_id, id, person_id, title, why_it_matters, life_area_ids, status, written_by_role,"
             " achieved_at, created_at, updated_at, updated_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
             {org_id, g.id, g.person_id, g.title, g.why_it_matters, store::join_list(g.life_area_ids), g.status, g.written_by_role,
              g.achieved_at, g.created_at, g.updated_at, by}));
  return {};
}

Result<void> update_goal(Conn& c, const std::string& org_id, const Goal& g, std::int64_t expected_version,
                         const std::string& by) {
  auto changed = TRY(c.exec(
      "UPDATE goals SET title = ?, why_it_matters = ?, life_area_ids = ?, status = ?, achieved_at = ?, updated_at = ?,"
      " updated_by = ?, version = version + 1 WHERE org_id = ? AND id = ? AND version = ?",
      {g.title, g.why_it_matters, store::join_list(g.life_area_ids), g.status, g.achieved_at, g.updated_at, by, org_id, g.id,
       expected_version}));
  return store::check_versioned_update(c, changed, "goals", org_id, g.id, expected_version, "goal");
}

Result<std::optional<Step>> get_step(Conn& c, const std::string& org_id, const std::string& step_id) {
  auto row = TRY(c.query_one(std::string("SELECT ") + kStepColumns + " FROM goal_steps WHERE org_id = ? AND id = ?",
                             {org_id, step_id}));
  if (!row) return std::optional<Step>{};
  return std::optional<Step>{step_from_row(*row)};
}

Result<void> insert_step(Conn& c, const std::string& org_id, const std::string& person_id, const Step& s,
                         const std::string& by) {
  TRY(c.exec("INSERT INTO goal_steps (org_id, id, goal_id, person_id, description, who, who_name, due_on, status,"
             " done_at, created_at, updated_at, updated_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
             {org_id, s.id, s.goal_id, person_id, s.description, s.who, s.who_name, s.due_on, s.status, s.done_at,
              s.created_at, s.updated_at, by}));
  return {};
}

Result<void> update_step(Conn& c, const std::string& org_id, const Step& s, std::int64_t expected_version,
                         const std::string& by) {
  auto changed = TRY(c.exec(
      "UPDATE goal_steps SET description = ?, who = ?, who_name = ?, due_on = ?, status = ?, done_at = ?,"
      " updated_at = ?, updated_by = ?, version = version + 1 WHERE org_id = ? AND id = ? AND version = ?",
      {s.description, s.who, s.who_name, s.due_on, s.status, s.done_at, s.updated_at, by, org_id, s.id,
       expected_version}));
  return store::check_versioned_update(c, changed, "goal_steps", org_id, s.id, expected_version, "step");
}

Result<void> insert_note(Conn& c, const std::string& org_id, const std::string& person_id, const Note& n) {
  TRY(c.exec("INSERT INTO goal_notes (org_id, id, goal_id, person_id, note, written_by, written_by_role, written_at)"
             " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
             {org_id, n.id, n.goal_id, person_id, n.note, n.written_by, n.written_by_role, n.written_at}));
  return {};
}

Result<std::vector<Achievement>> achievements(Conn& c, const std::string& org_id, const std::string& person_id) {
  auto rows = TRY(c.query(
      "SELECT 'goal', id, id, title, achieved_at FROM goals WHERE org_id = ? AND person_id = ? AND status = 'achieved'"
      " AND deleted_at IS NULL AND achieved_at IS NOT NULL"
      " UNION ALL SELECT 'step', id, goal_id, description, done_at FROM goal_steps WHERE org_id = ? AND person_id = ?"
      " AND status = 'done' AND done_at IS NOT NULL ORDER BY 5 DESC",
      {org_id, person_id, org_id, person_id}));
  std::vector<Achievement> out;
  for (const auto& r : rows) out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.text(4)});
  return out;
}

Result<AdvanceStatementRules> advance_statement_rules(Conn& c, const std::string& org_id) {
  auto row = TRY(c.query_one("SELECT advance_statement_rules FROM orgs WHERE org_id = ?", {org_id}));
  AdvanceStatementRules r;
  if (!row) return r;
  auto j = nlohmann::json::parse(row->text(0), nullptr, false);
  if (j.is_object()) {
    r.witness_required = j.value("witnessRequired", true);
    r.witness_role_required = j.value("witnessRoleRequired", true);
    r.nominated_support_required = j.value("nominatedSupportRequired", false);
  }
  return r;
}

Result<void> set_advance_statement_rules(Conn& c, const std::string& org_id, const AdvanceStatementRules& r) {
  nlohmann::json j = {{"witnessRequired", r.witness_required},
                      {"witnessRoleRequired", r.witness_role_required},
                      {"nominatedSupportRequired", r.nominated_support_required}};
  TRY(c.exec("UPDATE orgs SET advance_statement_rules = ? WHERE org_id = ?", {j.dump(), org_id}));
  return {};
}

Result<std::vector<AdvanceStatement>> advance_statements(Conn& c, const std::string& org_id, const std::string& person_id) {
  auto rows = TRY(c.query(
      "SELECT a.id, a.person_id, a.treatment_preferences, a.what_i_do_not_want, a.other_wishes,"
      " a.nominated_support_name, a.nominated_support_contact, a.signed_on, a.witness_name, a.witness_role,"
      " a.witnessed_on, a.status, a.replaced_by, a.revoked_at, a.revoked_reason, a.recorded_at, a.recorded_by,"
      " a.recorded_by_role, u.display_name FROM advance_statements a"
      " LEFT JOIN users u ON u.org_id = a.org_id AND u.id = a.recorded_by"
      " WHERE a.org_id = ? AND a.person_id = ? ORDER BY a.recorded_at DESC",
      {org_id, person_id}));
  std::vector<AdvanceStatement> out;
  for (const auto& r : rows)
    out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6), r.text(7), r.text(8),
                   r.text(9), r.opt_text(10), r.text(11), r.opt_text(12), r.opt_text(13), r.text(14), r.text(15),
                   r.opt_text(16), r.opt_text(17), r.opt_text(18)});
  return out;
}

Result<void> insert_advance_statement(Conn& c, const std::string& org_id, const AdvanceStatement& a) {
  TRY(c.exec("INSERT INTO advance_statements (org_id, id, person_id, treatment_preferences, what_i_do_not_want,"
             " other_wishes, nominated_support_name, nominated_support_contact, signed_on, witness_name, witness_role,"
             " witnessed_on, status, recorded_at, recorded_by, recorded_by_role)"
             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'current', ?, ?, ?)",
             {org_id, a.id, a.person_id, a.treatment_preferences, a.what_i_do_not_want, a.other_wishes,
              a.nominated_support_name, a.nominated_support_contact, a.signed_on, a.witness_name, a.witness_role,
              a.witnessed_on, a.recorded_at, a.recorded_by, a.recorded_by_role}));
  return {};
}

Result<std::int64_t> close_current_statement(Conn& c, const std::string& org_id, const std::string& person_id,
                                             const std::string& status, const std::optional<std::string>& replaced_by,
                                             const std::string& at, const std::string& reason) {
  return c.exec("UPDATE advance_statements SET status = ?, replaced_by = ?, revoked_at = ?, revoked_reason = ?"
                " WHERE org_id = ? AND person_id = ? AND status = 'current'",
                {status, replaced_by, status == "revoked" ? store::Value(at) : store::Value(), reason, org_id,
                 person_id});
}

Result<void> insert_appointment_prep(Conn& c, const std::string& org_id, const AppointmentPrep& a) {
  TRY(c.exec("INSERT INTO appointment_preps (org_id, id, person_id, for_date, how_things_have_been, want_to_talk_about,"
             " what_helps, want_treatment_to_help, written_at, written_by, written_by_role)"
             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
             {org_id, a.id, a.person_id, a.for_date, a.how_things_have_been, a.want_to_talk_about, a.what_helps,
              a.want_treatment_to_help, a.written_at, a.written_by, a.written_by_role}));
  return {};
}

Result<std::vector<AppointmentPrep>> appointment_preps(Conn& c, const std::string& org_id, const std::string& person_id,
                                                       std::size_t limit) {
  auto rows = TRY(c.query(
      "SELECT id, person_id, for_date, how_things_have_been, want_to_talk_about, what_helps, want_treatment_to_help,"
      " written_at, written_by, written_by_role FROM appointment_preps WHERE org_id = ? AND person_id = ?"
      " ORDER BY written_at DESC LIMIT ?",
      {org_id, person_id, static_cast<std::int64_t>(limit)}));
  std::vector<AppointmentPrep> out;
  for (const auto& r : rows)
    out.push_back({r.text(0), r.text(1), r.opt_text(2), r.text(3), r.text(4), r.text(5), r.text(6), r.text(7),
                   r.opt_text(8), r.opt_text(9)});
  return out;
}

}  // namespace trellis::recovery::db
