#include "access/store.hpp"

#include "core/ids.hpp"
#include "store/sql.hpp"
#include "store/versioning.hpp"

namespace trellis::access::db {
namespace {

constexpr const char* kUserColumns =
    "org_id, id, email, display_name, role, active, created_at, updated_at, version, password_hash, person_id,"
    " supporter_id, partner_id";

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

UserWithHash user_from_row(const store::Row& r) {
  UserWithHash out;
  auto& u = out.user;
  u.org_id = r.text(0);
  u.id = r.text(1);
  u.email = r.text(2);
  u.display_name = r.text(3);
  u.role = parse_role(r.text(4)).value_or(Role::student);
  u.active = r.boolean(5);
  u.created_at = r.text(6);
  u.updated_at = r.text(7);
  u.version = r.integer(8);
  out.password_hash = r.text(9);
  u.person_id = r.opt_text(10);
  u.supporter_id = r.opt_text(11);
  u.partner_id = r.opt_text(12);
  return out;
}

Team team_from_row(const store::Row& r) {
  Team t;
  t.org_id = r.text(0);
  t.id = r.text(1);
  t.site_id = r.opt_text(2);
  t.name = r.text(3);
  t.description = r.text(4);
  t.active = r.boolean(5);
  t.created_at = r.text(6);
  t.updated_at = r.text(7);
  t.version = r.integer(8);
  t.member_count = r.integer(9);
  return t;
}

constexpr const char* kTeamSelect =
    "SELECT t.org_id, t.id, t.site_id, t.name, t.description, t.active, t.created_at, t.updated_at, t.version,"
    " (SELECT COUNT(*) FROM user_teams ut WHERE ut.org_id = t.org_id AND ut.team_id = t.id) FROM teams t";

Session session_from_row(const store::Row& r, std::size_t o) {
  Session s;
  s.org_id = r.text(o + 0);
  s.id = r.text(o + 1);
  s.user_id = r.text(o + 2);
  s.csrf_token = r.text(o + 3);
  s.created_at = r.text(o + 4);
  s.last_seen_at = r.text(o + 5);
  s.expires_at = r.text(o + 6);
  s.reauth_at = r.opt_text(o + 7);
  s.user_agent = r.text(o + 8);
  s.client_address = r.text(o + 9);
  s.two_step_setup_required = r.boolean(o + 10);
  return s;
}
constexpr const char* kSessionColumns =
    "s.org_id, s.id, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at, s.reauth_at,"
    " s.user_agent, s.client_address, s.two_step_setup_required";

}  // namespace

Result<std::optional<UserWithHash>> find_user_by_email(Conn& c, const std::string& email) {
  auto row = TRY(c.query_one(std::string("SELECT ") + kUserColumns + " FROM users WHERE email = ?", {email}));
  if (!row) return std::optional<UserWithHash>{};
  auto u = user_from_row(*row);
  std::vector<User> one{u.user};
  TRY_VOID(load_team_ids(c, u.user.org_id, one));
  u.user.team_ids = one.front().team_ids;
  return std::optional<UserWithHash>{std::move(u)};
}

Result<std::optional<UserWithHash>> get_user(Conn& c, const std::string& org_id, const std::string& id) {
  auto row = TRY(c.query_one(std::string("SELECT ") + kUserColumns + " FROM users WHERE org_id = ? AND id = ?",
                             {org_id, id}));
  if (!row) return std::optional<UserWithHash>{};
  auto u = user_from_row(*row);
  std::vector<User> one{u.user};
  TRY_VOID(load_team_ids(c, org_id, one));
  u.user.team_ids = one.front().team_ids;
  return std::optional<UserWithHash>{std::move(u)};
}

Result<std::vector<User>> list_users(Conn& c, const std::string& org_id, const UserFilter& f, const PageRequest& page) {
  std::string sql = std::string("SELECT ") + kUserColumns + " FROM users u WHERE org_id = ?";
  store::Params p{org_id};
  if (f.text) {
    sql += " AND (lower(display_name) LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\')";
    p.emplace_back(store::contains_pattern(lower(*f.text)));
    p.emplace_back(store::contains_pattern(lower(*f.text)));
  }
  if (f.role) {
    sql += " AND role = ?";
    p.emplace_back(*f.role);
  }
  if (f.active) {
    sql += " AND active = ?";
    p.emplace_back(*f.active);
  }
  if (f.team_id) {
    sql += " AND EXISTS (SELECT 1 FROM user_teams ut WHERE ut.org_id = u.org_id AND ut.user_id = u.id AND ut.team_id = ?)";
    p.emplace_back(*f.team_id);
  }
  if (page.after && page.after->size() == 2) {
    sql += " AND (display_name > ? OR (display_name = ? AND id > ?))";
    p.emplace_back((*page.after)[0]);
    p.emplace_back((*page.after)[0]);
    p.emplace_back((*page.after)[1]);
  }
  sql += " ORDER BY display_name, id LIMIT ?";
  p.emplace_back(static_cast<std::int64_t>(page.limit + 1));
  auto rows = TRY(c.query(sql, p));
  std::vector<User> out;
  for (const auto& r : rows) out.push_back(user_from_row(r).user);
  TRY_VOID(load_team_ids(c, org_id, out));
  return out;
}

Result<void> load_team_ids(Conn& c, const std::string& org_id, std::vector<User>& users) {
  if (users.empty()) return {};
  store::Params p{org_id};
  for (const auto& u : users) p.emplace_back(u.id);
  auto rows = TRY(c.query("SELECT user_id, team_id FROM user_teams WHERE org_id = ? AND user_id IN (" +
                              store::placeholders(users.size()) + ") ORDER BY team_id",
                          p));
  std::map<std::string, std::vector<std::string>> by_user;
  for (const auto& r : rows) by_user[r.text(0)].push_back(r.text(1));
  for (auto& u : users) u.team_ids = by_user[u.id];
  return {};
}

Result<void> insert_user(Conn& c, const User& u, const std::string& password_hash, const std::string& by) {
  TRY(c.exec("INSERT INTO users (org_id, id, email, display_name, role, password_hash, active, created_at,"
             " updated_at, updated_by, version, person_id, supporter_id, partner_id)"
             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
             {u.org_id, u.id, u.email, u.display_name, std::string(role_name(u.role)), password_hash, u.active,
              u.created_at, u.updated_at, by.empty() ? store::Value() : store::Value(by), u.person_id,
              u.supporter_id, u.partner_id}));
  return set_user_teams(c, u.org_id, u.id, u.team_ids);
}

Result<void> update_user(Conn& c, const User& u, std::int64_t expected_version, const std::string& by,
                         const std::string& now) {
  auto changed = TRY(c.exec(
      "UPDATE users SET display_name = ?, role = ?, active = ?, updated_at = ?, updated_by = ?, version = version + 1"
      " WHERE org_id = ? AND id = ? AND version = ?",
      {u.display_name, std::string(role_name(u.role)), u.active, now, by, u.org_id, u.id, expected_version}));
  return store::check_versioned_update(c, changed, "users", u.org_id, u.id, expected_version, "user");
}

Result<void> set_password(Conn& c, const std::string& org_id, const std::string& user_id, const std::string& hash,
                          const std::string& by, const std::string& now) {
  TRY(c.exec("UPDATE users SET password_hash = ?, updated_at = ?, updated_by = ?, version = version + 1"
             " WHERE org_id = ? AND id = ?",
             {hash, now, by, org_id, user_id}));
  return {};
}

Result<void> set_user_teams(Conn& c, const std::string& org_id, const std::string& user_id,
                            const std::vector<std::string>& team_ids) {
  TRY(c.exec("DELETE FROM user_teams WHERE org_id = ? AND user_id = ?", {org_id, user_id}));
  for (const auto& t : team_ids)
    TRY(c.exec("INSERT INTO user_teams (org_id, user_id, team_id) VALUES (?, ?, ?)", {org_id, user_id, t}));
  return {};
}

Result<std::int64_t> count_active_admins(Conn& c, const std::string& org_id) {
  auto row = TRY(c.query_one("SELECT COUNT(*) FROM users WHERE org_id = ? AND role = 'administrator' AND active = 1",
                             {org_id}));
  return row->integer(0);
}

Result<std::optional<Org>> get_org(Conn& c, const std::string& org_id) {
  auto row = TRY(c.query_one("SELECT org_id, name, time_zone, require_two_step FROM orgs WHERE org_id = ?", {org_id}));
  if (!row) return std::optional<Org>{};
  return std::optional<Org>{Org{row->text(0), row->text(1), row->text(2), row->boolean(3)}};
}

Result<std::vector<std::string>> list_org_ids(Conn& c) {
  std::vector<std::string> out;
  for (const auto& r : TRY(c.query("SELECT org_id FROM orgs ORDER BY org_id"))) out.push_back(r.text(0));
  return out;
}

Result<std::vector<Site>> list_sites(Conn& c, const std::string& org_id) {
  auto rows = TRY(c.query("SELECT org_id, id, name, address, version FROM sites WHERE org_id = ? ORDER BY name", {org_id}));
  std::vector<Site> out;
  for (const auto& r : rows) out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.integer(4)});
  return out;
}

