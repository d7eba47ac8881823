// A worker's caseload (the people their care team supports) and finding anyone by name.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "access/actor.hpp"
#include "access/model.hpp"
#include "core/clock.hpp"
#include "core/pagination.hpp"
#include "people/inputs.hpp"
#include "people/model.hpp"
#include "store/db.hpp"

namespace trellis::people {

class CaseloadService {
 public:
  CaseloadService(store::Db& db, const Clock& clock) : db_(db), clock_(clock) {}

  Result<CaseloadPage> caseload(const access::Principal& who, const std::optional<std::string>& text,
                                const PageRequest& page);
  // Anyone in the organisation, with the search's own audit event, for the caller to record
  // before the names are shown.
  struct Found {
    std::vector<CaseloadEntry> people;
    access::AuditEntry search;
  };
  Result<Found> find_anyone(const access::Actor& actor, const access::Principal& who, const std::string& text);

 private:
  store::Db& db_;
  const Clock& clock_;
};

}  // namespace trellis::people
