// Runs an Endpoint behind RESTinio on a thread pool until SIGINT or SIGTERM, then stops taking
// new requests, lets the ones in flight finish, and returns.
#pragma once
#include "core/config.hpp"
#include "core/error.hpp"
#include "http/request.hpp"

namespace trellis::http {

// What the server loop calls: the application's pipeline, seen from the socket.
class Endpoint {
 public:
  virtual ~Endpoint() = default;
  virtual Response handle(const Request& req) = 0;  // never throws
  virtual void start_draining() = 0;                // SIGTERM: report not ready, finish what is in flight
  virtual const Config& config() const = 0;
};

Result<void> serve(Endpoint& app);

}  // namespace trellis::http
