// The only file that includes RESTinio.
#include "http/server.hpp"

#include <restinio/all.hpp>
#include <spdlog/spdlog.h>

#include <atomic>
#include <csignal>
#include <thread>

#include "http/app.hpp"
#include "http/request.hpp"

namespace trellis::http {
namespace {

struct Traits : public restinio::default_traits_t {
  static constexpr bool use_connection_count_limiter = true;
};
using Server = restinio::http_server_t<Traits>;

const char* reason(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 422: return "Unprocessable Content";
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
  }
}

Request to_request(const restinio::request_handle_t& req, bool behind_proxy) {
  Request r;
  r.method = req->header().method().c_str();
  std::string_view target = req->header().request_target();
  auto q = target.find('?');
  auto hash = target.find('#');
  r.path = url_decode(target.substr(0, std::min(q, hash)), false);
  if (q != std::string_view::npos) r.query_string = std::string(target.substr(q + 1, hash == std::string_view::npos ? hash : hash - q - 1));
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

}  // namespace

Result<void> serve(App& app) {
  const auto& config = app.services().config;
  std::size_t threads = config.threads ? config.threads : std::max<std::size_t>(4, 2 * std::thread::hardware_concurrency());
  std::atomic<int> in_flight{0};

  // RESTinio's own limits drop the connection without an answer; ours (in App) answer with a
  // problem+json 413/431, so RESTinio's are set above them as a last line of defence.
  auto limits = restinio::incoming_http_msg_limits_t{}
                    .max_url_size(config.max_header_bytes * 2)
                    .max_field_name_size(config.max_header_bytes * 2)
                    .max_field_value_size(config.max_header_bytes * 2)
                    .max_field_count(200)
                    .max_body_size(config.max_body_bytes * 4);

  Server server{restinio::own_io_context(), [&](auto& s) {
                  s.port(static_cast<std::uint16_t>(config.port))
                      .address(config.address)
                      .incoming_http_msg_limits(limits)
                      .read_next_http_message_timelimit(config.idle_timeout)
                      .handle_request_timeout(std::chrono::seconds(30))
                      .max_parallel_connections(4096)
                      .request_handler([&](restinio::request_handle_t req) {
                        ++in_flight;
                        auto resp = app.handle(to_request(req, config.tls_terminated_upstream));
                        auto out = req->create_response(
                            restinio::http_status_line_t{restinio::http_status_code_t{static_cast<std::uint16_t>(resp.status)},
                                                         reason(resp.status)});
                        if (!resp.content_type.empty()) out.append_header("Content-Type", resp.content_type);
                        for (auto& [k, v] : resp.headers) out.append_header(k, v);
                        out.set_body(std::move(resp.body));
                        out.done();
                        --in_flight;
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
      server.close_async([&] { server.io_context().stop(); }, [&](std::exception_ptr ex) {
        failure = ex;
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
    app.services().draining = true;
    drain_started = std::chrono::steady_clock::now();
    wait_for_drain();
  });

  server.open_async(
      [&] { spdlog::info("Trellis is listening on http://{}:{} ({} threads)", config.address, config.port, threads); },
      [&](std::exception_ptr ex) {
        failure = ex;
        server.io_context().stop();
      });

  std::vector<std::thread> pool;
  for (std::size_t i = 0; i < threads; ++i) pool.emplace_back([&] { server.io_context().run(); });
  for (auto& t : pool) t.join();

  if (failure) {
    try {
      std::rethrow_exception(failure);
    } catch (const std::exception& ex) {
      return fail(ErrorKind::unavailable, "The server could not listen on " + config.address + ":" +
                                              std::to_string(config.port),
                  ex.what());
    }
  }
  spdlog::info("stopped");
  return {};
}

}  // namespace trellis::http
