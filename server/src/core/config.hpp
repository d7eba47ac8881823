// Server settings, from flags and TRELLIS_* environment variables (flags win).
#pragma once
#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace trellis {

struct Config {
  std::string address = "127.0.0.1";
  unsigned port = 8080;
  std::string database = "sqlite:var/trellis.db";
  std::string log_level = "info";
  std::string web_root = "web/dist";
  std::size_t threads = 0;  // request workers; 0: twice the cores, at least 4
  // Production: no demo data, Secure __Host- cookies, and TLS must be terminated in front of us.
  bool production = false;
  bool tls_terminated_upstream = false;    // --behind-tls-proxy: a proxy in front does HTTPS
  bool allow_insecure_production = false;  // --insecure-i-know: for a closed test network only
  std::size_t max_body_bytes = 1 << 20;    // 1 MiB
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_header_count = 100;  // header lines; a browser sends about 20
  std::chrono::seconds idle_timeout{60};
  // How long a request waits for a free database connection before it is answered 503: long
  // enough for a burst to pass, short enough that nobody stares at a page that never loads.
  std::chrono::milliseconds db_wait{5000};
  // How long one database statement of a request may run before it is stopped and the request
  // answered 503: a runaway query must not hold a worker while others wait. At 100,000 people
  // the slowest statement measured takes well under a second (docs/performance.md).
  std::chrono::milliseconds statement_timeout{5000};
  // --check-responses: every answer is checked against the contract its route states (status,
  // body schema, Problem for 4xx/5xx) and a breach becomes a 500 naming it. On in every test.
  bool check_responses = false;

  // The threads that run requests through the pipeline. The sockets have threads of their own
  // (one per core) and the audit writer one more, so none of these waits on a disk sync.
  std::size_t worker_threads() const;
  // One database connection per worker, one for the audit writer, one for a directory import.
  std::size_t database_connections() const { return worker_threads() + 2; }

  bool secure_cookies() const { return production; }
  std::string session_cookie_name() const { return production ? "__Host-trellis_session" : "trellis_session"; }
};

}  // namespace trellis
