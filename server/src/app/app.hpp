// The request pipeline every request passes through, in order: limits, routing (404/405),
// session, CSRF, the access policy, the handler, then headers, gzip and one log line.
// It takes plain Request values, so tests drive it directly without a socket.
#pragma once
#include <functional>
#include <memory>

#include "api/routes.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"

namespace trellis::app {

struct Runtime;

class App final : public http::Endpoint {
 public:
  explicit App(Runtime& runtime, std::unique_ptr<http::StaticFiles> files = nullptr);
  http::Response handle(const http::Request& req) override;  // never throws
  void start_draining() override;
  const Config& config() const override;
  const api::Routes& routes() const { return routes_; }
  // Called with each answer a route gave, before headers are added: how the contract test learns
  // which operations were seen to succeed. Set once, before serving.
  using AnswerObserver = std::function<void(const api::Route&, const http::Response&)>;
  void observe_answers(AnswerObserver observer) { observer_ = std::move(observer); }

 private:
  http::Response dispatch(const http::Request& req, const std::string& request_id, TimePoint now);
  http::Response route(const http::Request& req, const api::RouteMatch& m, const std::string& request_id,
                       TimePoint now);
  http::Response answer(const http::Request& req, const api::RouteMatch& m, const std::string& request_id,
                        TimePoint now);
  http::Response with_body(api::Ctx& ctx, const api::Route& route);
  std::optional<std::string> breach(const api::Route* route, const http::Response& r) const;
  void finish(const http::Request& req, http::Response& r, const std::string& request_id) const;

  Runtime& rt_;
  api::Routes routes_;
  std::unique_ptr<http::StaticFiles> files_;
  AnswerObserver observer_;
};

}  // namespace trellis::app
