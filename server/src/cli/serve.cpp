// trellis serve: apply migrations, then serve the API and the web client until SIGTERM.
#include <spdlog/spdlog.h>

#include "app/app.hpp"
#include "app/runtime.hpp"
#include "cli/commands.hpp"
#include "cli/database.hpp"
#include "http/server.hpp"

namespace trellis::cli {

namespace {

Result<int> serve(const Config& config) {
  if (config.production && !config.tls_terminated_upstream && !config.allow_insecure_production)
    return fail(ErrorKind::bad_request, "Production mode needs HTTPS",
                "Put Trellis behind a TLS-terminating proxy and pass --behind-tls-proxy.");
  auto db = TRY(open_migrated(config, store::OpenMode::serving));
  // After the migrations, which may rightly take minutes on a large database.
  db->limit_statements(config.statement_timeout);
  SystemClock clock;
  app::Runtime runtime(*db, clock, config);
  app::App app(runtime, std::make_unique<http::StaticFiles>(config.web_root));
  spdlog::info("database {}", db->describe());
  TRY_VOID(http::serve(app));
  return 0;
}

}  // namespace

Command add_serve(CLI::App& cli, Config& config) {
  auto* serve_cmd = cli.add_subcommand("serve", "Apply migrations and serve the API and web client");
  serve_cmd->add_option("--port", config.port, "Port to listen on")->envname("TRELLIS_PORT");
  serve_cmd->add_option("--address", config.address, "Address to listen on")->envname("TRELLIS_ADDRESS");
  serve_cmd->add_option("--web-root", config.web_root, "The built web client")->envname("TRELLIS_WEB_ROOT");
  serve_cmd->add_option("--threads", config.threads, "Worker threads (0: automatic)")->envname("TRELLIS_THREADS");
  serve_cmd->add_option("--max-body-bytes", config.max_body_bytes, "Largest request body accepted");
  serve_cmd
      ->add_option_function<unsigned>(
          "--statement-timeout-ms",
          [&config](unsigned ms) { config.statement_timeout = std::chrono::milliseconds(ms); },
          "How long one database statement may run before its request is answered 503 (default 5000; 0: no limit)")
      ->check(CLI::Range(0, 3'600'000))
      ->envname("TRELLIS_STATEMENT_TIMEOUT_MS");
  serve_cmd->add_flag("--production", config.production, "Secure cookies, no demo data, TLS required")
      ->envname("TRELLIS_PRODUCTION");
  serve_cmd
      ->add_flag("--behind-tls-proxy", config.tls_terminated_upstream,
                 "A reverse proxy in front terminates HTTPS (required in production)")
      ->envname("TRELLIS_BEHIND_TLS_PROXY");
  serve_cmd->add_flag("--insecure-i-know", config.allow_insecure_production,
                      "Allow production mode without TLS (closed test networks only)");
  serve_cmd->add_flag("--check-responses", config.check_responses,
                      "Check every answer against the API's schemas; a breach becomes a 500 (for tests)");
  return {serve_cmd, [&config] { return serve(config); }};
}

}  // namespace trellis::cli
