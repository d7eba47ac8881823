#include "app/app.hpp"

#include <spdlog/spdlog.h>

#include <future>

#include "api/ctx.hpp"
#include "app/areas.hpp"
#include "app/runtime.hpp"
#include "app/system_routes.hpp"
#include "core/ids.hpp"
#include "core/json_input.hpp"
#include "core/schema.hpp"
#include "http/gzip.hpp"

namespace trellis::app {
namespace {

using http::Request;
using http::Response;

bool is_unsafe(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

std::string request_id_for(const Request& req) {
  if (auto h = req.header("x-request-id"); h && h->size() >= 8 && h->size() <= 64) {
    bool ok = true;
    for (char c : *h) ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_');
    if (ok) return *h;
  }
  return new_id();
}

std::size_t header_bytes(const Request& req) {
  std::size_t n = req.path.size() + req.query_string.size();
  for (const auto& [k, v] : req.headers) n += k.size() + v.size() + 4;
  return n;
}

// A cross-site form cannot set a custom header, and a page on another origin cannot read the
// token, so a matching X-CSRF-Token proves the request came from our own client.
bool same_origin(const Request& req) {
  auto origin = req.header("origin");
  if (!origin) return true;
  auto host = req.header("host");
  if (!host) return false;
  auto pos = origin->find("://");
  return pos != std::string::npos && origin->substr(pos + 3) == *host;
}

// Whether a Content-Type ("application/pdf; q") falls in a media range ("*/*", "image/*",
// "text/csv").
bool media_in_range(const std::string& type, const std::string& range) {
  if (range == "*/*") return !type.empty();
  if (range.ends_with("/*")) return type.starts_with(range.substr(0, range.size() - 1));
  return type.starts_with(range);
}

// A refusal, recorded: a pattern of them is worth a manager's look.
access::AuditEntry refusal(const api::Ctx& ctx, const api::Route& route, std::optional<std::string> person_id) {
  auto e = ctx.actor().entry("access.denied", "route", route.method + " " + route.pattern);
  e.outcome = "denied";
  e.person_id = std::move(person_id);
  return e;
}

// A breach of the contract, found with --check-responses: a fault of ours, loud in the log.
Response contract_breach(const Request& req, const std::string& what, const std::string& request_id) {
  spdlog::error("request_id={} contract breach: {} {}: {}", request_id, req.method, req.path, what);
  return Response::problem(
      Error::make(ErrorKind::internal, "The answer broke the API's contract", what, "contract_breach"), request_id);
}

}  // namespace

App::App(Runtime& runtime, std::unique_ptr<http::StaticFiles> files) : rt_(runtime), files_(std::move(files)) {
  add_system_routes(routes_, rt_);
  add_area_routes(routes_, rt_);
  // A route whose contract names a schema nobody defined would answer 500s; refuse to start.
  const auto& schemas = Schemas::embedded();
  for (const auto& r : routes_.routes())
    for (const auto* name : {&r.doc.request, &r.doc.response})
      if (!name->empty() && !schemas.has(*name))
        throw std::runtime_error(r.method + " " + r.pattern + " names the schema " + *name +
                                 ", which no file under server/schemas defines");
}

void App::start_draining() { rt_.draining = true; }
void App::finish_held_answers() {
  if (auto moved = rt_.audit_reads.flush(); !moved)
    spdlog::error("audit events wait in the journal for the next start: {}", moved.error().detail);
}
const Config& App::config() const { return rt_.config; }

void App::handle(Request req, http::Respond respond) {
  auto started = std::chrono::steady_clock::now();
  auto request_id = request_id_for(req);
  auto now = rt_.clock.now();
  Audit audit;
  auto writes_before = store::Db::writes_committed_on_this_thread();
  auto r = run(req, request_id, now, audit);
  finish(req, r, request_id);
  // Where commits share their syncs (decision 0025), an answer to anything this request committed
  // waits for the sync that makes it durable: a change, or the audit events a service wrote for
  // what a read shows (the partner inbox, a search). A refusal may have committed too (a failed
  // sign-in counts the attempt and records it) and waits as well, but goes out as a refusal
  // whatever the sync does; an answer that reports a change or shows what was audited is replaced
  // when the sync fails.
  bool committed = store::Db::writes_committed_on_this_thread() != writes_before;
  bool waits_for_sync = committed && r.status < 500 && rt_.db.commits_wait_for_sync_committed();
  bool shows_what_committed = waits_for_sync && r.status < 400;
  if (audit.entries.empty() && !waits_for_sync) {
    log(req, r, request_id, started);
    respond(std::move(r));
    return;
  }
  // The answer waits, finished, with the audit writer; this thread goes back to other requests.
  struct Held {
    Request req;
    Response r;
    std::string request_id;
    Started started;
    bool shown_only_if_durable;
    http::Respond respond;
  };
  auto held = std::make_shared<Held>(Held{std::move(req), std::move(r), std::move(request_id), started,
                                          audit.shown_only_if_recorded || shows_what_committed, std::move(respond)});
  auto release = [this, held](Result<void> durable) {
    // What cannot be audited is not shown; what may not outlast a power cut is not reported saved.
    if (!durable && held->shown_only_if_durable) {
      // A read that only committed in passing (a session's idle timer) changed nothing the
      // person asked for: it is told what a read is told, not that a change was lost.
      bool read = !is_unsafe(held->req.method);
      auto error = read && durable.error().code == "sync_failed" ? access::audit_failed() : durable.error();
      held->r = Response::problem(error, held->request_id);
      finish(held->req, held->r, held->request_id);
    }
    log(held->req, held->r, held->request_id, held->started);
    held->respond(std::move(held->r));
  };
  if (!audit.entries.empty())
    rt_.audit_reads.submit(std::move(audit.entries), now, std::move(release));
  else
    rt_.audit_reads.after_sync(std::move(release));
}

Response App::handle_and_wait(Request req) {
  std::promise<Response> answered;
  auto answer = answered.get_future();
  handle(std::move(req), [&answered](Response r) { answered.set_value(std::move(r)); });
  return answer.get();
}

// The pipeline, up to the answer's headers: a fault of ours becomes a 500 that shows nothing.
Response App::run(const Request& req, const std::string& request_id, TimePoint now, Audit& audit) {
  Response r;
  try {
    r = dispatch(req, request_id, now, audit);
  } catch (const std::exception& ex) {
    // A fault of ours: logged in full, answered without detail.
    spdlog::error("request_id={} unhandled error: {}", request_id, ex.what());
    audit = {};
    r = Response::problem(Error::make(ErrorKind::internal, "Something went wrong on our side",
                                      "Nothing was changed. Please try again; if it keeps happening, tell your "
                                      "administrator and quote the request id.",
                                      "internal"),
                          request_id);
  }
  if (rt_.config.check_responses && r.status >= 400) {
    if (auto wrong = breach(nullptr, r)) r = contract_breach(req, *wrong, request_id);
  }
  return r;
}

void App::log(const Request& req, const Response& r, const std::string& request_id, Started started) const {
  auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  if (r.status >= 500)
    spdlog::error(R"({{"request_id":"{}","method":"{}","path":"{}","status":{},"ms":{:.2f}}})", request_id, req.method,
                  req.path, r.status, ms);
  else
    spdlog::info(R"({{"request_id":"{}","method":"{}","path":"{}","status":{},"ms":{:.2f}}})", request_id, req.method,
                 req.path, r.status, ms);
}

Response App::dispatch(const Request& req, const std::string& request_id, TimePoint now, Audit& audit) {
  const auto& config = rt_.config;
  if (header_bytes(req) > config.max_header_bytes)
    return Response::problem(Error::make(ErrorKind::headers_too_large, "The request headers are too large",
                                         "Send at most " + std::to_string(config.max_header_bytes / 1024) +
                                             " KiB of headers; clearing this site's cookies may help.",
                                         "headers_too_large"),
                             request_id);
  if (req.body.size() > config.max_body_bytes)
    return Response::problem(
        Error::make(ErrorKind::payload_too_large, "The request body is too large",
                    "Send at most " + std::to_string(config.max_body_bytes / 1024) + " KiB.", "payload_too_large"),
        request_id);

  auto m = routes_.match(req.method, req.path);
  if (m.route) return route(req, m, request_id, now, audit);
  if (!m.allowed_methods.empty()) {
    std::string allow;
    for (const auto& a : m.allowed_methods) allow += (allow.empty() ? "" : ", ") + a;
    auto r = Response::problem(Error::make(ErrorKind::method_not_allowed, "That method is not allowed here",
                                           "This address accepts: " + allow + ".", "method_not_allowed"),
                               request_id);
    r.header("Allow", allow);
    return r;
  }
  if (!req.path.starts_with("/api/") && (req.method == "GET" || req.method == "HEAD") && files_) {
    if (auto r = files_->serve(req)) return *r;
  }
  return Response::problem(
      Error::make(ErrorKind::not_found, "There is nothing at this address",
                  "Check the address; the API's routes are listed at /api/v1/openapi.json.", "not_found"),
      request_id);
}

Response App::route(const Request& req, const api::RouteMatch& m, const std::string& request_id, TimePoint now,
                    Audit& audit) {
  auto r = answer(req, m, request_id, now, audit);
  if (rt_.config.check_responses && r.status < 400) {
    if (auto wrong = breach(m.route, r)) r = contract_breach(req, *wrong, request_id);
  }
  if (observer_) observer_(*m.route, r);
  return r;
}

// The request body, parsed once and checked against the route's schema, then the handler.
Response App::with_body(api::Ctx& ctx, const api::Route& route) {
  if (route.doc.request.empty()) return route.handler(ctx);
  const auto& schemas = Schemas::embedded();
  // No body at all is no fields: the schema says whether that will do (a withdrawal's note is
  // optional). A list is refused unless the schema takes one (an HSDS file of records).
  auto parsed = is_blank_body(ctx.req.body)                          ? Result<nlohmann::json>(nlohmann::json::object())
                : schemas.takes_more_than_objects(route.doc.request) ? parse_json_value(ctx.req.body)
                                                                     : parse_json_body(ctx.req.body);
  if (!parsed) return ctx.problem(parsed.error());
  auto wrong = schemas.check(route.doc.request, *parsed);
  if (!wrong.empty()) return ctx.problem(invalid_fields(std::move(wrong)));
  ctx.body = &*parsed;
  return route.handler(ctx);
}

// How an answer breaks its route's contract, if it does: the status, the media type, the body's
// schema; a problem is checked against Problem whatever route gave it.
std::optional<std::string> App::breach(const api::Route* route, const Response& r) const {
  const auto& schemas = Schemas::embedded();
  auto fields_text = [](const std::vector<FieldError>& fields) {
    std::string out;
    for (const auto& f : fields)
      out += (out.empty() ? "" : "; ") + (f.field.empty() ? "the body" : f.field) + " " + f.message;
    return out;
  };
  if (r.status >= 400) {
    if (r.content_type != "application/problem+json")
      return "a " + std::to_string(r.status) + " answer is not problem+json";
    auto body = nlohmann::json::parse(r.body, nullptr, false);
    auto wrong = schemas.check("Problem", body);
    if (!wrong.empty()) return "the problem does not match Problem: " + fields_text(wrong);
    return std::nullopt;
  }
  const auto& doc = route->doc;
  auto where = route->method + " " + route->pattern + " ";
  if (r.status != doc.status)
    return where + "answered " + std::to_string(r.status) + "; its contract says " + std::to_string(doc.status);
  if (!doc.media.empty())
    return media_in_range(r.content_type, doc.media)
               ? std::nullopt
               : std::optional(where + "answered " + r.content_type + ", not " + doc.media);
  if (doc.response.empty())
    return r.body.empty() ? std::nullopt : std::optional(where + "answered a body its contract does not have");
  if (!r.content_type.starts_with("application/json")) return where + "answered " + r.content_type + ", not JSON";
  auto body = nlohmann::json::parse(r.body, nullptr, false);
  auto wrong = schemas.check(doc.response, body);
  if (!wrong.empty()) return where + "answered a body that does not match " + doc.response + ": " + fields_text(wrong);
  return std::nullopt;
}

Response App::answer(const Request& req, const api::RouteMatch& m, const std::string& request_id, TimePoint now,
                     Audit& audit) {
  const auto& rule = m.route->rule;
  std::optional<access::Principal> who;
  if (rule.kind != access::Rule::Kind::anyone) {
    if (auto token = req.cookie(rt_.config.session_cookie_name())) {
      auto p = rt_.access.authenticate(*token);
      if (p)
        who = std::move(*p);
      else if (p.error().kind != ErrorKind::unauthenticated)
        return Response::problem(p.error(), request_id);
    }
  }
  api::Ctx ctx{req, m.params, request_id, now, who ? &*who : nullptr, nullptr, nullptr, {}};

  if (is_unsafe(req.method)) {
    if (rule.kind == access::Rule::Kind::anyone) {
      if (!same_origin(req))
        return ctx.problem(Error::make(ErrorKind::forbidden, "This request came from another site",
                                       "Open Trellis at its own address and try again.", "cross_origin"));
    } else if (who) {
      auto sent = req.header("x-csrf-token");
      if (!sent || !constant_time_equal(*sent, who->session.csrf_token))
        return ctx.problem(Error::make(ErrorKind::forbidden, "This request is missing its security token",
                                       "Reload the page and try again. Scripts must send the csrfToken from sign-in "
                                       "as the X-CSRF-Token header.",
                                       "csrf_token_invalid"));
    }
  }

  switch (access::decide(rule, ctx.who, now)) {
    case access::Decision::allow:
      break;
    case access::Decision::unauthenticated:
      return ctx.problem(Error::make(ErrorKind::unauthenticated, "Please sign in",
                                     "Your session has ended or you are not signed in.", "not_signed_in"));
    case access::Decision::reauth_required:
      return ctx.problem(Error::make(ErrorKind::forbidden, "Please confirm your password",
                                     "This change needs your password again. Confirm it, then try once more.",
                                     "reauthentication_required"));
    case access::Decision::two_step_setup_required:
      return ctx.problem(Error::make(ErrorKind::forbidden, "Please set up two-step sign-in first",
                                     "Your organisation asks administrators and managers to confirm each sign-in "
                                     "with a code from an authenticator app. Set it up on your account page.",
                                     "two_step_setup_required"));
    case access::Decision::forbidden: {
      audit.entries.push_back(refusal(ctx, *m.route, std::nullopt));
      return ctx.problem(Error::make(ErrorKind::forbidden, "Your role does not include this",
                                     "Ask your administrator if you need it for your work.", "forbidden"));
    }
  }
  if (rule.kind != access::Rule::Kind::person) return with_body_and_reads(ctx, *m.route, audit);

  // A person's record: the person policy decides for this person and part, and every read is
  // audited here, once, with whose information it was (writes are audited by their services,
  // inside the change's own transaction).
  const auto& person_id = m.params.at("id");
  auto allowed = rt_.person_policy().authorize(*ctx.who, person_id, rule.part, rule.write, now);
  if (!allowed) {
    if (allowed.error().kind == ErrorKind::forbidden) audit.entries.push_back(refusal(ctx, *m.route, person_id));
    return ctx.problem(allowed.error());
  }
  ctx.person = &*allowed;
  auto response = with_body_and_reads(ctx, *m.route, audit);
  if (!rule.write && response.status < 300) {
    auto e = ctx.actor().entry("person.read", std::string(access::part_name(rule.part)), person_id);
    e.person_id = person_id;
    e.detail = m.route->pattern + " via " + std::string(access::basis_name(allowed->basis));
    audit.entries.push_back(std::move(e));
    audit.shown_only_if_recorded = true;
  }
  return response;
}

// The handler's answer, with the reads of people it says it showed: recorded before it goes.
Response App::with_body_and_reads(api::Ctx& ctx, const api::Route& route, Audit& audit) {
  auto response = with_body(ctx, route);
  if (response.status < 300 && !ctx.reads_shown.empty()) {
    for (auto& e : ctx.reads_shown) audit.entries.push_back(std::move(e));
    audit.shown_only_if_recorded = true;
  }
  return response;
}

void App::finish(const Request& req, Response& r, const std::string& request_id) const {
  r.header("X-Request-Id", request_id);
  r.header("X-Content-Type-Options", "nosniff");
  r.header("Referrer-Policy", "no-referrer");
  r.header("X-Frame-Options", "DENY");
  if (rt_.config.production) r.header("Strict-Transport-Security", "max-age=31536000");
  if (r.content_type.starts_with("text/html"))
    r.header("Content-Security-Policy",
             "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
             "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
  if (!r.find_header("Cache-Control")) r.header("Cache-Control", "no-store");
  if (!r.find_header("Content-Encoding") && r.body.size() > 1024 && http::accepts_gzip(req.header("accept-encoding"))) {
    if (auto gz = http::gzip_compress(r.body, 5)) {
      r.body = std::move(*gz);
      r.header("Content-Encoding", "gzip");
      r.header("Vary", "Accept-Encoding");
    }
  }
  if (req.method == "HEAD") r.body.clear();
}

}  // namespace trellis::app
