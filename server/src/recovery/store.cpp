#include "recovery/store.hpp"

#include <map>
#include <string_view>

#include <nlohmann/json.hpp>

#include "store/columns.hpp"
#include "store/sql.hpp"
#include "store/versioning.hpp"

namespace trellis::recovery::db {
namespace {

using store::column;
using store::Written;

nlohmann::json sections_json(const std::map<std::string, Section>& sections) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [k, s] : sections)
    j[k] = {{"text", s.text},
            {"writtenBy", s.written_by},
            {"writtenByName", s.written_by_name},
            {"updatedAt", s.updated_at}};
  return j;
}
std::map<std::string, Section> sections_from(const std::string& text) {
  std::map<std::string, Section> out;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return out;
  for (const auto& [k, v] : j.items())
    out[k] =
        Section{v.value("text", ""), v.value("writtenBy", ""), v.value("writtenByName", ""), v.value("updatedAt", "")};
  return out;
}

// An area's code is how the defaults are known, so it never changes once made.
const store::Columns<LifeArea> kLifeArea{
    column<&LifeArea::id>("id", Written::on_insert),
    column<&LifeArea::code>("code", Written::on_insert),
    column<&LifeArea::name>("name"),
    column<&LifeArea::description>("description"),
    column<&LifeArea::position>("position"),
    column<&LifeArea::active>("active"),
};
// Check-ins, their ratings and goal notes are never edited; who entered one is named from users.
const store::Columns<CheckIn> kCheckIn{
    column<&CheckIn::id>("id"),
    column<&CheckIn::person_id>("person_id"),
    column<&CheckIn::taken_at>("taken_at"),
    column<&CheckIn::entered_by>("entered_by"),
    column<&CheckIn::entered_by_role>("entered_by_role"),
    column<&CheckIn::home_environment>("home_environment"),
    column<&CheckIn::priorities>("priorities"),
    column<&CheckIn::relationships>("relationships"),
};
const store::Columns<Rating> kRating{
    column<&Rating::life_area_id>("life_area_id"),       column<&Rating::person_rating>("person_rating"),
    column<&Rating::worker_rating>("worker_rating"),     column<&Rating::what_matters>("what_matters"),
    column<&Rating::what_is_working>("what_is_working"), column<&Rating::what_would_help>("what_would_help"),
};
const store::Columns<Plan> kPlan{
    column<&Plan::id>("id", Written::on_insert),
    column<&Plan::person_id>("person_id", Written::on_insert),
    {"sections", [](const Plan& p) -> store::Value { return sections_json(p.sections).dump(); },
     [](Plan& p, const store::Row& r, std::size_t i) { p.sections = sections_from(r.text(i)); }},
    column<&Plan::review_on>("review_on"),
    column<&Plan::agreed_at>("agreed_at"),
    column<&Plan::agreed_version>("agreed_version"),
    column<&Plan::disagreement>("disagreement"),
    column<&Plan::created_at>("created_at", Written::on_insert),
    column<&Plan::updated_at>("updated_at"),
    column<&Plan::updated_by>("updated_by"),
    column<&Plan::version>("version", Written::never),
};
// Whose goal it is and who first wrote it never change; updated_by is the writer, bound beside.
const store::Columns<Goal> kGoal{
    column<&Goal::id>("id", Written::on_insert),
    column<&Goal::person_id>("person_id", Written::on_insert),
    column<&Goal::title>("title"),
    column<&Goal::why_it_matters>("why_it_matters"),
    {"life_area_ids", [](const Goal& g) -> store::Value { return store::join_list(g.life_area_ids); },
     [](Goal& g, const store::Row& r, std::size_t i) { g.life_area_ids = store::split_list(r.text(i)); }},
    column<&Goal::status>("status"),
    column<&Goal::written_by_role>("written_by_role", Written::on_insert),
    column<&Goal::achieved_at>("achieved_at"),
    column<&Goal::created_at>("created_at", Written::on_insert),
    column<&Goal::updated_at>("updated_at"),
    column<&Goal::version>("version", Written::never),
};
const store::Columns<Step> kStep{
    column<&Step::id>("id", Written::on_insert),
    column<&Step::goal_id>("goal_id", Written::on_insert),
    column<&Step::description>("description"),
    column<&Step::who>("who"),
    column<&Step::who_name>("who_name"),
    column<&Step::due_on>("due_on"),
    column<&Step::done_at>("done_at"),
    column<&Step::status>("status"),
    column<&Step::created_at>("created_at", Written::on_insert),
    column<&Step::updated_at>("updated_at"),
    column<&Step::version>("version", Written::never),
};
const store::Columns<Note> kNote{
    column<&Note::id>("id"),
    column<&Note::goal_id>("goal_id"),
    column<&Note::note>("note"),
    column<&Note::written_at>("written_at"),
    column<&Note::written_by>("written_by"),
    column<&Note::written_by_role>("written_by_role"),
};
// An achievement is a row of the union of achieved goals and done steps, named alike.
const store::Columns<Achievement> kAchievement{
    column<&Achievement::kind>("kind"),
    column<&Achievement::id>("id"),
    column<&Achievement::goal_id>("goal_id"),
    column<&Achievement::title>("title"),
    column<&Achievement::achieved_at>("achieved_at"),
};
// The insert of a record: org_id first, the record's columns, then any the record does not hold
// (who wrote it, the first version) with their values.
template <typename T>
std::string insert_sql(std::string_view table, const store::Columns<T>& columns, std::string_view more_names = {},
                       std::string_view more_values = {}) {
  auto more = [](std::string_view list) { return list.empty() ? std::string() : ", " + std::string(list); };
  return "INSERT INTO " + std::string(table) + " (org_id, " + columns.insert_names() + more(more_names) +
         ") VALUES (?, " + columns.insert_placeholders() + more(more_values) + ")";
}

}  // namespace

