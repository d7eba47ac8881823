// The trellis command: serve, migrate, demo-data, create-admin, audit verify, backup, restore.
#include <chrono>
#include <CLI/CLI.hpp>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "access/audit.hpp"
#include "access/passwords.hpp"
#include "access/service.hpp"
#include "access/store.hpp"
#include "core/ids.hpp"
#include "demo/demo_data.hpp"
#include "demo/demo_directory.hpp"
#include "demo/demo_scale.hpp"
#include "store/copy.hpp"
#include "app/app.hpp"
#include "app/runtime.hpp"
#include "http/server.hpp"
#include "store/migrations.hpp"

using namespace trellis;

namespace {

int report(const Error& e) {
  std::cerr << "trellis: " << e.title << (e.detail.empty() ? "" : ": " + e.detail) << "\n";
  return 1;
}

Result<std::unique_ptr<store::Db>> open_and_migrate(const Config& config) {
  if (config.database.starts_with("sqlite:")) {
    auto path = std::filesystem::path(config.database.substr(7));
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  }
  std::size_t pool = config.threads ? config.threads : std::max<std::size_t>(4, 2 * std::thread::hardware_concurrency());
  auto db = TRY(store::open_database(config.database, pool, config.db_wait));
  TRY(store::migrate(*db));
  return db;
}

}  // namespace

