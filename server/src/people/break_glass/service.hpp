// Break-the-glass: a worker opens a record outside their caseload for a few hours, with a
// reason, audited at start and end, and reviewed by a manager.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "access/actor.hpp"
#include "access/model.hpp"
#include "core/clock.hpp"
#include "people/inputs.hpp"
#include "people/model.hpp"
#include "store/db.hpp"

namespace trellis::people {

class BreakGlassService {
 public:
  BreakGlassService(store::Db& db, const Clock& clock) : db_(db), clock_(clock) {}

  Result<BreakGlass> break_glass(const access::Actor& actor, const access::Principal& who, const std::string& person_id,
                                 const std::string& reason_code, const std::string& reason);
  Result<std::vector<BreakGlass>> break_glass_queue(const std::string& org_id, bool include_reviewed);
  Result<void> review_break_glass(const access::Actor& actor, const std::string& id, const std::string& note);

 private:
  store::Db& db_;
  const Clock& clock_;
};

}  // namespace trellis::people
