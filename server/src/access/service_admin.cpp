// Administration: sites, teams and users, and reading the audit log.
#include "access/audit_batcher.hpp"
#include "access/passwords.hpp"
#include "access/service.hpp"
#include "access/store.hpp"
#include "core/ids.hpp"

namespace trellis::access {
namespace {

Error team_not_found() {
  return Error::make(ErrorKind::not_found, "We could not find that team", "It may have been removed.", "not_found");
}
Error user_not_found() {
  return Error::make(ErrorKind::not_found, "We could not find that person's account", "It may have been removed.",
                     "not_found");
}

Result<void> check_teams_exist(store::Conn& c, const std::string& org_id, const std::vector<std::string>& ids) {
  auto missing = TRY(db::missing_teams(c, org_id, ids));
  if (missing.empty()) return {};
  return fail(
      Error::field(ErrorKind::unprocessable, "teamIds", "includes a team that does not exist: " + missing.front()));
}

Result<void> keep_an_administrator(store::Conn& c, const User& before, const User& after) {
  bool was_admin = before.role == Role::administrator && before.active;
  bool still_admin = after.role == Role::administrator && after.active;
  if (!was_admin || still_admin) return {};
  if (TRY(db::count_active_admins(c, before.org_id)) > 1) return {};
  return fail(ErrorKind::conflict, "The organisation needs an administrator",
              "Make someone else an administrator first, then change this account.", "last_administrator");
}

}  // namespace

Result<Org> AccessService::org(const std::string& org_id) {
  auto o = TRY(db_.read([&](store::Conn& c) { return db::get_org(c, org_id); }));
  if (!o) return fail(ErrorKind::not_found, "Your organisation was not found", "Ask your administrator.", "not_found");
  return *o;
}

Result<std::vector<std::string>> AccessService::organisation_ids() {
  return db_.read([](store::Conn& c) { return db::list_org_ids(c); });
}

Result<Org> AccessService::create_organisation(const std::string& name, const std::string& admin_email,
                                               const std::string& admin_name, const std::string& password) {
  TRY_VOID(check_new_password("password", password, {admin_email, admin_name}));
  auto hash = hash_password(password);
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<Org> {
    Org org{new_id(), name, "Australia/Melbourne"};
    TRY(c.exec("INSERT INTO orgs (org_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
               {org.id, org.name, to_iso(now), to_iso(now)}));
    User u;
    u.org_id = org.id;
    u.id = new_id();
    u.email = admin_email;
    u.display_name = admin_name;
    u.role = Role::administrator;
    u.created_at = u.updated_at = to_iso(now);
    auto ins = db::insert_user(c, u, hash, "");
    if (!ins && store::is_unique_violation(ins.error()))
      return fail(ErrorKind::conflict, "That email already has an account", admin_email);
    TRY_VOID(ins);
    auto e = system_event(org.id, "user.create", "user", u.id);
    e.detail = "first administrator, from the command line";
    TRY_VOID(append_audit(c, e, now));
    return org;
  });
}

Result<std::vector<Site>> AccessService::sites(const std::string& org_id) {
  return db_.read([&](store::Conn& c) { return db::list_sites(c, org_id); });
}

Result<Site> AccessService::create_site(const access::Actor& actor, const std::string& name,
                                        const std::string& address) {
  auto now = clock_.now();
  Site s{actor.org_id, new_id(), name, address, 1};
  return db_.write([&](store::Conn& c) -> Result<Site> {
    auto ins = db::insert_site(c, s, actor.user_id.value_or(""), to_iso(now));
    if (!ins && store::is_unique_violation(ins.error()))
      return fail(Error::field(ErrorKind::conflict, "name", "is already the name of a site"));
    TRY_VOID(ins);
    TRY_VOID(append_audit(c, actor.entry("site.create", "site", s.id), now));
    return s;
  });
}

Result<std::vector<Team>> AccessService::teams(const std::string& org_id) {
  return db_.read([&](store::Conn& c) { return db::list_teams(c, org_id); });
}

Result<Team> AccessService::team(const std::string& org_id, const std::string& id) {
  auto t = TRY(db_.read([&](store::Conn& c) { return db::get_team(c, org_id, id); }));
  if (!t) return fail(team_not_found());
  return *t;
}

