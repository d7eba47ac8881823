// The single place demo data comes from: a realistic demo organisation with one sign-in per
// role. Later areas add their own parts here. Never loaded in production mode.
#pragma once
#include <string>

#include "core/clock.hpp"
#include "store/db.hpp"

namespace trellis::demo {

inline constexpr const char* kDefaultPassword = "wattle-river-lantern-morning";

struct DemoResult {
  bool created = false;  // false when the demo organisation was already there
  bool password_set = false;
};

// Creates the demo organisation when absent; with set_password, (re)sets every demo sign-in's
// password to `password`.
// Refused in production mode: demo accounts with a published password must never exist there.
// Without people, only the organisation and its sign-ins (tests build their own people).
// `directory_services` generated services go into its service directory.
Result<DemoResult> load_demo_data(store::Db& db, const Clock& clock, const std::string& password, bool set_password,
                                  bool production, bool with_people = true, std::size_t directory_services = 0);

}  // namespace trellis::demo
