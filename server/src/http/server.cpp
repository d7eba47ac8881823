// The only file that includes RESTinio.
#include "http/server.hpp"

#include <asio/post.hpp>
#include <asio/thread_pool.hpp>
#include <restinio/all.hpp>
#include <spdlog/spdlog.h>
#include <sys/socket.h>

#include <atomic>
#include <csignal>
#include <thread>

#include "core/ids.hpp"
#include "http/request.hpp"
#include "http/wire_check.hpp"

namespace trellis::http {
namespace {

std::string wire_answer(const Error& e);

// The limits RESTinio and every connection's WireCheck share, kept with the io_context the
// server runs on (RESTinio makes its sockets from the io_context alone).
struct WireLimitsService : asio::execution_context::service {
  using key_type = WireLimitsService;
  static inline asio::execution_context::id id;
  explicit WireLimitsService(asio::execution_context& ctx, WireLimits l = {}) : service(ctx), limits(l) {}
  void shutdown() override {}
  WireLimits limits;
};

// RESTinio's TCP socket with a WireCheck riding along. Every byte RESTinio reads passes the check
// first; when RESTinio then shuts the connection because its parser refused those bytes, the
// check's answer goes out just before, instead of a silent close.
class CheckedSocket : public asio::ip::tcp::socket {
  using Base = asio::ip::tcp::socket;

 public:
  explicit CheckedSocket(asio::io_context& io) : Base(io), check_(asio::use_service<WireLimitsService>(io).limits) {}
  CheckedSocket(CheckedSocket&&) = default;
  CheckedSocket& operator=(CheckedSocket&&) = default;

  template <typename Handler>
  auto async_read_some(const asio::mutable_buffer& buffer, Handler&& handler) {
    // The completion must run where RESTinio asked (its connection's strand).
    auto executor = asio::get_associated_executor(handler, get_executor());
    const char* data = static_cast<const char*>(buffer.data());
    return Base::async_read_some(buffer,
                                 asio::bind_executor(executor, [this, data, h = std::forward<Handler>(handler)](
                                                                   const asio::error_code& ec, std::size_t n) mutable {
                                   if (!ec) check_.feed(data, n);
                                   std::move(h)(ec, n);
                                 }));
  }

  void shutdown(shutdown_type what, asio::error_code& ec) {
    if (check_.problem() && !answered_) {
      answered_ = true;
      answer(*check_.problem());
    }
    Base::shutdown(what, ec);
  }

 private:
  // Best effort and never blocking: the answer is small and the connection is closing anyway.
  void answer(const Error& e) {
    auto bytes = wire_answer(e);
    auto fd = native_handle();
    (void)::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    // Read what the client already sent: closing with unread bytes makes the kernel reset the
    // connection, and a reset can make the client drop our answer before reading it.
    char sink[16 * 1024];
    for (std::size_t drained = 0; drained < (std::size_t{1} << 20);) {
      auto n = ::recv(fd, sink, sizeof sink, MSG_DONTWAIT);
      if (n <= 0) break;
      drained += static_cast<std::size_t>(n);
    }
  }

  WireCheck check_;
  bool answered_ = false;
};

struct Traits
    : public restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t,
                                restinio::default_request_handler_t, restinio::default_strand_t, CheckedSocket> {
  // Off: RESTinio 0.6 keeps its connection counter in the acceptor, which goes with the server,
  // while connections still queued in the io_context reach back to it when the io_context is
  // destroyed after it: a use-after-free at shutdown that AddressSanitizer caught in
  // RealServer.requests_one_after_another_on_one_connection_are_all_answered. The process's file
  // descriptor limit bounds connections instead.
  static constexpr bool use_connection_count_limiter = false;
};
using Server = restinio::http_server_t<Traits>;

const char* reason(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Content Too Large";
    case 422:
      return "Unprocessable Content";
    case 428:
      return "Precondition Required";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "Status";
  }
}

Request to_request(const restinio::request_handle_t& req, bool behind_proxy) {
  Request r;
  r.method = req->header().method().c_str();
  std::string_view target = req->header().request_target();
  auto q = target.find('?');
  auto hash = target.find('#');
  r.path = url_decode(target.substr(0, std::min(q, hash)), false);
  if (q != std::string_view::npos)
    r.query_string = std::string(target.substr(q + 1, hash == std::string_view::npos ? hash : hash - q - 1));
  req->header().for_each_field([&](const restinio::http_header_field_t& f) {
    std::string name(f.name());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers.emplace_back(std::move(name), std::string(f.value()));
  });
  r.body = req->body();
  r.client_address = req->remote_endpoint().address().to_string();
  // Behind our own TLS proxy, the peer is the proxy; the last address it appended is the client.
  if (behind_proxy) {
    if (auto xff = r.header("x-forwarded-for")) {
      auto last = xff->substr(xff->find_last_of(',') == std::string::npos ? 0 : xff->find_last_of(',') + 1);
      auto b = last.find_first_not_of(' ');
      if (b != std::string::npos) r.client_address = last.substr(b);
    }
  }
  return r;
}

// A whole HTTP response for a request the parser refused; the connection closes after it.
std::string wire_answer(const Error& e) {
  auto request_id = new_id();
  auto r = Response::problem(e, request_id);
  std::string out = "HTTP/1.1 " + std::to_string(r.status) + " " + reason(r.status) + "\r\n";
  out += "Content-Type: " + r.content_type + "\r\n";
  out += "Content-Length: " + std::to_string(r.body.size()) + "\r\n";
  out += "Connection: close\r\nX-Request-Id: " + request_id +
         "\r\nX-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\n\r\n";
  out += r.body;
  spdlog::info(R"({{"request_id":"{}","status":{},"refused":"{}"}})", request_id, r.status, e.code);
  return out;
}

// The answer as RESTinio sends it; `done()` hands it to the connection's own strand, so this may
// run on any thread.
void send_answer(const restinio::request_handle_t& req, Response resp) {
  auto out = req->create_response(restinio::http_status_line_t{
      restinio::http_status_code_t{static_cast<std::uint16_t>(resp.status)}, reason(resp.status)});
  if (!resp.content_type.empty()) out.append_header("Content-Type", resp.content_type);
  for (auto& [k, v] : resp.headers) out.append_header(k, v);
  out.set_body(std::move(resp.body));
  out.done();
}

}  // namespace

