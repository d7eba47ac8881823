// The recovery area's rules: check-ins with the person's ratings and the worker's view beside,
// one current plan per person in their own words (versioned, with authorship and agreement),
// goals and steps whose achievements are celebrated. Changes are audited with the person.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "access/actor.hpp"
#include "access/person_policy.hpp"
#include "core/clock.hpp"
#include "recovery/model.hpp"
#include "store/db.hpp"
#include "store/history.hpp"

namespace trellis::recovery {

struct CheckInInput {
  std::vector<Rating> ratings;
  std::string home_environment, priorities, relationships;
};

struct PlanInput {
  std::map<std::string, std::string> sections;  // only the sections being changed
  std::optional<std::string> review_on;
};

struct GoalInput {
  std::optional<std::string> title, why_it_matters;
  std::optional<GoalStatus> status;
  std::optional<std::vector<std::string>> life_area_ids;
};

struct StepInput {
  std::optional<std::string> description, who, who_name, due_on;
  std::optional<StepStatus> status;
};

// Who is writing: the person themselves, or a worker.
struct Author {
  std::string user_id, role, name;
  bool is_person = false;
};

class RecoveryService {
 public:
  RecoveryService(store::Db& db, const Clock& clock) : db_(db), clock_(clock) {}

  // The organisation's life areas; the default set is written the first time they are needed.
  Result<std::vector<LifeArea>> life_areas(const std::string& org_id);
  // An organisation shapes its own set: add areas, rename, reorder, or retire one (ratings stay).
  Result<LifeArea> add_life_area(const access::Actor& actor, const std::string& name, const std::string& description);
  Result<LifeArea> update_life_area(const access::Actor& actor, const std::string& id,
                                    const std::optional<std::string>& name,
                                    const std::optional<std::string>& description, const std::optional<int>& position,
                                    const std::optional<bool>& active);

  Result<std::vector<CheckIn>> check_ins(const std::string& org_id, const std::string& person_id, std::size_t limit);
  Result<CheckIn> add_check_in(const access::Actor& actor, const Author& author, const std::string& person_id,
                               const CheckInInput& in);

  // The plan as this reader may see it: safety and wellness sections only with those parts.
  Result<Plan> plan(const std::string& org_id, const std::string& person_id, const access::PersonAccess& access);
  Result<Plan> save_plan(const access::Actor& actor, const Author& author, const std::string& person_id,
                         std::optional<std::int64_t> version, const PlanInput& in);
  Result<Plan> respond_to_plan(const access::Actor& actor, const std::string& person_id, std::int64_t version,
                               bool agree, const std::string& disagreement);
  Result<std::vector<store::RecordVersion>> plan_history(const std::string& org_id, const std::string& person_id,
                                                         const access::PersonAccess& access);

  Result<std::vector<Goal>> goals(const std::string& org_id, const std::string& person_id);
  Result<Goal> add_goal(const access::Actor& actor, const Author& author, const std::string& person_id,
                        const GoalInput& in);
  Result<Goal> update_goal(const access::Actor& actor, const std::string& person_id, const std::string& goal_id,
                           std::int64_t version, const GoalInput& in);
  Result<std::vector<store::RecordVersion>> goal_history(const std::string& org_id, const std::string& person_id,
                                                         const std::string& goal_id);
  Result<Step> add_step(const access::Actor& actor, const std::string& person_id, const std::string& goal_id,
                        const StepInput& in);
  Result<Step> update_step(const access::Actor& actor, const std::string& person_id, const std::string& goal_id,
                           const std::string& step_id, std::int64_t version, const StepInput& in);
  Result<Note> add_note(const access::Actor& actor, const Author& author, const std::string& person_id,
                        const std::string& goal_id, const std::string& text);
  Result<std::vector<Achievement>> achievements(const std::string& org_id, const std::string& person_id);

  Result<AdvanceStatementRules> advance_statement_rules(const std::string& org_id);
  Result<AdvanceStatementRules> set_advance_statement_rules(const access::Actor& actor, const AdvanceStatementRules& r);
  Result<std::vector<AdvanceStatement>> advance_statements(const std::string& org_id, const std::string& person_id);
  // A new statement; the current one, if any, becomes "replaced" in the same transaction.
  Result<AdvanceStatement> make_advance_statement(const access::Actor& actor, const Author& author,
                                                  const std::string& person_id, AdvanceStatement in);
  Result<AppointmentPrep> prepare_for_appointment(const access::Actor& actor, const Author& author,
                                                  const std::string& person_id, AppointmentPrep in);
  Result<std::vector<AppointmentPrep>> appointment_preps(const std::string& org_id, const std::string& person_id);
  Result<void> revoke_advance_statement(const access::Actor& actor, const std::string& person_id,
                                        const std::string& reason);

 private:
  store::Db& db_;
  const Clock& clock_;
};

// The life areas Trellis starts an organisation with; an organisation can change them.
const std::vector<LifeArea>& default_life_areas();

}  // namespace trellis::recovery
