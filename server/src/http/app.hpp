// The request pipeline every request passes through, in order: limits, routing (404/405),
// session, CSRF, the access policy, the handler, then headers, gzip and one log line.
// It takes plain Request values, so tests drive it directly without a socket.
#pragma once
#include <atomic>
#include <memory>

#include "http/context.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace trellis::http {

class App {
 public:
  App(Services& services, std::unique_ptr<StaticFiles> files = nullptr);
  Response handle(const Request& req);  // never throws
  const Router& router() const { return router_; }
  Services& services() { return services_; }

 private:
  Response dispatch(const Request& req, const std::string& request_id, TimePoint now);
  Response route(const Request& req, const RouteMatch& m, const std::string& request_id, TimePoint now);
  void finish(const Request& req, Response& r, const std::string& request_id) const;

  Services& services_;
  Router router_;
  std::unique_ptr<StaticFiles> files_;
};

// Every route of every area, in one place: the shell composes what the areas declare.
void add_all_routes(Router& router);

}  // namespace trellis::http
