// trellis create-admin: a new organisation and its first administrator. The password comes from
// TRELLIS_ADMIN_PASSWORD or standard input, never the command line (where `ps` would show it).
#include <cstdlib>
#include <iostream>
#include <memory>

#include "app/runtime.hpp"
#include "cli/commands.hpp"
#include "cli/database.hpp"

namespace trellis::cli {

namespace {

struct Options {
  std::string org_name, email, name;
};

std::string read_password(const std::string& email) {
  if (const char* env = std::getenv("TRELLIS_ADMIN_PASSWORD")) return env;
  std::cerr << "Password for " << email << ": ";
  std::string password;
  std::getline(std::cin, password);
  return password;
}

Result<int> create_admin(const Config& config, const Options& o) {
  auto db = TRY(open_migrated(config));
  auto password = read_password(o.email);
  SystemClock clock;
  app::Runtime runtime(*db, clock, config);
  TRY(runtime.access.create_organisation(o.org_name, o.email, o.name, password));
  std::cout << "Created " << o.org_name << " with administrator " << o.email << "\n";
  return 0;
}

}  // namespace

Command add_create_admin(CLI::App& cli, Config& config) {
  auto o = std::make_shared<Options>();
  auto* cmd = cli.add_subcommand("create-admin", "Create an organisation and its first administrator");
  cmd->add_option("--org-name", o->org_name)->required();
  cmd->add_option("--email", o->email)->required();
  cmd->add_option("--name", o->name)->required();
  return {cmd, [&config, o] { return create_admin(config, *o); }};
}

}  // namespace trellis::cli