Result<std::vector<LifeArea>> life_areas(Conn& c, const std::string& org_id) {
  static const std::string sql =
      "SELECT " + kLifeArea.select_list() + " FROM life_areas WHERE org_id = ? ORDER BY position";
  auto rows = TRY(c.query(sql, {org_id}));
  std::vector<LifeArea> out;
  for (const auto& r : rows) out.push_back(kLifeArea.read(r));
  return out;
}

Result<void> insert_life_area(Conn& c, const std::string& org_id, const LifeArea& a) {
  static const std::string sql = insert_sql("life_areas", kLifeArea);
  store::Params p{org_id};
  kLifeArea.insert_values(a, p);
  TRY(c.exec(sql, p));
  return {};
}

Result<bool> update_life_area(Conn& c, const std::string& org_id, const LifeArea& a) {
  static const std::string sql = "UPDATE life_areas SET " + kLifeArea.assignments() + " WHERE org_id = ? AND id = ?";
  store::Params p;
  kLifeArea.update_values(a, p);
  p.insert(p.end(), {org_id, a.id});
  auto n = TRY(c.exec(sql, p));
  return n > 0;
}

Result<void> insert_check_in(Conn& c, const std::string& org_id, const CheckIn& ci) {
  static const std::string sql = insert_sql("check_ins", kCheckIn);
  store::Params p{org_id};
  kCheckIn.insert_values(ci, p);
  TRY(c.exec(sql, p));
  if (ci.ratings.empty()) return {};
  // Every rating in one statement: a check-in rates up to every life area, and each statement
  // is time under the one write turn (a round trip too, on PostgreSQL).
  static const std::string one_rating = "?, " + kRating.insert_placeholders() + ", ?";
  store::Params rp;
  for (const auto& r : ci.ratings) {
    rp.emplace_back(org_id);
    kRating.insert_values(r, rp);
    rp.emplace_back(ci.id);
  }
  TRY(c.exec("INSERT INTO check_in_ratings (org_id, " + kRating.insert_names() + ", check_in_id) VALUES " +
                 store::rows_of(ci.ratings.size(), one_rating),
             rp));
  return {};
}

