// The contract test's record of the run: every operation the App knows, and those seen to succeed
// (with --check-responses on, a success is one whose answer met its schema).
#pragma once
#include "app/app.hpp"

namespace trellis::test::contract {

// Records the App's operations and watches its answers.
void watch(app::App& app);

}  // namespace trellis::test::contract
