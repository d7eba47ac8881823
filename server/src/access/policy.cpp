#include "access/policy.hpp"

#include <chrono>

#include "store/sql.hpp"

namespace trellis::access {

std::string_view part_name(Part p) {
  switch (p) {
    case Part::profile:
      return "profile";
    case Part::care_team:
      return "care_team";
    case Part::supporters:
      return "supporters";
    case Part::consent:
      return "consent";
    case Part::plan:
      return "plan";
    case Part::goals:
      return "goals";
    case Part::check_ins:
      return "check_ins";
    case Part::wellness_plan:
      return "wellness_plan";
    case Part::safety:
      return "safety";
    case Part::advance_statement:
      return "advance_statement";
    case Part::referrals:
      return "referrals";
    case Part::sign_ins:
      return "sign_ins";
  }
  return "unknown";
}

std::optional<Part> parse_part(std::string_view s) {
  for (auto p : kAllParts)
    if (part_name(p) == s) return p;
  return std::nullopt;
}

std::string_view permission_name(Permission p) {
  switch (p) {
    case Permission::view_teams:
      return "view_teams";
    case Permission::manage_teams:
      return "manage_teams";
    case Permission::view_users:
      return "view_users";
    case Permission::manage_users:
      return "manage_users";
    case Permission::view_audit:
      return "view_audit";
    case Permission::view_people:
      return "view_people";
    case Permission::add_people:
      return "add_people";
    case Permission::review_break_glass:
      return "review_break_glass";
    case Permission::view_directory:
      return "view_directory";
    case Permission::manage_directory:
      return "manage_directory";
    case Permission::manage_partners:
      return "manage_partners";
    case Permission::partner_inbox:
      return "partner_inbox";
  }
  return "unknown";
}

bool role_has(Role role, Permission p) {
  switch (p) {
    case Permission::view_teams:
      return role == Role::administrator || role == Role::manager || role == Role::team_leader;
    case Permission::view_users:
      return role == Role::administrator || role == Role::manager || role == Role::team_leader;
    case Permission::manage_teams:
    case Permission::manage_users:
    case Permission::view_audit:
      return role == Role::administrator;
    case Permission::view_people:
      return role == Role::practitioner || role == Role::peer_worker || role == Role::student ||
             role == Role::team_leader || role == Role::manager;
    case Permission::add_people:
      return role == Role::practitioner || role == Role::peer_worker || role == Role::team_leader ||
             role == Role::manager;
    case Permission::review_break_glass:
      return role == Role::manager;
    case Permission::view_directory:
      return is_staff(role) || role == Role::partner;
    case Permission::manage_directory:
      return role == Role::administrator;
    case Permission::manage_partners:
      return role == Role::administrator || role == Role::manager;
    case Permission::partner_inbox:
      return role == Role::partner;
  }
  return false;
}

bool role_reads_records(Role role) {
  switch (role) {
    case Role::manager:
    case Role::team_leader:
    case Role::practitioner:
    case Role::peer_worker:
    case Role::student:
      return true;
    case Role::administrator:  // looks after accounts and settings, not people's records
    case Role::partner:
    case Role::person:
    case Role::supporter:
      return false;
  }
  return false;
}

bool role_may_change(Role role, Part part) {
  switch (role) {
    case Role::manager:
    case Role::team_leader:
    case Role::practitioner:
    case Role::peer_worker:
      return true;
    case Role::student:
      // The work a student does with the person, under supervision; not their details, care
      // team, supporters, consent, advance statements, referrals or sign-ins.
      return part == Part::plan || part == Part::goals || part == Part::check_ins || part == Part::wellness_plan ||
             part == Part::safety;
    case Role::administrator:
    case Role::partner:
    case Role::person:
    case Role::supporter:
      return false;
  }
  return false;
}

// How long a password confirmation lets a user make sensitive changes.
constexpr auto kReauthWindow = std::chrono::minutes(10);

Decision decide(const Rule& rule, const Principal* who, TimePoint now) {
  if (rule.kind == Rule::Kind::anyone) return Decision::allow;
  if (!who) return Decision::unauthenticated;
  if (who->session.two_step_setup_required && !rule.during_two_step_setup) return Decision::two_step_setup_required;
  // Person rules pass here once signed in; the person policy then decides for the person and part.
  if (rule.kind == Rule::Kind::permission && !role_has(who->user.role, rule.permission)) return Decision::forbidden;
  if (rule.reauth && !recently_reauthenticated(*who, now)) return Decision::reauth_required;
  return Decision::allow;
}

bool recently_reauthenticated(const Principal& who, TimePoint now) {
  TimePoint at;
  return who.session.reauth_at && parse_iso(*who.session.reauth_at, at) && now - at <= kReauthWindow;
}

std::string describe(const Rule& rule) {
  std::string s;
  switch (rule.kind) {
    case Rule::Kind::anyone:
      s = "anyone";
      break;
    case Rule::Kind::signed_in:
      s = "signed in";
      break;
    case Rule::Kind::permission:
      s = "permission " + std::string(permission_name(rule.permission));
      break;
    case Rule::Kind::person:
      s = std::string(rule.write ? "change" : "read") + " the person's " + std::string(part_name(rule.part)) +
          " (care team, break-the-glass, the person themselves, or a supporter with consent)";
      break;
  }
  if (rule.reauth) s += ", password confirmed in the last 10 minutes";
  return s;
}

std::string join_parts(const std::vector<Part>& parts) {
  std::vector<std::string> names;
  for (auto p : parts) names.emplace_back(part_name(p));
  return store::join_list(names);
}

std::vector<Part> split_parts(const std::string& text) {
  std::vector<Part> out;
  for (const auto& name : store::split_list(text))
    if (auto p = parse_part(name)) out.push_back(*p);
  return out;
}

}  // namespace trellis::access