int main(int argc, char** argv) {
  if (sodium_init() < 0) {
    std::cerr << "trellis: libsodium could not start\n";
    return 1;
  }
  Config config;
  CLI::App cli{"Trellis: recovery-oriented mental health services"};
  cli.require_subcommand(1);
  cli.add_option("--db", config.database, "sqlite:PATH or postgresql://user:pass@host/db")->envname("TRELLIS_DB");
  cli.add_option("--log-level", config.log_level, "trace, debug, info, warn, error")->envname("TRELLIS_LOG_LEVEL");
  cli.add_option_function<unsigned>(
         "--db-wait-ms", [&](unsigned ms) { config.db_wait = std::chrono::milliseconds(ms); },
         "How long a request waits for a free database connection before it is answered 503 (default 5000)")
      ->envname("TRELLIS_DB_WAIT_MS");

  auto* serve = cli.add_subcommand("serve", "Apply migrations and serve the API and web client");
  serve->add_option("--port", config.port, "Port to listen on")->envname("TRELLIS_PORT");
  serve->add_option("--address", config.address, "Address to listen on")->envname("TRELLIS_ADDRESS");
  serve->add_option("--web-root", config.web_root, "The built web client")->envname("TRELLIS_WEB_ROOT");
  serve->add_option("--threads", config.threads, "Worker threads (0: automatic)")->envname("TRELLIS_THREADS");
  serve->add_option("--max-body-bytes", config.max_body_bytes, "Largest request body accepted");
  serve->add_flag("--production", config.production, "Secure cookies, no demo data, TLS required")
      ->envname("TRELLIS_PRODUCTION");
  serve->add_flag("--behind-tls-proxy", config.tls_terminated_upstream,
                  "A reverse proxy in front terminates HTTPS (required in production)")
      ->envname("TRELLIS_BEHIND_TLS_PROXY");
  serve->add_flag("--insecure-i-know", config.allow_insecure_production,
                  "Allow production mode without TLS (closed test networks only)");

  cli.add_subcommand("migrate", "Apply database migrations and exit");

  auto* demo = cli.add_subcommand("demo-data", "Create the demo organisation (refused in production)");
  std::string demo_password = demo::kDefaultPassword;
  bool demo_set_password = false;
  demo->add_option("--password", demo_password, "Password for every demo sign-in")->each([&](const std::string&) {
    demo_set_password = true;
  });
  std::size_t demo_services = demo::kDefaultDemoServices;
  auto* services_option =
      demo->add_option("--services", demo_services, "How many services to put in the demo's service directory");
  demo::ScaleOptions scale;
  std::size_t scale_people = 0;
  demo->add_option("--scale", scale_people,
                   "Generate the benchmark's organisation instead: this many people (100000 is the benchmark's)");
  demo->add_option("--staff", scale.staff, "With --scale: practitioners and peer workers (default 2000)");
  demo->add_option("--seed", scale.seed, "With --scale: the seed; the same seed gives the same organisation");
  demo->add_flag("--production", config.production, "")->envname("TRELLIS_PRODUCTION")->group("");

  auto* admin = cli.add_subcommand("create-admin", "Create an organisation and its first administrator");
  std::string org_name, admin_email, admin_name;
  admin->add_option("--org-name", org_name)->required();
  admin->add_option("--email", admin_email)->required();
  admin->add_option("--name", admin_name)->required();

  auto* audit = cli.add_subcommand("audit", "Work with the audit log");
  audit->require_subcommand(1);
  audit->add_subcommand("verify", "Check the hash chain; report the first broken link");

  auto* import_hsds = cli.add_subcommand("import-hsds", "Import an Open Referral HSDS 3.0 JSON file into the directory");
  std::string hsds_in, hsds_org;
  import_hsds->add_option("path", hsds_in, "A JSON file, or a folder of CSV files (tabular HSDS)")
      ->required()
      ->check(CLI::ExistingPath);
  import_hsds->add_option("--org-id", hsds_org, "The organisation (needed when there is more than one)");
  auto* export_hsds = cli.add_subcommand("export-hsds", "Write the directory as Open Referral HSDS 3.0 JSON");
  std::string hsds_out;
  bool hsds_tabular = false;
  export_hsds->add_option("path", hsds_out, "The JSON file to write, or with --tabular a folder")->required();
  export_hsds->add_flag("--tabular", hsds_tabular, "Write CSV files and datapackage.json into the folder");
  export_hsds->add_option("--org-id", hsds_org, "The organisation (needed when there is more than one)");

  auto* backup = cli.add_subcommand("backup", "Make a consistent copy while the server runs");
  std::string backup_path;
  backup->add_option("path", backup_path, "Where to write the backup")->required();
  auto* restore = cli.add_subcommand("restore", "Bring back a backup (stop the server first)");
  std::string restore_path;
  restore->add_option("path", restore_path, "The backup to restore")->required()->check(CLI::ExistingFile);

  auto* copy_db = cli.add_subcommand("copy-database", "Copy this SQLite database into a new PostgreSQL one");
  std::string copy_to;
  copy_db->add_option("--to", copy_to, "The PostgreSQL database (postgresql://…); it must be empty")->required();

  CLI11_PARSE(cli, argc, argv);

  spdlog::set_level(spdlog::level::from_str(config.log_level));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);
  SystemClock clock;

  if (*serve && config.production && !config.tls_terminated_upstream && !config.allow_insecure_production)
    return report(Error::make(ErrorKind::bad_request, "Production mode needs HTTPS",
                              "Put Trellis behind a TLS-terminating proxy and pass --behind-tls-proxy."));

  if (*restore) {
    // Restore replaces the database's content; migrations then bring an older backup up to date.
    auto db = store::open_database(config.database, 1, config.db_wait);
    if (!db) return report(db.error());
    if (auto r = (*db)->restore(restore_path); !r) return report(r.error());
    if (auto m = store::migrate(**db); !m) return report(m.error());
    std::cout << "Restored " << restore_path << " into " << (*db)->describe() << "\n";
    return 0;
  }

  auto opened = open_and_migrate(config);
  if (!opened) return report(opened.error());
  auto& db = **opened;

  if (*copy_db) {
    Config target = config;
    target.database = copy_to;
    auto into = open_and_migrate(target);
    if (!into) return report(into.error());
    auto started = std::chrono::steady_clock::now();
    std::string last;
    auto copied = store::copy_database(db, **into, [&](std::string_view table, std::size_t done, std::size_t total) {
      if (table != last && !last.empty()) std::cerr << "\n";
      last = std::string(table);
      std::cerr << "\r" << table << ": " << done << " of " << total << std::flush;
    });
    std::cerr << "\n";
    if (!copied) return report(copied.error());
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << "Copied " << *copied << " rows into " << (*into)->describe() << " in " << static_cast<int>(seconds)
              << " s.\n";
    return 0;
  }
  if (*demo && scale_people > 0) {
    if (config.production) return report(Error::make(ErrorKind::forbidden, "Demo data is not loaded in production mode"));
    scale.people = scale_people;
    if (services_option->count() > 0) scale.services = demo_services;
    auto started = std::chrono::steady_clock::now();
    std::string last_stage;
    auto show = [&](std::string_view stage, std::size_t done, std::size_t total) {
      if (stage != last_stage && !last_stage.empty()) std::cerr << "\n";
      last_stage = std::string(stage);
      auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::cerr << "\r" << stage << ": " << done << " of " << total << " (" << (total ? done * 100 / total : 100) << "%), "
                << static_cast<int>(seconds) << " s" << std::flush;
    };
    if (auto r = demo::load_scale_data(db, clock, demo_password, scale, show); !r) {
      std::cerr << "\n";
      return report(r.error());
    }
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cerr << "\n";
    std::cout << "Generated " << scale.people << " people, " << scale.staff << " staff and " << scale.services
              << " services in " << static_cast<int>(seconds) << " s (seed " << scale.seed << ").\n";
    return 0;
  }
  if (*demo) {
    auto r = demo::load_demo_data(db, clock, demo_password, demo_set_password, config.production, true,
                                  demo_services);
    if (!r) return report(r.error());
    std::cout << (r->created ? "Created the demo organisation." : "The demo organisation is already there.")
              << (r->password_set && !r->created ? " Demo passwords set." : "") << "\n";
    return 0;
  }
  if (*admin) {
    std::string password;
    if (const char* env = std::getenv("TRELLIS_ADMIN_PASSWORD")) password = env;
    else {
      std::cerr << "Password for " << admin_email << ": ";
      std::getline(std::cin, password);
    }
    access::AccessService access(db, clock, config);
    if (auto r = access.create_organisation(org_name, admin_email, admin_name, password); !r) return report(r.error());
    std::cout << "Created " << org_name << " with administrator " << admin_email << "\n";
    return 0;
  }
  if (*audit) {
    auto checks = access::verify_audit_chain(db);
    if (!checks) return report(checks.error());
    bool ok = true;
    for (const auto& c : *checks) {
      if (c.ok) {
        std::cout << "organisation " << c.org_id << ": " << c.events_checked << " events, chain intact\n";
      } else {
        ok = false;
        std::cout << "organisation " << c.org_id << ": BROKEN at event " << c.first_broken_seq << ": " << c.reason
                  << "\n";
      }
    }
    return ok ? 0 : 2;
  }
  if (*import_hsds || *export_hsds) {
    auto orgs = db.read([](store::Conn& c) { return c.query("SELECT org_id FROM orgs ORDER BY org_id"); });
    if (!orgs) return report(orgs.error());
    if (hsds_org.empty()) {
      if (orgs->size() != 1)
        return report(Error::make(ErrorKind::bad_request, "Say which organisation",
                                  "There are " + std::to_string(orgs->size()) + " organisations; pass --org-id."));
      hsds_org = (*orgs)[0].text(0);
    }
    app::Runtime runtime(db, clock, config);
    auto actor = access::Actor::system(hsds_org, "cli", "command line");
    if (*import_hsds) {
      auto show = [](std::size_t done, std::size_t total) {
        std::cerr << "\r  " << done << " of " << total << " records" << std::flush;
      };
      Result<partnerships::ImportReport> r;
      if (std::filesystem::is_directory(hsds_in)) {
        r = runtime.partnerships.directory.import_hsds_tabular(actor, hsds_in, show);
      } else {
        std::ifstream in(hsds_in, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        r = runtime.partnerships.directory.import_hsds(actor, text.str(), show);
      }
      std::cerr << "\n";
      if (!r) return report(r.error());
      if (!r->applied()) {
        std::cout << "Nothing was imported. Fix these records and try again:\n";
        for (const auto& x : r->rejected)
          std::cout << "  record " << x.index << (x.id.empty() ? "" : " (" + x.id + ")") << ": " << x.reason << "\n";
        return 2;
      }
      std::cout << r->added << " added, " << r->updated << " updated, " << r->unchanged << " unchanged, 0 rejected\n";
      return 0;
    }
    if (hsds_tabular) {
      auto files = runtime.partnerships.directory.export_hsds_tabular(actor);
      if (!files) return report(files.error());
      std::filesystem::create_directories(hsds_out);
      for (const auto& [name, text] : *files) std::ofstream(std::filesystem::path(hsds_out) / name, std::ios::binary) << text;
      std::cout << "Wrote " << files->size() << " files to " << hsds_out << "\n";
      return 0;
    }
    auto doc = runtime.partnerships.directory.export_hsds(actor);
    if (!doc) return report(doc.error());
    std::ofstream(hsds_out) << doc->dump(2) << "\n";
    std::cout << "Wrote " << hsds_out << "\n";
    return 0;
  }
  if (*backup) {
    if (auto r = db.backup(backup_path); !r) return report(r.error());
    std::cout << "Backed up " << db.describe() << " to " << backup_path << "\n";
    return 0;
  }
  if (*serve) {
    app::Runtime runtime(db, clock, config);
    app::App app(runtime, std::make_unique<http::StaticFiles>(config.web_root));
    spdlog::info("database {}", db.describe());
    if (auto r = http::serve(app); !r) return report(r.error());
    return 0;
  }
  return 0;
}
