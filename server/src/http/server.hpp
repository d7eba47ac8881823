// Runs an Endpoint behind RESTinio until SIGINT or SIGTERM, then stops taking new requests, lets
// the ones in flight finish, and returns. Sockets are read and written on I/O threads (one per
// core); each request runs on a worker, and its answer may be sent later from another thread.
#pragma once
#include <functional>

#include "core/config.hpp"
#include "core/error.hpp"
#include "http/request.hpp"

namespace trellis::http {

// Sends a request's answer. Called exactly once, from any thread.
using Respond = std::function<void(Response)>;

// What the server loop calls: the application's pipeline, seen from the socket.
class Endpoint {
 public:
  virtual ~Endpoint() = default;
  // Never throws. The answer goes to `respond`, before this returns or later from another thread
  // (once what it waits on is durable); the calling thread is free either way.
  virtual void handle(Request req, Respond respond) = 0;
  virtual void start_draining() = 0;  // SIGTERM: report not ready, finish what is in flight
  // Returns once every answer handed on to wait for something has been sent: the last step of a
  // stop, so nothing held outlives the server it would be sent through.
  virtual void finish_held_answers() = 0;
  virtual const Config& config() const = 0;
};

Result<void> serve(Endpoint& app);

}  // namespace trellis::http