namespace {
Result<void> check_site(store::Conn& c, const std::string& org_id, const std::optional<std::string>& site_id) {
  if (!site_id) return {};
  for (const auto& s : TRY(db::list_sites(c, org_id)))
    if (s.id == *site_id) return {};
  return fail(Error::field(ErrorKind::unprocessable, "siteId", "is not one of this organisation's sites"));
}
Result<void> unique_team_name(Result<void> r) {
  if (!r && store::is_unique_violation(r.error()))
    return fail(Error::field(ErrorKind::conflict, "name", "is already the name of a team"));
  return r;
}
}  // namespace

Result<Team> AccessService::create_team(const access::Actor& actor, const TeamInput& in) {
  auto now = to_iso(clock_.now());
  Team t;
  t.org_id = actor.org_id;
  t.id = new_id();
  t.name = in.name.value_or("");
  t.description = in.description.value_or("");
  t.site_id = in.site_id;
  t.active = in.active.value_or(true);
  t.created_at = t.updated_at = now;
  return db_.write([&](store::Conn& c) -> Result<Team> {
    TRY_VOID(check_site(c, t.org_id, t.site_id));
    TRY_VOID(unique_team_name(db::insert_team(c, t, actor.user_id.value_or(""))));
    TRY_VOID(append_audit(c, actor.entry("team.create", "team", t.id), clock_.now()));
    return t;
  });
}

Result<Team> AccessService::update_team(const access::Actor& actor, const std::string& id, std::int64_t version,
                                        const TeamInput& in) {
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<Team> {
    auto found = TRY(db::get_team(c, actor.org_id, id));
    if (!found) return fail(team_not_found());
    Team t = *found;
    if (in.name) t.name = *in.name;
    if (in.description) t.description = *in.description;
    if (in.site_id) t.site_id = in.site_id;
    if (in.active) t.active = *in.active;
    t.updated_at = to_iso(now);
    TRY_VOID(check_site(c, t.org_id, t.site_id));
    TRY_VOID(unique_team_name(db::update_team(c, t, version, actor.user_id.value_or(""))));
    TRY_VOID(append_audit(c, actor.entry("team.update", "team", t.id), now));
    t.version = version + 1;
    return t;
  });
}

Result<UserPage> AccessService::users(const std::string& org_id, const UserQuery& q, const PageRequest& page) {
  db::UserFilter f{q.text, q.role, q.team_id, q.active};
  auto rows = TRY(db_.read([&](store::Conn& c) { return db::list_users(c, org_id, f, page); }));
  UserPage out;
  if (rows.size() > page.limit) {
    rows.resize(page.limit);
    out.next_cursor = encode_cursor({rows.back().display_name, rows.back().id});
  }
  out.items = std::move(rows);
  return out;
}

Result<User> AccessService::user(const std::string& org_id, const std::string& id) {
  auto u = TRY(db_.read([&](store::Conn& c) { return db::get_user(c, org_id, id); }));
  if (!u) return fail(user_not_found());
  return u->user;
}

Result<User> AccessService::create_user(const access::Actor& actor, const NewUser& in) {
  TRY_VOID(check_new_password("password", in.password, {in.email, in.display_name}));
  auto hash = hash_password(in.password);
  auto now = to_iso(clock_.now());
  User u;
  u.org_id = actor.org_id;
  u.id = new_id();
  u.email = in.email;
  u.display_name = in.display_name;
  u.role = in.role;
  u.team_ids = in.team_ids;
  u.person_id = in.person_id;
  u.supporter_id = in.supporter_id;
  u.partner_id = in.partner_id;
  u.created_at = u.updated_at = now;
  return db_.write([&](store::Conn& c) -> Result<User> {
    TRY_VOID(check_teams_exist(c, u.org_id, u.team_ids));
    auto ins = db::insert_user(c, u, hash, actor.user_id.value_or(""));
    if (!ins && store::is_unique_violation(ins.error()))
      return fail(Error::field(ErrorKind::conflict, "email", "is already used by another account"));
    TRY_VOID(ins);
    auto e = actor.entry("user.create", "user", u.id);
    e.detail = "role " + std::string(role_name(u.role));
    TRY_VOID(append_audit(c, e, clock_.now()));
    return u;
  });
}

