// trellis demo-data: the demo organisation (one sign-in per role), or with --scale the
// benchmark's large generated one. Refused in production mode.
#include <chrono>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/database.hpp"
#include "demo/demo_data.hpp"
#include "demo/demo_directory.hpp"
#include "demo/demo_scale.hpp"

namespace trellis::cli {

namespace {

struct Options {
  std::string password = demo::kDefaultPassword;
  bool set_password = false;  // --password given: (re)set every demo sign-in's password
  std::size_t services = demo::kDefaultDemoServices;
  CLI::Option* services_option = nullptr;
  std::size_t scale_people = 0;
  demo::ScaleOptions scale;
};

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

Result<int> load_scale(const Config& config, Options& o) {
  if (config.production) return fail(ErrorKind::forbidden, "Demo data is not loaded in production mode");
  auto db = TRY(open_migrated(config));
  o.scale.people = o.scale_people;
  if (o.services_option->count() > 0) o.scale.services = o.services;
  auto started = std::chrono::steady_clock::now();
  std::string last_stage;
  // One line per stage, rewritten in place: a 100,000-person run takes minutes.
  auto show = [&](std::string_view stage, std::size_t done, std::size_t total) {
    if (stage != last_stage && !last_stage.empty()) std::cerr << "\n";
    last_stage = std::string(stage);
    std::cerr << "\r" << stage << ": " << done << " of " << total << " (" << (total ? done * 100 / total : 100)
              << "%), " << static_cast<int>(seconds_since(started)) << " s" << std::flush;
  };
  SystemClock clock;
  auto loaded = demo::load_scale_data(*db, clock, o.password, o.scale, show);
  std::cerr << "\n";
  TRY_VOID(loaded);
  std::cout << "Generated " << o.scale.people << " people, " << o.scale.staff << " staff and " << o.scale.services
            << " services in " << static_cast<int>(seconds_since(started)) << " s (seed " << o.scale.seed << ").\n";
  return 0;
}

Result<int> load_demo(const Config& config, const Options& o) {
  auto db = TRY(open_migrated(config));
  SystemClock clock;
  auto r = TRY(demo::load_demo_data(*db, clock, o.password, o.set_password, config.production, true, o.services));
  std::cout << (r.created ? "Created the demo organisation." : "The demo organisation is already there.")
            << (r.password_set && !r.created ? " Demo passwords set." : "") << "\n";
  return 0;
}

}  // namespace

Command add_demo_data(CLI::App& cli, Config& config) {
  auto o = std::make_shared<Options>();
  auto* cmd = cli.add_subcommand("demo-data", "Create the demo organisation (refused in production)");
  cmd->add_option("--password", o->password, "Password for every demo sign-in")->each([o](const std::string&) {
    o->set_password = true;
  });
  o->services_option =
      cmd->add_option("--services", o->services, "How many services to put in the demo's service directory");
  cmd->add_option("--scale", o->scale_people,
                  "Generate the benchmark's organisation instead: this many people (100000 is the benchmark's)");
  cmd->add_option("--staff", o->scale.staff, "With --scale: practitioners and peer workers (default 2000)");
  cmd->add_option("--seed", o->scale.seed, "With --scale: the seed; the same seed gives the same organisation");
  cmd->add_flag("--production", config.production, "")->envname("TRELLIS_PRODUCTION")->group("");
  return {cmd, [&config, o] { return o->scale_people > 0 ? load_scale(config, *o) : load_demo(config, *o); }};
}

}  // namespace trellis::cli