Result<void> insert_site(Conn& c, const Site& s, const std::string& by, const std::string& now) {
  TRY(c.exec("INSERT INTO sites (org_id, id, name, address, created_at, updated_at, updated_by, version)"
             " VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
             {s.org_id, s.id, s.name, s.address, now, now, by.empty() ? store::Value() : store::Value(by)}));
  return {};
}

Result<std::vector<Team>> list_teams(Conn& c, const std::string& org_id) {
  auto rows = TRY(c.query(std::string(kTeamSelect) + " WHERE t.org_id = ? ORDER BY t.name", {org_id}));
  std::vector<Team> out;
  for (const auto& r : rows) out.push_back(team_from_row(r));
  return out;
}

Result<std::optional<Team>> get_team(Conn& c, const std::string& org_id, const std::string& id) {
  auto row = TRY(c.query_one(std::string(kTeamSelect) + " WHERE t.org_id = ? AND t.id = ?", {org_id, id}));
  if (!row) return std::optional<Team>{};
  return std::optional<Team>{team_from_row(*row)};
}

Result<void> insert_team(Conn& c, const Team& t, const std::string& by) {
  TRY(c.exec("INSERT INTO teams (org_id, id, site_id, name, description, active, created_at, updated_at,"
             " updated_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
             {t.org_id, t.id, t.site_id, t.name, t.description, t.active, t.created_at, t.updated_at,
              by.empty() ? store::Value() : store::Value(by)}));
  return {};
}

