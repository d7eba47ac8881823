// Runs the App behind RESTinio on a thread pool until SIGINT or SIGTERM, then stops taking
// new requests, lets the ones in flight finish, and returns.
#pragma once
#include "core/error.hpp"

namespace trellis::http {
class App;
Result<void> serve(App& app);
}  // namespace trellis::http