Result<std::vector<CheckIn>> check_ins(Conn& c, const std::string& org_id, const std::string& person_id,
                                       std::size_t limit) {
  // Each check-in, then the name of whoever entered it.
  static const std::string sql = "SELECT " + kCheckIn.select_list("ci") +
                                 ", u.display_name FROM check_ins ci"
                                 " LEFT JOIN users u ON u.org_id = ci.org_id AND u.id = ci.entered_by"
                                 " WHERE ci.org_id = ? AND ci.person_id = ? ORDER BY ci.taken_at DESC LIMIT ?";
  auto rows = TRY(c.query(sql, {org_id, person_id, static_cast<std::int64_t>(limit)}));
  std::vector<CheckIn> out;
  std::map<std::string, std::size_t> index;
  store::Params ids{org_id};
  for (const auto& r : rows) {
    auto ci = kCheckIn.read(r);
    ci.entered_by_name = r.opt_text(kCheckIn.size());
    index[ci.id] = out.size();
    ids.emplace_back(ci.id);
    out.push_back(std::move(ci));
  }
  if (out.empty()) return out;
  // Each rating, then the check-in it belongs to.
  auto ratings = TRY(c.query(
      "SELECT " + kRating.select_list("r") +
          ", r.check_in_id FROM check_in_ratings r JOIN life_areas a ON a.org_id = r.org_id AND a.id = r.life_area_id"
          " WHERE r.org_id = ? AND r.check_in_id IN (" +
          store::placeholders(out.size()) + ") ORDER BY a.position",
      ids));
  for (const auto& r : ratings) out[index[r.text(kRating.size())]].ratings.push_back(kRating.read(r));
  return out;
}

Result<std::optional<Plan>> get_plan(Conn& c, const std::string& org_id, const std::string& person_id) {
  static const std::string sql = "SELECT " + kPlan.select_list() + " FROM plans WHERE org_id = ? AND person_id = ?";
  auto row = TRY(c.query_one(sql, {org_id, person_id}));
  if (!row) return std::optional<Plan>{};
  return std::optional<Plan>{kPlan.read(*row)};
}

Result<void> insert_plan(Conn& c, const std::string& org_id, const Plan& p) {
  static const std::string sql = insert_sql("plans", kPlan, "version", "1");
  store::Params params{org_id};
  kPlan.insert_values(p, params);
  TRY(c.exec(sql, params));
  return {};
}

Result<void> update_plan(Conn& c, const std::string& org_id, const Plan& p, std::int64_t expected_version) {
  static const std::string sql =
      "UPDATE plans SET " + kPlan.assignments() + ", version = version + 1 WHERE org_id = ? AND id = ? AND version = ?";
  store::Params params;
  kPlan.update_values(p, params);
  params.insert(params.end(), {org_id, p.id, expected_version});
  auto changed = TRY(c.exec(sql, params));
  return store::check_versioned_update(c, changed, "plans", org_id, p.id, expected_version, "recovery plan");
}

Result<std::vector<Goal>> goals(Conn& c, const std::string& org_id, const std::string& person_id) {
  static const std::string goal_sql = "SELECT " + kGoal.select_list() +
                                      " FROM goals WHERE org_id = ? AND person_id = ? AND deleted_at IS NULL"
                                      " ORDER BY created_at";
  static const std::string step_sql =
      "SELECT " + kStep.select_list() + " FROM goal_steps WHERE org_id = ? AND person_id = ? ORDER BY created_at";
  // Each note, then the name of whoever wrote it.
  static const std::string note_sql = "SELECT " + kNote.select_list("n") +
                                      ", u.display_name FROM goal_notes n"
                                      " LEFT JOIN users u ON u.org_id = n.org_id AND u.id = n.written_by"
                                      " WHERE n.org_id = ? AND n.person_id = ? ORDER BY n.written_at";
  auto rows = TRY(c.query(goal_sql, {org_id, person_id}));
  std::vector<Goal> out;
  std::map<std::string, std::size_t> index;
  for (const auto& r : rows) {
    out.push_back(kGoal.read(r));
    index[out.back().id] = out.size() - 1;
  }
  if (out.empty()) return out;
  // Steps and notes for every goal at once.
  auto steps = TRY(c.query(step_sql, {org_id, person_id}));
  for (const auto& r : steps) {
    auto s = kStep.read(r);
    if (auto it = index.find(s.goal_id); it != index.end()) out[it->second].steps.push_back(std::move(s));
  }
  auto notes = TRY(c.query(note_sql, {org_id, person_id}));
  for (const auto& r : notes) {
    auto n = kNote.read(r);
    n.written_by_name = r.opt_text(kNote.size());
    if (auto it = index.find(n.goal_id); it != index.end()) out[it->second].notes.push_back(std::move(n));
  }
  return out;
}

