// The SQL of shared care plans and case conferences.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "partnerships/shared_care/model.hpp"
#include "store/db.hpp"

namespace trellis::partnerships::db {

using store::Conn;

Result<std::vector<SharedCarePlan>> shared_care(Conn& c, const std::string& org_id, const std::string& person_id);
Result<std::optional<SharedCarePlan>> shared_care_plan(Conn& c, const std::string& org_id, const std::string& id);
Result<void> insert_shared_care(Conn& c, const std::string& org_id, const SharedCarePlan& p, const std::string& by);
Result<void> update_shared_care(Conn& c, const std::string& org_id, const SharedCarePlan& p,
                                std::int64_t expected_version, const std::string& by);
Result<std::vector<CaseConference>> case_conferences(Conn& c, const std::string& org_id, const std::string& person_id);
Result<void> insert_case_conference(Conn& c, const std::string& org_id, const CaseConference& k, const std::string& by);

}  // namespace trellis::partnerships::db
