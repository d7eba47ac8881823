// trellis audit verify: walk each organisation's audit hash chain and report the first broken
// link. It only reads, so it opens the database read-only and never migrates it.
#include <iostream>

#include "access/audit.hpp"
#include "cli/commands.hpp"
#include "cli/database.hpp"

namespace trellis::cli {

namespace {

Result<int> verify(const Config& config) {
  auto db = TRY(open_read_only(config));
  bool ok = true;
  for (const auto& c : TRY(access::verify_audit_chain(*db))) {
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

}  // namespace

Command add_audit_verify(CLI::App& cli, Config& config) {
  auto* audit = cli.add_subcommand("audit", "Work with the audit log");
  audit->require_subcommand(1);
  auto* cmd = audit->add_subcommand("verify", "Check the hash chain; report the first broken link");
  return {cmd, [&config] { return verify(config); }};
}

}  // namespace trellis::cli