Result<void> update_team(Conn& c, const Team& t, std::int64_t expected_version, const std::string& by) {
  auto changed = TRY(c.exec(
      "UPDATE teams SET site_id = ?, name = ?, description = ?, active = ?, updated_at = ?, updated_by = ?,"
      " version = version + 1 WHERE org_id = ? AND id = ? AND version = ?",
      {t.site_id, t.name, t.description, t.active, t.updated_at, by, t.org_id, t.id, expected_version}));
  return store::check_versioned_update(c, changed, "teams", t.org_id, t.id, expected_version, "team");
}

Result<std::vector<std::string>> missing_teams(Conn& c, const std::string& org_id, const std::vector<std::string>& ids) {
  if (ids.empty()) return std::vector<std::string>{};
  store::Params p{org_id};
  for (const auto& id : ids) p.emplace_back(id);
  auto rows = TRY(c.query("SELECT id FROM teams WHERE org_id = ? AND id IN (" + store::placeholders(ids.size()) + ")", p));
  std::vector<std::string> missing;
  for (const auto& id : ids) {
    bool found = false;
    for (const auto& r : rows) found = found || r.text(0) == id;
    if (!found) missing.push_back(id);
  }
  return missing;
}

Result<void> insert_session(Conn& c, const Session& s, const std::string& token_hash) {
  TRY(c.exec("INSERT INTO sessions (org_id, id, user_id, token_hash, csrf_token, created_at, last_seen_at,"
             " expires_at, reauth_at, user_agent, client_address, two_step_setup_required)"
             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
             {s.org_id, s.id, s.user_id, token_hash, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at,
              s.reauth_at, s.user_agent, s.client_address, s.two_step_setup_required}));
  return {};
}

