// What the parts of the people area share: the one answer for a person not found, dates as
// the API takes them, and today's date.
#pragma once
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"

namespace trellis::people {

Error person_not_found();
// Empty or a date like 2026-11-23; otherwise an unprocessable error naming the field.
Result<void> check_date(const std::optional<std::string>& v, const char* field);
std::string today(TimePoint now);  // YYYY-MM-DD, UTC

}  // namespace trellis::people
