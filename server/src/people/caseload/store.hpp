// The SQL of a worker's caseload and of finding anyone by name.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/pagination.hpp"
#include "people/model.hpp"
#include "store/db.hpp"

namespace trellis::people::db {

using store::Conn;

struct CaseloadRow {
  Person person;
  std::optional<std::string> review_on;  // the plan's next review
  std::optional<std::string> last_check_in;
  std::string last_change;  // the newest change to their plan, goals or details
  std::string sort_key;
};
// People whose care team includes the user or one of their teams; with `text`, filtered by name.
Result<std::vector<CaseloadRow>> caseload(Conn& c, const std::string& org_id, const std::string& user_id,
                                          const std::vector<std::string>& team_ids,
                                          const std::optional<std::string>& folded_text, const PageRequest& page);
// Anyone in the organisation by name (for finding a person to break the glass for).
Result<std::vector<Person>> search_all(Conn& c, const std::string& org_id, const std::string& folded_text,
                                       std::size_t limit);

}  // namespace trellis::people::db
