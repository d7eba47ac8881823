// The request pipeline every request passes through, in order: limits, routing (404/405),
// session, CSRF, the access policy, the handler, then headers, gzip and one log line.
// It takes plain Request values, so tests drive it directly without a socket.
#pragma once
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

#include "access/audit.hpp"
#include "api/routes.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"

namespace trellis::app {

struct Runtime;

class App final : public http::Endpoint {
 public:
  explicit App(Runtime& runtime, std::unique_ptr<http::StaticFiles> files = nullptr);
  // A read of a person's record, or a refusal, is answered once its audit event is durable, and a
  // change once the sync that makes it durable is done (decisions 0024, 0025): the answer then
  // goes from the audit writer's thread, and this one is free at once.
  void handle(http::Request req, http::Respond respond) override;
  // The same, waiting here for the answer: for tests and callers with nothing else to do.
  http::Response handle_and_wait(http::Request req);
  void start_draining() override;
  void finish_held_answers() override;
  const Config& config() const override;
  const api::Routes& routes() const { return routes_; }
  // Called with each answer a route gave, before headers are added: how the contract test learns
  // which operations were seen to succeed. Set once, before serving.
  using AnswerObserver = std::function<void(const api::Route&, const http::Response&)>;
  void observe_answers(AnswerObserver observer) { observer_ = std::move(observer); }

 private:
  // The audit events an answer waits on, if any. A read's answer is shown only once its events
  // are committed; a refusal goes out as a refusal whatever happens to its event.
  struct Audit {
    std::vector<access::AuditEntry> entries;
    bool shown_only_if_recorded = false;
  };
  using Started = std::chrono::steady_clock::time_point;

  http::Response run(const http::Request& req, const std::string& request_id, TimePoint now, Audit& audit);
  http::Response dispatch(const http::Request& req, const std::string& request_id, TimePoint now, Audit& audit);
  http::Response route(const http::Request& req, const api::RouteMatch& m, const std::string& request_id, TimePoint now,
                       Audit& audit);
  http::Response answer(const http::Request& req, const api::RouteMatch& m, const std::string& request_id,
                        TimePoint now, Audit& audit);
  http::Response with_body(api::Ctx& ctx, const api::Route& route);
  http::Response with_body_and_reads(api::Ctx& ctx, const api::Route& route, Audit& audit);
  std::optional<std::string> breach(const api::Route* route, const http::Response& r) const;
  void finish(const http::Request& req, http::Response& r, const std::string& request_id) const;
  void log(const http::Request& req, const http::Response& r, const std::string& request_id, Started started) const;

  Runtime& rt_;
  api::Routes routes_;
  std::unique_ptr<http::StaticFiles> files_;
  AnswerObserver observer_;
};

}  // namespace trellis::app
