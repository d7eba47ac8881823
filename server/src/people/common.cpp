#include "people/common.hpp"

#include "core/text.hpp"

namespace trellis::people {

Error person_not_found() {
  return Error::make(ErrorKind::not_found, "We could not find that person",
                     "Check the link, or search for them by name.", "not_found");
}

Result<void> check_date(const std::optional<std::string>& v, const char* field) {
  if (v && !v->empty() && !valid_date(*v))
    return fail(Error::field(ErrorKind::unprocessable, field, "must be a date like 2026-11-23"));
  return {};
}

std::string today(TimePoint now) { return to_iso(now).substr(0, 10); }

}  // namespace trellis::people
