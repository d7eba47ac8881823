#include "recovery/json.hpp"

namespace trellis::recovery {

void write_json(JsonWriter& w, const LifeArea& a) {
  w.object([&] {
    w.field("id", a.id);
    w.field("code", a.code);
    w.field("name", a.name);
    w.field("description", a.description);
    w.field("position", a.position);
    w.field("active", a.active);
  });
}

void write_json(JsonWriter& w, const Rating& r) {
  w.object([&] {
    w.field("lifeAreaId", r.life_area_id);
    w.field("personRating", r.person_rating);
    w.field("workerRating", r.worker_rating);
    w.field("whatMatters", r.what_matters);
    w.field("whatIsWorking", r.what_is_working);
    w.field("whatWouldHelp", r.what_would_help);
  });
}

void write_json(JsonWriter& w, const CheckIn& c) {
  w.object([&] {
    w.field("id", c.id);
    w.field("personId", c.person_id);
    w.field("takenAt", c.taken_at);
    w.field("enteredByRole", c.entered_by_role);
    w.field("enteredByName", c.entered_by_name);
    w.field("homeEnvironment", c.home_environment);
    w.field("priorities", c.priorities);
    w.field("relationships", c.relationships);
    w.field("ratings", c.ratings);
  });
}

void write_json(JsonWriter& w, const Plan& p) {
  bool agreed = p.agreed_at && p.agreed_version && *p.agreed_version == p.version;
  w.object([&] {
    w.key("id");
    if (p.id.empty())
      w.null();
    else
      w.value(p.id);
    w.field("personId", p.person_id);
    w.key("sections");
    w.object([&] {
      for (const auto& section : p.sections) {
        const auto& s = section.second;
        w.key(section.first);
        w.object([&] {
          w.field("text", s.text);
          w.field("writtenBy", s.written_by);
          w.field("writtenByName", s.written_by_name);
          w.field("updatedAt", s.updated_at);
        });
      }
    });
    w.field("reviewOn", p.review_on);
    w.field("agreedByPerson", agreed);
    w.field("agreedAt", agreed ? p.agreed_at : std::nullopt);
    w.field("disagreement", p.disagreement);
    w.field("createdAt", p.created_at);
    w.field("updatedAt", p.updated_at);
    w.field("version", p.version);
  });
}

void write_json(JsonWriter& w, const Step& s) {
  w.object([&] {
    w.field("id", s.id);
    w.field("goalId", s.goal_id);
    w.field("description", s.description);
    w.field("who", s.who);
    w.field("whoName", s.who_name);
    w.field("dueOn", s.due_on);
    w.field("status", name_of(s.status));
    w.field("doneAt", s.done_at);
    w.field("updatedAt", s.updated_at);
    w.field("version", s.version);
  });
}

void write_json(JsonWriter& w, const Note& n) {
  w.object([&] {
    w.field("id", n.id);
    w.field("note", n.note);
    w.field("writtenAt", n.written_at);
    w.field("writtenByRole", n.written_by_role);
    w.field("writtenByName", n.written_by_name);
  });
}

void write_json(JsonWriter& w, const Goal& g) {
  w.object([&] {
    w.field("id", g.id);
    w.field("personId", g.person_id);
    w.field("title", g.title);
    w.field("whyItMatters", g.why_it_matters);
    w.field("lifeAreaIds", g.life_area_ids);
    w.field("status", name_of(g.status));
    w.field("writtenBy", g.written_by_role);
    w.field("achievedAt", g.achieved_at);
    w.field("createdAt", g.created_at);
    w.field("updatedAt", g.updated_at);
    w.field("version", g.version);
    w.field("steps", g.steps);
    w.field("notes", g.notes);
  });
}

void write_json(JsonWriter& w, const Achievement& a) {
  w.object([&] {
    w.field("kind", a.kind);
    w.field("id", a.id);
    w.field("goalId", a.goal_id);
    w.field("title", a.title);
    w.field("achievedAt", a.achieved_at);
  });
}

void write_version(JsonWriter& w, const store::RecordVersion& v) {
  w.object([&] {
    w.field("version", v.version);
    w.key("data");
    w.json_value(v.data);
    w.field("changedAt", v.changed_at);
    w.field("changedByName", v.changed_by_name);
    w.field("changedByRole", v.changed_by_role);
  });
}

void write_json(JsonWriter& w, const AdvanceStatement& a) {
  w.object([&] {
    w.field("id", a.id);
    w.field("personId", a.person_id);
    w.field("treatmentPreferences", a.treatment_preferences);
    w.field("whatIDoNotWant", a.what_i_do_not_want);
    w.field("otherWishes", a.other_wishes);
    w.field("nominatedSupportName", a.nominated_support_name);
    w.field("nominatedSupportContact", a.nominated_support_contact);
    w.field("signedOn", a.signed_on);
    w.field("witnessName", a.witness_name);
    w.field("witnessRole", a.witness_role);
    w.field("witnessedOn", a.witnessed_on);
    w.field("status", name_of(a.status));
    w.field("revokedAt", a.revoked_at);
    w.field("revokedReason", a.revoked_reason);
    w.field("recordedAt", a.recorded_at);
    w.field("recordedByName", a.recorded_by_name);
    w.field("recordedByRole", a.recorded_by_role);
  });
}

void write_json(JsonWriter& w, const AdvanceStatementRules& r) {
  w.object([&] {
    w.field("witnessRequired", r.witness_required);
    w.field("witnessRoleRequired", r.witness_role_required);
    w.field("nominatedSupportRequired", r.nominated_support_required);
  });
}

void write_json(JsonWriter& w, const AppointmentPrep& a) {
  w.object([&] {
    w.field("id", a.id);
    w.field("forDate", a.for_date);
    w.field("howThingsHaveBeen", a.how_things_have_been);
    w.field("wantToTalkAbout", a.want_to_talk_about);
    w.field("whatHelps", a.what_helps);
    w.field("wantTreatmentToHelp", a.want_treatment_to_help);
    w.field("writtenAt", a.written_at);
    w.field("writtenByRole", a.written_by_role);
  });
}

}  // namespace trellis::recovery
