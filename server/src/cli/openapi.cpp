// trellis openapi: write the API's OpenAPI 3.1 document, as the server serves it, to a file or
// standard output, for linters and for the web client's generated types.
#include <filesystem>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>
#include <unistd.h>

#include "app/app.hpp"
#include "app/openapi.hpp"
#include "app/runtime.hpp"
#include "cli/commands.hpp"
#include "core/scope_exit.hpp"

namespace trellis::cli {

Command add_openapi(CLI::App& cli, Config& config) {
  auto* cmd = cli.add_subcommand("openapi", "Write the OpenAPI 3.1 document of this API and exit");
  auto out = std::make_shared<std::string>();
  cmd->add_option("--out", *out, "File to write (default: standard output)");
  return {cmd, [&config, out]() -> Result<int> {
            // The routes are registered by services built on a database, though none of them reads
            // it to describe itself: a throwaway SQLite file, never migrated, stands in for it.
            auto dir = std::filesystem::temp_directory_path() / ("trellis-openapi-" + std::to_string(::getpid()));
            std::filesystem::create_directories(dir);
            ScopeExit cleanup([&] { std::filesystem::remove_all(dir); });
            auto db = TRY(store::open_database("sqlite:" + (dir / "unused.db").string(), 1));
            SystemClock clock;
            app::Runtime runtime(*db, clock, config);
            app::App app(runtime);
            auto text = app::openapi_document(app.routes(), config.session_cookie_name()).dump(2) + "\n";
            if (out->empty()) {
              std::cout << text;
            } else {
              std::ofstream(*out, std::ios::binary) << text;
            }
            return 0;
          }};
}

}  // namespace trellis::cli
