// Recovery in the person's own words: life areas and check-ins, the recovery plan, goals,
// steps and the achievements they add up to.
#pragma once
#include <cstddef>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "access/policy.hpp"
#include "core/enum_names.hpp"

namespace trellis::recovery {

struct LifeArea {
  std::string id, code, name, description;
  int position = 0;
  bool active = true;
};

struct Rating {
  std::string life_area_id;
  std::optional<int> person_rating, worker_rating;  // 1..10; the worker's view sits beside, never instead
  std::string what_matters, what_is_working, what_would_help;
};

struct CheckIn {
  std::string id, person_id, taken_at;
  std::optional<std::string> entered_by, entered_by_role, entered_by_name;
  std::string home_environment, priorities, relationships;
  std::vector<Rating> ratings;
};

// One section of the plan: the words, and whose words they are.
struct Section {
  std::string text;
  std::string written_by;  // "person" or "worker"
  std::string written_by_name;
  std::string updated_at;
};

struct SectionSpec {
  std::string_view key;
  access::Part part;  // which part of the record it belongs to, for access and consent
};
inline constexpr SectionSpec kSections[] = {
    {"hopes", access::Part::plan},
    {"strengths", access::Part::plan},
    {"whatHelps", access::Part::plan},
    {"whatDoesNotHelp", access::Part::plan},
    {"treatmentPreferences", access::Part::plan},
    {"safetyUpsets", access::Part::safety},
    {"safetyHelps", access::Part::safety},
    {"wellnessEarlySigns", access::Part::wellness_plan},
    {"wellnessWhatIDo", access::Part::wellness_plan},
    {"wellnessWhatOthersDo", access::Part::wellness_plan},
    {"wellnessContacts", access::Part::wellness_plan},
};

struct Plan {
  std::string id, person_id;
  std::map<std::string, Section> sections;
  std::optional<std::string> review_on, agreed_at;
  std::optional<std::int64_t> agreed_version;
  std::string disagreement;
  std::string created_at, updated_at;
  std::optional<std::string> updated_by;
  std::int64_t version = 0;  // 0: no plan yet
};

// Where a goal is. Nothing is ever failed: any goal can be started, achieved or set aside, and
// picked up again from any of them (the person decides; an achieved goal can be taken up anew),
// so any status may follow any other and there is no transition table to keep.
enum class GoalStatus { not_started, under_way, achieved, set_aside };
inline constexpr EnumName<GoalStatus> kGoalStatusNames[] = {{GoalStatus::not_started, "not_started"},
                                                            {GoalStatus::under_way, "under_way"},
                                                            {GoalStatus::achieved, "achieved"},
                                                            {GoalStatus::set_aside, "set_aside"}};
constexpr std::span<const EnumName<GoalStatus>> names_of(GoalStatus) { return kGoalStatusNames; }

// Where a step is: the same freedom as a goal's, with done for achieved.
enum class StepStatus { not_started, under_way, done, set_aside };
inline constexpr EnumName<StepStatus> kStepStatusNames[] = {{StepStatus::not_started, "not_started"},
                                                            {StepStatus::under_way, "under_way"},
                                                            {StepStatus::done, "done"},
                                                            {StepStatus::set_aside, "set_aside"}};
constexpr std::span<const EnumName<StepStatus>> names_of(StepStatus) { return kStepStatusNames; }

inline constexpr std::string_view kStepOwners[] = {"person", "worker", "supporter", "partner"};

struct Step {
  std::string id, goal_id, description, who, who_name;
  std::optional<std::string> due_on, done_at;
  StepStatus status = StepStatus::not_started;
  std::string created_at, updated_at;
  std::int64_t version = 1;
};

struct Note {
  std::string id, goal_id, note, written_at;
  std::optional<std::string> written_by, written_by_role, written_by_name;
};

struct Goal {
  std::string id, person_id, title, why_it_matters;
  std::vector<std::string> life_area_ids;
  GoalStatus status = GoalStatus::not_started;
  std::string written_by_role;
  std::optional<std::string> achieved_at;
  std::string created_at, updated_at;
  std::int64_t version = 1;
  std::vector<Step> steps;
  std::vector<Note> notes;
};

struct Achievement {
  std::string kind;  // "goal" or "step"
  std::string id, goal_id, title, achieved_at;
};

// What an organisation requires of an advance statement: jurisdictions differ (Victoria asks
// for an authorised witness, for example).
struct AdvanceStatementRules {
  bool witness_required = true;
  bool witness_role_required = true;  // the witness's role or authority must be recorded
  bool nominated_support_required = false;
};

// Where an advance statement is. It is never edited: a new statement replaces the current one,
// or the person revokes it, and either is where it stays (every earlier statement is kept). The
// store only ever closes the current one (db::close_current_statement), which is the whole rule.
enum class StatementStatus { current, replaced, revoked };
inline constexpr EnumName<StatementStatus> kStatementStatusNames[] = {{StatementStatus::current, "current"},
                                                                      {StatementStatus::replaced, "replaced"},
                                                                      {StatementStatus::revoked, "revoked"}};
constexpr std::span<const EnumName<StatementStatus>> names_of(StatementStatus) { return kStatementStatusNames; }

struct AdvanceStatement {
  std::string id, person_id;
  std::string treatment_preferences, what_i_do_not_want, other_wishes;
  std::string nominated_support_name, nominated_support_contact;
  std::string signed_on;
  std::string witness_name, witness_role;
  std::optional<std::string> witnessed_on;
  StatementStatus status = StatementStatus::current;
  std::optional<std::string> replaced_by, revoked_at;
  std::string revoked_reason;
  std::string recorded_at;
  std::optional<std::string> recorded_by, recorded_by_role, recorded_by_name;
};

// What the person wants their worker to know before an appointment, in their words.
struct AppointmentPrep {
  std::string id, person_id;
  std::optional<std::string> for_date;
  std::string how_things_have_been, want_to_talk_about, what_helps, want_treatment_to_help;
  std::string written_at;
  std::optional<std::string> written_by, written_by_role;
};

}  // namespace trellis::recovery
