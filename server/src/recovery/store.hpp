// The recovery area's SQL: store.cpp, and store_statements.cpp for advance statements and
// appointment preparation.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "recovery/model.hpp"
#include "store/db.hpp"

namespace trellis::recovery::db {

using store::Conn;

Result<std::vector<LifeArea>> life_areas(Conn& c, const std::string& org_id);
Result<void> insert_life_area(Conn& c, const std::string& org_id, const LifeArea& a);
Result<bool> update_life_area(Conn& c, const std::string& org_id, const LifeArea& a);

Result<void> insert_check_in(Conn& c, const std::string& org_id, const CheckIn& ci);
// Newest first, with their ratings (two queries, not one per check-in).
Result<std::vector<CheckIn>> check_ins(Conn& c, const std::string& org_id, const std::string& person_id,
                                       std::size_t limit);

Result<std::optional<Plan>> get_plan(Conn& c, const std::string& org_id, const std::string& person_id);
Result<void> insert_plan(Conn& c, const std::string& org_id, const Plan& p);
Result<void> update_plan(Conn& c, const std::string& org_id, const Plan& p, std::int64_t expected_version);

Result<std::vector<Goal>> goals(Conn& c, const std::string& org_id, const std::string& person_id);
Result<std::optional<Goal>> get_goal(Conn& c, const std::string& org_id, const std::string& goal_id);
Result<void> insert_goal(Conn& c, const std::string& org_id, const Goal& g, const std::string& by);
Result<void> update_goal(Conn& c, const std::string& org_id, const Goal& g, std::int64_t expected_version,
                         const std::string& by);
Result<std::optional<Step>> get_step(Conn& c, const std::string& org_id, const std::string& step_id);
Result<void> insert_step(Conn& c, const std::string& org_id, const std::string& person_id, const Step& s,
                         const std::string& by);
Result<void> update_step(Conn& c, const std::string& org_id, const Step& s, std::int64_t expected_version,
                         const std::string& by);
Result<void> insert_note(Conn& c, const std::string& org_id, const std::string& person_id, const Note& n);
Result<std::vector<Achievement>> achievements(Conn& c, const std::string& org_id, const std::string& person_id);

Result<AdvanceStatementRules> advance_statement_rules(Conn& c, const std::string& org_id);
Result<void> set_advance_statement_rules(Conn& c, const std::string& org_id, const AdvanceStatementRules& r);
// Newest first.
Result<std::vector<AdvanceStatement>> advance_statements(Conn& c, const std::string& org_id,
                                                         const std::string& person_id);
Result<void> insert_advance_statement(Conn& c, const std::string& org_id, const AdvanceStatement& a);
// Moves the current statement (if any) to replaced or revoked; returns how many changed.
Result<std::int64_t> close_current_statement(Conn& c, const std::string& org_id, const std::string& person_id,
                                             StatementStatus to, const std::optional<std::string>& replaced_by,
                                             const std::string& at, const std::string& reason);

Result<void> insert_appointment_prep(Conn& c, const std::string& org_id, const AppointmentPrep& a);
Result<std::vector<AppointmentPrep>> appointment_preps(Conn& c, const std::string& org_id, const std::string& person_id,
                                                       std::size_t limit);

}  // namespace trellis::recovery::db