Result<std::optional<std::pair<Session, std::string>>> find_live_session(Conn& c, const std::string& token_hash) {
  auto row = TRY(c.query_one(std::string("SELECT ") + kSessionColumns +
                                 " FROM sessions s WHERE s.token_hash = ? AND s.ended_at IS NULL",
                             {token_hash}));
  using Out = std::optional<std::pair<Session, std::string>>;
  if (!row) return Out{};
  return Out{std::pair{session_from_row(*row, 0), std::string()}};
}

Result<void> touch_session(Conn& c, const std::string& org_id, const std::string& id, const std::string& now) {
  TRY(c.exec("UPDATE sessions SET last_seen_at = ? WHERE org_id = ? AND id = ? AND ended_at IS NULL", {now, org_id, id}));
  return {};
}

Result<void> end_session(Conn& c, const std::string& org_id, const std::string& id, const std::string& now,
                         const std::string& reason) {
  TRY(c.exec("UPDATE sessions SET ended_at = ?, ended_reason = ? WHERE org_id = ? AND id = ? AND ended_at IS NULL",
             {now, reason, org_id, id}));
  return {};
}

Result<std::int64_t> end_user_sessions(Conn& c, const std::string& org_id, const std::string& user_id,
                                       const std::string& keep, const std::string& now, const std::string& reason) {
  return c.exec("UPDATE sessions SET ended_at = ?, ended_reason = ? WHERE org_id = ? AND user_id = ? AND id <> ?"
                " AND ended_at IS NULL",
                {now, reason, org_id, user_id, keep});
}

Result<std::vector<Session>> list_live_sessions(Conn& c, const std::string& org_id, const std::string& user_id,
                                                const std::string& idle_cutoff, const std::string& now) {
  auto rows = TRY(c.query(std::string("SELECT ") + kSessionColumns +
                              " FROM sessions s WHERE s.org_id = ? AND s.user_id = ? AND s.ended_at IS NULL"
                              " AND s.last_seen_at > ? AND s.expires_at > ? ORDER BY s.last_seen_at DESC",
                          {org_id, user_id, idle_cutoff, now}));
  std::vector<Session> out;
  for (const auto& r : rows) out.push_back(session_from_row(r, 0));
  return out;
}

Result<void> set_reauth(Conn& c, const std::string& org_id, const std::string& session_id, const std::string& now) {
  TRY(c.exec("UPDATE sessions SET reauth_at = ? WHERE org_id = ? AND id = ?", {now, org_id, session_id}));
  return {};
}

Result<void> record_attempt(Conn& c, const std::string& email, const std::string& client, const std::string& at,
                            bool succeeded) {
  TRY(c.exec("INSERT INTO login_attempts (id, email, client_address, at, succeeded) VALUES (?, ?, ?, ?, ?)",
             {new_id(), email, client, at, succeeded}));
  return {};
}

Result<std::vector<std::string>> failures_for_email(Conn& c, const std::string& email, const std::string& since) {
  auto rows = TRY(c.query(
      "SELECT at FROM login_attempts WHERE email = ? AND succeeded = 0 AND at > ?"
      " AND at > COALESCE((SELECT MAX(at) FROM login_attempts WHERE email = ? AND succeeded = 1), '') ORDER BY at",
      {email, since, email}));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.text(0));
  return out;
}

Result<std::vector<std::string>> failures_for_client(Conn& c, const std::string& client, const std::string& since) {
  auto rows = TRY(c.query("SELECT at FROM login_attempts WHERE client_address = ? AND succeeded = 0 AND at > ? ORDER BY at",
                          {client, since}));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.text(0));
  return out;
}

}  // namespace trellis::access::db
