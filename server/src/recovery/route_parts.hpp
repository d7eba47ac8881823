// What the recovery area's route files share: who is writing, the rule for free text, and the
// routes each file registers (add_routes, in routes.cpp, registers them all).
#pragma once
#include <cstddef>

#include "core/json_input.hpp"
#include "recovery/service.hpp"

namespace trellis::api {
class Routes;
struct Ctx;
}  // namespace trellis::api

namespace trellis::recovery {

// The signed-in user writing, and whether they are the person themselves.
Author author(const api::Ctx& ctx);
// Words in the person's own voice: several lines, up to `max` characters.
inline TextRule words(std::size_t max = 2000) { return {.max = max, .multiline = true}; }

void add_plan_routes(api::Routes& r, RecoveryService& svc);       // routes_plan.cpp
void add_statement_routes(api::Routes& r, RecoveryService& svc);  // routes_statements.cpp

}  // namespace trellis::recovery