Result<std::optional<Goal>> get_goal(Conn& c, const std::string& org_id, const std::string& goal_id) {
  static const std::string sql =
      "SELECT " + kGoal.select_list() + " FROM goals WHERE org_id = ? AND id = ? AND deleted_at IS NULL";
  auto row = TRY(c.query_one(sql, {org_id, goal_id}));
  if (!row) return std::optional<Goal>{};
  return std::optional<Goal>{kGoal.read(*row)};
}

Result<void> insert_goal(Conn& c, const std::string& org_id, const Goal& g, const std::string& by) {
  static const std::string sql = insert_sql("goals", kGoal, "updated_by, version", "?, 1");
  store::Params p{org_id};
  kGoal.insert_values(g, p);
  p.emplace_back(by);
  TRY(c.exec(sql, p));
  return {};
}

Result<void> update_goal(Conn& c, const std::string& org_id, const Goal& g, std::int64_t expected_version,
                         const std::string& by) {
  static const std::string sql = "UPDATE goals SET " + kGoal.assignments() +
                                 ", updated_by = ?, version = version + 1 WHERE org_id = ? AND id = ? AND version = ?";
  store::Params p;
  kGoal.update_values(g, p);
  p.insert(p.end(), {by, org_id, g.id, expected_version});
  auto changed = TRY(c.exec(sql, p));
  return store::check_versioned_update(c, changed, "goals", org_id, g.id, expected_version, "goal");
}

Result<std::optional<Step>> get_step(Conn& c, const std::string& org_id, const std::string& step_id) {
  static const std::string sql = "SELECT " + kStep.select_list() + " FROM goal_steps WHERE org_id = ? AND id = ?";
  auto row = TRY(c.query_one(sql, {org_id, step_id}));
  if (!row) return std::optional<Step>{};
  return std::optional<Step>{kStep.read(*row)};
}

Result<void> insert_step(Conn& c, const std::string& org_id, const std::string& person_id, const Step& s,
                         const std::string& by) {
  static const std::string sql = insert_sql("goal_steps", kStep, "person_id, updated_by, version", "?, ?, 1");
  store::Params p{org_id};
  kStep.insert_values(s, p);
  p.insert(p.end(), {person_id, by});
  TRY(c.exec(sql, p));
  return {};
}

Result<void> update_step(Conn& c, const std::string& org_id, const Step& s, std::int64_t expected_version,
                         const std::string& by) {
  static const std::string sql = "UPDATE goal_steps SET " + kStep.assignments() +
                                 ", updated_by = ?, version = version + 1 WHERE org_id = ? AND id = ? AND version = ?";
  store::Params p;
  kStep.update_values(s, p);
  p.insert(p.end(), {by, org_id, s.id, expected_version});
  auto changed = TRY(c.exec(sql, p));
  return store::check_versioned_update(c, changed, "goal_steps", org_id, s.id, expected_version, "step");
}

Result<void> insert_note(Conn& c, const std::string& org_id, const std::string& person_id, const Note& n) {
  static const std::string sql = insert_sql("goal_notes", kNote, "person_id", "?");
  store::Params p{org_id};
  kNote.insert_values(n, p);
  p.emplace_back(person_id);
  TRY(c.exec(sql, p));
  return {};
}

Result<std::vector<Achievement>> achievements(Conn& c, const std::string& org_id, const std::string& person_id) {
  static const std::string sql =
      "SELECT " + kAchievement.select_list() +
      " FROM (SELECT 'goal' AS kind, id, id AS goal_id, title, achieved_at FROM goals"
      " WHERE org_id = ? AND person_id = ? AND status = ? AND deleted_at IS NULL AND achieved_at IS NOT NULL"
      " UNION ALL SELECT 'step', id, goal_id, description, done_at FROM goal_steps"
      " WHERE org_id = ? AND person_id = ? AND status = ? AND done_at IS NOT NULL) achieved ORDER BY achieved_at DESC";
  auto rows = TRY(
      c.query(sql, {org_id, person_id, name_of(GoalStatus::achieved), org_id, person_id, name_of(StepStatus::done)}));
  std::vector<Achievement> out;
  for (const auto& r : rows) out.push_back(kAchievement.read(r));
  return out;
}

}  // namespace trellis::recovery::db