Result<User> AccessService::update_user(const access::Actor& actor, const std::string& id, std::int64_t version,
                                        const UserChanges& ch) {
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<User> {
    auto found = TRY(db::get_user(c, actor.org_id, id));
    if (!found) return fail(user_not_found());
    const User before = found->user;
    User u = before;
    if (ch.display_name) u.display_name = *ch.display_name;
    if (ch.role) u.role = *ch.role;
    if (ch.active) u.active = *ch.active;
    if (ch.team_ids) u.team_ids = *ch.team_ids;
    TRY_VOID(keep_an_administrator(c, before, u));
    // A person's or supporter's sign-in stays theirs: no role change turns it into a worker's,
    // and no worker's account becomes one.
    if (ch.role && *ch.role != before.role && (!is_staff(before.role) || !is_staff(*ch.role)))
      return fail(Error::field(ErrorKind::unprocessable, "role", "can change only between workers' roles"));
    if (ch.team_ids) TRY_VOID(check_teams_exist(c, u.org_id, u.team_ids));
    auto updated = db::update_user(c, u, version, actor.user_id.value_or(""), to_iso(now));
    if (!updated && store::is_unique_violation(updated.error()))
      return fail(ErrorKind::conflict, "There is already an active sign-in for them",
                  "A person or supporter has one sign-in; switch the other off first.", "sign_in_exists");
    TRY_VOID(updated);
    if (ch.team_ids) TRY_VOID(db::set_user_teams(c, u.org_id, u.id, u.team_ids));
    std::string detail;
    if (u.role != before.role)
      detail += "role " + std::string(role_name(before.role)) + " -> " + std::string(role_name(u.role)) + "; ";
    if (u.active != before.active) detail += u.active ? "reactivated; " : "deactivated; ";
    if (u.team_ids != before.team_ids) detail += "teams changed; ";
    if (u.display_name != before.display_name) detail += "name changed; ";
    // A deactivated account, or one whose role changed, starts again from a fresh sign-in.
    if ((!u.active && before.active) || u.role != before.role)
      TRY(db::end_user_sessions(c, u.org_id, u.id, "", to_iso(now), u.active ? "role changed" : "deactivated"));
    auto e = actor.entry(u.role != before.role ? "user.role.change" : "user.update", "user", u.id);
    e.detail = detail;
    TRY_VOID(append_audit(c, e, now));
    u.version = version + 1;
    u.updated_at = to_iso(now);
    return u;
  });
}

Result<void> AccessService::reset_password(const access::Actor& actor, const std::string& id,
                                           const std::string& password) {
  auto target = TRY(user(actor.org_id, id));
  if (!is_staff(target.role) && target.role != Role::partner)
    return fail(ErrorKind::conflict, "People and supporters choose their own password",
                "Switch this sign-in off, then their worker sends them a new invitation.", "own_password_only");
  TRY_VOID(check_new_password("password", password, {target.email, target.display_name}));
  auto hash = hash_password(password);
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<void> {
    TRY_VOID(db::set_password(c, actor.org_id, id, hash, actor.user_id.value_or(""), to_iso(now)));
    TRY(db::end_user_sessions(c, actor.org_id, id, "", to_iso(now), "password reset"));
    return append_audit(c, actor.entry("user.password.reset", "user", id), now);
  });
}

Result<AuditPage> AccessService::audit_events(const access::Actor& actor, const AuditFilter& f,
                                              const PageRequest& page) {
  auto now = clock_.now();
  TRY_VOID(audit_writer_.flush());
  // Reading the audit log is itself recorded, in the same transaction as the read.
  return db_.write([&](store::Conn& c) -> Result<AuditPage> {
    auto out = TRY(list_audit(c, actor.org_id, f, page));
    TRY_VOID(append_audit(c, actor.entry("audit.read", "audit_log", ""), now));
    return out;
  });
}

Result<std::vector<AuditEvent>> AccessService::export_audit(const access::Actor& actor, const AuditFilter& f) {
  auto now = clock_.now();
  TRY_VOID(audit_writer_.flush());
  return db_.write([&](store::Conn& c) -> Result<std::vector<AuditEvent>> {
    std::vector<AuditEvent> out;
    PageRequest page{.limit = 1000, .after = std::nullopt};
    while (out.size() < kMaxAuditExport) {
      auto batch = TRY(list_audit(c, actor.org_id, f, page));
      for (auto& e : batch.items) out.push_back(std::move(e));
      if (!batch.next_cursor) break;
      page.after = std::vector<std::string>{std::to_string(out.back().seq)};
    }
    if (out.size() > kMaxAuditExport) out.resize(kMaxAuditExport);
    auto e = actor.entry("audit.export", "audit_log", "");
    e.detail = std::to_string(out.size()) + " events";
    TRY_VOID(append_audit(c, e, now));
    return out;
  });
}

}  // namespace trellis::access
