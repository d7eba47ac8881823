// Who may do what: every route names a Rule, and every request passes through allows().
// Deny by default: a permission no role is given here is refused to everyone.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "access/model.hpp"

namespace trellis::access {

enum class Permission {
  view_teams,          // see the organisation's sites and teams
  manage_teams,        // create and change sites and teams
  view_users,          // see workers and their roles
  manage_users,        // create users, change roles, deactivate, reset passwords
  view_audit,          // browse and export the audit log
  view_people,         // a caseload, and finding a person by name
  add_people,          // record someone new the service supports
  review_break_glass,  // the managers' review of break-the-glass access
  view_directory,      // search the service directory
  manage_directory,    // import and export the service directory
  manage_partners,     // partner agencies and their agreements
  partner_inbox,       // a partner agency's own referrals
};

inline constexpr Permission kAllPermissions[] = {
    Permission::view_teams,       Permission::manage_teams,       Permission::view_users,
    Permission::manage_users,     Permission::view_audit,         Permission::view_people,
    Permission::add_people,       Permission::review_break_glass, Permission::view_directory,
    Permission::manage_directory, Permission::manage_partners,    Permission::partner_inbox};

std::string_view permission_name(Permission p);
bool role_has(Role role, Permission p);

// The parts of a person's record, each of which access and consent can name on its own.
enum class Part {
  profile,
  care_team,
  supporters,
  consent,
  plan,
  goals,
  check_ins,
  wellness_plan,
  safety,
  advance_statement,
  referrals,
  sign_ins,  // the person's and their supporters' portal sign-ins and the invitations to them
};
inline constexpr Part kAllParts[] = {
    Part::profile,   Part::care_team,     Part::supporters, Part::consent,           Part::plan,      Part::goals,
    Part::check_ins, Part::wellness_plan, Part::safety,     Part::advance_statement, Part::referrals, Part::sign_ins};
// What a person may share with a supporter. Safety ("what may upset me") and consent itself never.
inline constexpr Part kShareableParts[] = {Part::profile, Part::plan, Part::goals, Part::check_ins,
                                           Part::wellness_plan};
std::string_view part_name(Part p);
std::optional<Part> parse_part(std::string_view s);
// Parts as stored in one column ("plan,goals"); unknown names are skipped when read back.
std::string join_parts(const std::vector<Part>& parts);
std::vector<Part> split_parts(const std::string& text);

// The role x action table for a person's record (docs/operator-guide.md shows it, and a test
// walks it). Reading: every role that works with people, while on the person's care team or
// under break-the-glass. Changing: only on the care team, never under break-the-glass, and a
// student, who works under supervision, changes only what they do with the person day to day.
bool role_reads_records(Role role);
bool role_may_change(Role role, Part part);

struct Rule {
  // person: the route's :id is a person; the person policy decides per person and part.
  enum class Kind { anyone, signed_in, permission, person } kind = Kind::signed_in;
  Permission permission = Permission::view_audit;
  bool reauth = false;  // the user must have confirmed their password in the last few minutes
  Part part = Part::profile;
  bool write = false;
  bool during_two_step_setup = false;  // open to a session that must set up two-step sign-in first

  static Rule anyone() { return {Kind::anyone}; }
  static Rule signed_in() { return {Kind::signed_in}; }
  static Rule need(Permission p) { return {Kind::permission, p}; }
  static Rule person(Part part, bool write) {
    Rule r{Kind::person};
    r.part = part;
    r.write = write;
    return r;
  }
  Rule with_reauth() const {
    Rule r = *this;
    r.reauth = true;
    return r;
  }
  Rule before_two_step() const {
    Rule r = *this;
    r.during_two_step_setup = true;
    return r;
  }
};

enum class Decision { allow, unauthenticated, forbidden, reauth_required, two_step_setup_required };

Decision decide(const Rule& rule, const Principal* who, TimePoint now);
// Did the user confirm their password within the last few minutes?
bool recently_reauthenticated(const Principal& who, TimePoint now);
std::string describe(const Rule& rule);

}  // namespace trellis::access