Result<void> serve(Endpoint& app) {
  const auto& config = app.config();
  std::size_t io_threads = std::max(1u, std::thread::hardware_concurrency());
  std::atomic<int> in_flight{0};
  // The workers run each request through the pipeline, so an I/O thread never waits on the
  // database; a worker hands an answer that waits on its audit event to the audit writer and
  // takes the next request (decision 0024).
  asio::thread_pool workers(config.worker_threads());

  // RESTinio's own limits are set above ours (in App, answered with a problem+json 413/431) as a
  // last line of defence. What they and its parser refuse, RESTinio closes on without a word; the
  // WireCheck on each connection answers for it (see CheckedSocket).
  WireLimits wire;
  wire.max_url_size = config.max_header_bytes * 2;
  wire.max_field_name_size = config.max_header_bytes * 2;
  wire.max_field_value_size = config.max_header_bytes * 2;
  wire.max_field_count = config.max_header_count;
  wire.max_body_size = config.max_body_bytes * 4;
  wire.max_header_bytes = config.max_header_bytes;
  auto limits = restinio::incoming_http_msg_limits_t{}
                    .max_url_size(wire.max_url_size)
                    .max_field_name_size(wire.max_field_name_size)
                    .max_field_value_size(wire.max_field_value_size)
                    .max_field_count(wire.max_field_count)
                    .max_body_size(wire.max_body_size);
  asio::io_context io;
  asio::make_service<WireLimitsService>(io, wire);

  Server server{
      restinio::external_io_context(io), [&](auto& s) {
        s.port(static_cast<std::uint16_t>(config.port))
            .address(config.address)
            .incoming_http_msg_limits(limits)
            .read_next_http_message_timelimit(config.idle_timeout)
            .handle_request_timeout(std::chrono::seconds(30))
            .request_handler([&](const restinio::request_handle_t& req) {
              ++in_flight;
              asio::post(workers, [&app, &in_flight, req, behind_proxy = config.tls_terminated_upstream] {
                auto answered = std::make_shared<std::atomic<bool>>(false);
                auto respond = [&in_flight, req, answered](Response resp) {
                  if (answered->exchange(true)) return;
                  send_answer(req, std::move(resp));
                  --in_flight;
                };
                // Nothing may end a worker: a fault of ours still answers, once.
                try {
                  app.handle(to_request(req, behind_proxy), respond);
                } catch (const std::exception& ex) {
                  spdlog::error("a request failed outside the pipeline: {}", ex.what());
                  respond(Response::problem(Error::make(ErrorKind::internal, "Something went wrong on our side",
                                                        "Nothing was changed. Please try again.", "internal"),
                                            new_id()));
                }
              });
              return restinio::request_accepted();
            });
      }};

  std::exception_ptr failure;
  asio::signal_set signals{server.io_context(), SIGINT, SIGTERM};
  asio::steady_timer drain_timer{server.io_context()};
  auto drain_started = std::chrono::steady_clock::now();
  std::function<void()> wait_for_drain = [&] {
    bool timed_out = std::chrono::steady_clock::now() - drain_started > std::chrono::seconds(20);
    if (in_flight.load() == 0 || timed_out) {
      if (timed_out) spdlog::warn("shutting down with {} requests still running", in_flight.load());
      server.close_async([&] { server.io_context().stop(); },
                         [&](std::exception_ptr ex) {
                           failure = std::move(ex);
                           server.io_context().stop();
                         });
      return;
    }
    drain_timer.expires_after(std::chrono::milliseconds(20));
    drain_timer.async_wait([&](const asio::error_code&) { wait_for_drain(); });
  };
  signals.async_wait([&](const asio::error_code& ec, int sig) {
    if (ec) return;
    spdlog::info("signal {} received: finishing requests in flight, then stopping", sig);
    app.start_draining();
    drain_started = std::chrono::steady_clock::now();
    wait_for_drain();
  });

  server.open_async(
      [&] {
        spdlog::info("Trellis is listening on http://{}:{} ({} I/O threads, {} workers)", config.address, config.port,
                     io_threads, config.worker_threads());
      },
      [&](std::exception_ptr ex) {
        failure = std::move(ex);
        server.io_context().stop();
      });

  std::vector<std::thread> pool;
  for (std::size_t i = 0; i < io_threads; ++i) pool.emplace_back([&] { server.io_context().run(); });
  for (auto& t : pool) t.join();
  workers.join();
  app.finish_held_answers();

  if (failure) {
    try {
      std::rethrow_exception(failure);
    } catch (const std::exception& ex) {
      return fail(ErrorKind::unavailable,
                  "The server could not listen on " + config.address + ":" + std::to_string(config.port), ex.what());
    }
  }
  spdlog::info("stopped");
  return {};
}

}  // namespace trellis::http
