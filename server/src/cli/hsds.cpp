// trellis import-hsds and export-hsds: the service directory in and out as Open Referral HSDS 3.0,
// as JSON or (tabular) a folder of CSV files. Both act for one organisation as the system.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "access/actor.hpp"
#include "app/runtime.hpp"
#include "cli/commands.hpp"
#include "cli/database.hpp"

namespace trellis::cli {

namespace {

struct Options {
  std::string path;
  std::string org_id;  // needed only when there is more than one organisation
  bool tabular = false;
};

// The organisation the command acts for: the one given, or the only one there is.
Result<access::Actor> acting_for(app::Runtime& runtime, const std::string& given) {
  std::string org_id = given;
  if (org_id.empty()) {
    auto orgs = TRY(runtime.access.organisation_ids());
    if (orgs.empty())
      return fail(ErrorKind::bad_request, "There is no organisation yet",
                  "Create one with create-admin (or demo-data) first.");
    if (orgs.size() != 1)
      return fail(ErrorKind::bad_request, "Say which organisation",
                  "There are " + std::to_string(orgs.size()) + " organisations; pass --org-id.");
    org_id = orgs.front();
  }
  return access::Actor::system(org_id, "cli", "command line");
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

Result<int> import_hsds(const Config& config, const Options& o) {
  auto db = TRY(open_migrated(config));
  SystemClock clock;
  app::Runtime runtime(*db, clock, config);
  auto actor = TRY(acting_for(runtime, o.org_id));
  auto show = [](std::size_t done, std::size_t total) {
    std::cerr << "\r  " << done << " of " << total << " records" << std::flush;
  };
  auto imported = std::filesystem::is_directory(o.path)
                      ? runtime.partnerships.directory.import_hsds_tabular(actor, o.path, show)
                      : runtime.partnerships.directory.import_hsds(actor, read_file(o.path), show);
  std::cerr << "\n";
  auto r = TRY(std::move(imported));
  if (!r.applied()) {
    // All or nothing: one bad record stops the whole file, so the directory is never half-updated.
    std::cout << "Nothing was imported. Fix these records and try again:\n";
    for (const auto& x : r.rejected)
      std::cout << "  record " << x.index << (x.id.empty() ? "" : " (" + x.id + ")") << ": " << x.reason << "\n";
    return 2;
  }
  std::cout << r.added << " added, " << r.updated << " updated, " << r.unchanged << " unchanged, 0 rejected\n";
  return 0;
}

Result<int> export_hsds(const Config& config, const Options& o) {
  // Not read-only: an export is recorded in the audit log, like every read of the directory.
  auto db = TRY(open_migrated(config));
  SystemClock clock;
  app::Runtime runtime(*db, clock, config);
  auto actor = TRY(acting_for(runtime, o.org_id));
  if (o.tabular) {
    auto files = TRY(runtime.partnerships.directory.export_hsds_tabular(actor));
    std::filesystem::create_directories(o.path);
    for (const auto& [name, text] : files)
      std::ofstream(std::filesystem::path(o.path) / name, std::ios::binary) << text;
    std::cout << "Wrote " << files.size() << " files to " << o.path << "\n";
    return 0;
  }
  auto doc = TRY(runtime.partnerships.directory.export_hsds(actor));
  std::ofstream(o.path) << doc.dump(2) << "\n";
  std::cout << "Wrote " << o.path << "\n";
  return 0;
}

}  // namespace

Command add_import_hsds(CLI::App& cli, Config& config) {
  auto o = std::make_shared<Options>();
  auto* cmd = cli.add_subcommand("import-hsds", "Import an Open Referral HSDS 3.0 JSON file into the directory");
  cmd->add_option("path", o->path, "A JSON file, or a folder of CSV files (tabular HSDS)")
      ->required()
      ->check(CLI::ExistingPath);
  cmd->add_option("--org-id", o->org_id, "The organisation (needed when there is more than one)");
  return {cmd, [&config, o] { return import_hsds(config, *o); }};
}

Command add_export_hsds(CLI::App& cli, Config& config) {
  auto o = std::make_shared<Options>();
  auto* cmd = cli.add_subcommand("export-hsds", "Write the directory as Open Referral HSDS 3.0 JSON");
  cmd->add_option("path", o->path, "The JSON file to write, or with --tabular a folder")->required();
  cmd->add_flag("--tabular", o->tabular, "Write CSV files and datapackage.json into the folder");
  cmd->add_option("--org-id", o->org_id, "The organisation (needed when there is more than one)");
  return {cmd, [&config, o] { return export_hsds(config, *o); }};
}

}  // namespace trellis::cli
