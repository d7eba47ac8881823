#include "recovery/json.hpp"

#include "core/json_output.hpp"

namespace trellis::recovery {
namespace {
using nlohmann::json;
}  // namespace

json to_json(const LifeArea& a) {
  return {
      {"id", a.id},        {"code", a.code}, {"name", a.name}, {"description", a.description}, {"position", a.position},
      {"active", a.active}};
}

json to_json(const CheckIn& c) {
  json ratings = json::array();
  for (const auto& r : c.ratings)
    ratings.push_back({{"lifeAreaId", r.life_area_id},
                       {"personRating", or_null(r.person_rating)},
                       {"workerRating", or_null(r.worker_rating)},
                       {"whatMatters", r.what_matters},
                       {"whatIsWorking", r.what_is_working},
                       {"whatWouldHelp", r.what_would_help}});
  return {{"id", c.id},
          {"personId", c.person_id},
          {"takenAt", c.taken_at},
          {"enteredByRole", or_null(c.entered_by_role)},
          {"enteredByName", or_null(c.entered_by_name)},
          {"homeEnvironment", c.home_environment},
          {"priorities", c.priorities},
          {"relationships", c.relationships},
          {"ratings", ratings}};
}

json to_json(const Plan& p) {
  json sections = json::object();
  for (const auto& [k, s] : p.sections)
    sections[k] = {{"text", s.text},
                   {"writtenBy", s.written_by},
                   {"writtenByName", s.written_by_name},
                   {"updatedAt", s.updated_at}};
  bool agreed = p.agreed_at && p.agreed_version && *p.agreed_version == p.version;
  return {{"id", p.id.empty() ? json(nullptr) : json(p.id)},
          {"personId", p.person_id},
          {"sections", sections},
          {"reviewOn", or_null(p.review_on)},
          {"agreedByPerson", agreed},
          {"agreedAt", agreed ? or_null(p.agreed_at) : json(nullptr)},
          {"disagreement", p.disagreement},
          {"createdAt", p.created_at},
          {"updatedAt", p.updated_at},
          {"version", p.version}};
}

json to_json(const Step& s) {
  return {{"id", s.id},
          {"goalId", s.goal_id},
          {"description", s.description},
          {"who", s.who},
          {"whoName", s.who_name},
          {"dueOn", or_null(s.due_on)},
          {"status", name_of(s.status)},
          {"doneAt", or_null(s.done_at)},
          {"updatedAt", s.updated_at},
          {"version", s.version}};
}

json to_json(const Note& n) {
  return {{"id", n.id},
          {"note", n.note},
          {"writtenAt", n.written_at},
          {"writtenByRole", or_null(n.written_by_role)},
          {"writtenByName", or_null(n.written_by_name)}};
}

json to_json(const Goal& g) {
  json steps = json::array(), notes = json::array();
  for (const auto& s : g.steps) steps.push_back(to_json(s));
  for (const auto& n : g.notes) notes.push_back(to_json(n));
  return {{"id", g.id},
          {"personId", g.person_id},
          {"title", g.title},
          {"whyItMatters", g.why_it_matters},
          {"lifeAreaIds", g.life_area_ids},
          {"status", name_of(g.status)},
          {"writtenBy", g.written_by_role},
          {"achievedAt", or_null(g.achieved_at)},
          {"createdAt", g.created_at},
          {"updatedAt", g.updated_at},
          {"version", g.version},
          {"steps", steps},
          {"notes", notes}};
}

json to_json(const Achievement& a) {
  return {{"kind", a.kind}, {"id", a.id}, {"goalId", a.goal_id}, {"title", a.title}, {"achievedAt", a.achieved_at}};
}

json to_json(const store::RecordVersion& v) {
  return {{"version", v.version},
          {"data", v.data},
          {"changedAt", v.changed_at},
          {"changedByName", or_null(v.changed_by_name)},
          {"changedByRole", or_null(v.changed_by_role)}};
}

json to_json(const AdvanceStatement& a) {
  return {{"id", a.id},
          {"personId", a.person_id},
          {"treatmentPreferences", a.treatment_preferences},
          {"whatIDoNotWant", a.what_i_do_not_want},
          {"otherWishes", a.other_wishes},
          {"nominatedSupportName", a.nominated_support_name},
          {"nominatedSupportContact", a.nominated_support_contact},
          {"signedOn", a.signed_on},
          {"witnessName", a.witness_name},
          {"witnessRole", a.witness_role},
          {"witnessedOn", or_null(a.witnessed_on)},
          {"status", name_of(a.status)},
          {"revokedAt", or_null(a.revoked_at)},
          {"revokedReason", a.revoked_reason},
          {"recordedAt", a.recorded_at},
          {"recordedByName", or_null(a.recorded_by_name)},
          {"recordedByRole", or_null(a.recorded_by_role)}};
}

json to_json(const AdvanceStatementRules& r) {
  return {{"witnessRequired", r.witness_required},
          {"witnessRoleRequired", r.witness_role_required},
          {"nominatedSupportRequired", r.nominated_support_required}};
}

json to_json(const AppointmentPrep& a) {
  return {{"id", a.id},
          {"forDate", or_null(a.for_date)},
          {"howThingsHaveBeen", a.how_things_have_been},
          {"wantToTalkAbout", a.want_to_talk_about},
          {"whatHelps", a.what_helps},
          {"wantTreatmentToHelp", a.want_treatment_to_help},
          {"writtenAt", a.written_at},
          {"writtenByRole", or_null(a.written_by_role)}};
}

}  // namespace trellis::recovery
