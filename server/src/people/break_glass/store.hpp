// The SQL of break-the-glass access and its review.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "people/model.hpp"
#include "store/db.hpp"

namespace trellis::people::db {

using store::Conn;

// Break the glass
Result<void> insert_break_glass(Conn& c, const BreakGlass& b);
Result<bool> has_open_break_glass(Conn& c, const std::string& org_id, const std::string& user_id,
                                  const std::string& person_id, const std::string& now);
Result<std::vector<BreakGlass>> break_glass_to_review(Conn& c, const std::string& org_id, bool include_reviewed,
                                                      std::size_t limit);
Result<bool> review_break_glass(Conn& c, const std::string& org_id, const std::string& id, const std::string& by,
                                const std::string& at, const std::string& note);

}  // namespace trellis::people::db
