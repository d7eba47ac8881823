#include "access/store.hpp"

#include "core/ids.hpp"
#include "store/columns.hpp"
#include "store/sql.hpp"
#include "store/versioning.hpp"

namespace trellis::access::db {
namespace {

using store::column;
using store::Written;

// Who a user is and what they may do. Their email and whose account it is never change; the
// password hash is read beside the user (UserWithHash) and written by its own statements.
const store::Columns<User> kUser{
    column<&User::org_id>("org_id", Written::on_insert),
    column<&User::id>("id", Written::on_insert),
    column<&User::email>("email", Written::on_insert),
    column<&User::display_name>("display_name"),
    {"role", [](const User& u) -> store::Value { return role_name(u.role); },
     [](User& u, const store::Row& r, std::size_t i) { u.role = parse_role(r.text(i)).value_or(Role::student); }},
    column<&User::active>("active"),
    column<&User::created_at>("created_at", Written::on_insert),
    column<&User::updated_at>("updated_at", Written::on_insert),
    column<&User::version>("version", Written::never),
    column<&User::person_id>("person_id", Written::on_insert),
    column<&User::supporter_id>("supporter_id", Written::on_insert),
    column<&User::partner_id>("partner_id", Written::on_insert),
};
const std::string kSelectUsers = "SELECT " + kUser.select_list() + ", password_hash FROM users";

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

UserWithHash user_from_row(const store::Row& r) {
  UserWithHash out;
  out.user = kUser.read(r);
  out.password_hash = r.text(kUser.size());
  return out;
}

const store::Columns<Team> kTeam{
    column<&Team::org_id>("org_id", Written::on_insert),
    column<&Team::id>("id", Written::on_insert),
    column<&Team::site_id>("site_id"),
    column<&Team::name>("name"),
    column<&Team::description>("description"),
    column<&Team::active>("active"),
    column<&Team::created_at>("created_at", Written::on_insert),
    column<&Team::updated_at>("updated_at"),
    column<&Team::version>("version", Written::never),
};
// Each team with how many people are in it.
const std::string kTeamSelect =
    "SELECT " + kTeam.select_list("t") +
    ", (SELECT COUNT(*) FROM user_teams ut WHERE ut.org_id = t.org_id AND ut.team_id = t.id) FROM teams t";

Team team_from_row(const store::Row& r) {
  auto t = kTeam.read(r);
  t.member_count = r.integer(kTeam.size());
  return t;
}

// A session's token is kept only as its hash, written beside these and never read back.
const store::Columns<Session> kSession{
    column<&Session::org_id>("org_id"),
    column<&Session::id>("id"),
    column<&Session::user_id>("user_id"),
    column<&Session::csrf_token>("csrf_token"),
    column<&Session::created_at>("created_at"),
    column<&Session::last_seen_at>("last_seen_at"),
    column<&Session::expires_at>("expires_at"),
    column<&Session::reauth_at>("reauth_at"),
    column<&Session::user_agent>("user_agent"),
    column<&Session::client_address>("client_address"),
    column<&Session::two_step_setup_required>("two_step_setup_required"),
};
const std::string kSelectSessions = "SELECT " + kSession.select_list() + " FROM sessions";

const store::Columns<Site> kSite{
    column<&Site::org_id>("org_id", Written::on_insert),
    column<&Site::id>("id", Written::on_insert),
    column<&Site::name>("name"),
    column<&Site::address>("address"),
    column<&Site::version>("version", Written::never),
};

const store::Columns<Org> kOrg{
    column<&Org::id>("org_id"),
    column<&Org::name>("name"),
    column<&Org::time_zone>("time_zone"),
    column<&Org::require_two_step>("require_two_step"),
};

store::Value who(const std::string& by) { return by.empty() ? store::Value() : store::Value(by); }

}  // namespace

Result<std::optional<UserWithHash>> find_user_by_email(Conn& c, const std::string& email) {
  auto row = TRY(c.query_one(kSelectUsers + " WHERE email = ?", {email}));
  if (!row) return std::optional<UserWithHash>{};
  auto u = user_from_row(*row);
  std::vector<User> one{u.user};
  TRY_VOID(load_team_ids(c, u.user.org_id, one));
  u.user.team_ids = one.front().team_ids;
  return std::optional<UserWithHash>{std::move(u)};
}

Result<std::optional<UserWithHash>> get_user(Conn& c, const std::string& org_id, const std::string& id) {
  auto row = TRY(c.query_one(kSelectUsers + " WHERE org_id = ? AND id = ?", {org_id, id}));
  if (!row) return std::optional<UserWithHash>{};
  auto u = user_from_row(*row);
  std::vector<User> one{u.user};
  TRY_VOID(load_team_ids(c, org_id, one));
  u.user.team_ids = one.front().team_ids;
  return std::optional<UserWithHash>{std::move(u)};
}

Result<std::vector<User>> list_users(Conn& c, const std::string& org_id, const UserFilter& f, const PageRequest& page) {
  std::string sql = "SELECT " + kUser.select_list() + ", password_hash FROM users u WHERE org_id = ?";
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
    sql +=
        " AND EXISTS (SELECT 1 FROM user_teams ut WHERE ut.org_id = u.org_id AND ut.user_id = u.id AND ut.team_id = ?)";
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
  static const std::string sql = "INSERT INTO users (" + kUser.insert_names() +
                                 ", password_hash, updated_by, version) VALUES (" + kUser.insert_placeholders() +
                                 ", ?, ?, 1)";
  store::Params p;
  kUser.insert_values(u, p);
  p.insert(p.end(), {password_hash, who(by)});
  TRY(c.exec(sql, p));
  return set_user_teams(c, u.org_id, u.id, u.team_ids);
}

Result<void> update_user(Conn& c, const User& u, std::int64_t expected_version, const std::string& by,
                         const std::string& now) {
  static const std::string sql = "UPDATE users SET " + kUser.assignments() +
                                 ", updated_at = ?, updated_by = ?, version = version + 1"
                                 " WHERE org_id = ? AND id = ? AND version = ?";
  store::Params p;
  kUser.update_values(u, p);
  p.insert(p.end(), {now, by, u.org_id, u.id, expected_version});
  auto changed = TRY(c.exec(sql, p));
  return store::check_versioned_update(c, changed, "users", u.org_id, u.id, expected_version, "user");
}

Result<void> set_password(Conn& c, const std::string& org_id, const std::string& user_id, const std::string& hash,
                          const std::string& by, const std::string& now) {
  TRY(
      c.exec("UPDATE users SET password_hash = ?, updated_at = ?, updated_by = ?, version = version + 1"
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
  auto row = TRY(
      c.query_one("SELECT COUNT(*) FROM users WHERE org_id = ? AND role = 'administrator' AND active = 1", {org_id}));
  return row->integer(0);
}

Result<std::optional<Org>> get_org(Conn& c, const std::string& org_id) {
  static const std::string sql = "SELECT " + kOrg.select_list() + " FROM orgs WHERE org_id = ?";
  auto row = TRY(c.query_one(sql, {org_id}));
  if (!row) return std::optional<Org>{};
  return std::optional<Org>{kOrg.read(*row)};
}

Result<std::vector<std::string>> list_org_ids(Conn& c) {
  std::vector<std::string> out;
  for (const auto& r : TRY(c.query("SELECT org_id FROM orgs ORDER BY org_id"))) out.push_back(r.text(0));
  return out;
}

Result<std::vector<Site>> list_sites(Conn& c, const std::string& org_id) {
  static const std::string sql = "SELECT " + kSite.select_list() + " FROM sites WHERE org_id = ? ORDER BY name";
  auto rows = TRY(c.query(sql, {org_id}));
  std::vector<Site> out;
  for (const auto& r : rows) out.push_back(kSite.read(r));
  return out;
}

Result<void> insert_site(Conn& c, const Site& s, const std::string& by, const std::string& now) {
  static const std::string sql = "INSERT INTO sites (" + kSite.insert_names() +
                                 ", created_at, updated_at, updated_by, version) VALUES (" +
                                 kSite.insert_placeholders() + ", ?, ?, ?, 1)";
  store::Params p;
  kSite.insert_values(s, p);
  p.insert(p.end(), {now, now, who(by)});
  TRY(c.exec(sql, p));
  return {};
}

Result<std::vector<Team>> list_teams(Conn& c, const std::string& org_id) {
  auto rows = TRY(c.query(kTeamSelect + " WHERE t.org_id = ? ORDER BY t.name", {org_id}));
  std::vector<Team> out;
  for (const auto& r : rows) out.push_back(team_from_row(r));
  return out;
}

Result<std::optional<Team>> get_team(Conn& c, const std::string& org_id, const std::string& id) {
  auto row = TRY(c.query_one(kTeamSelect + " WHERE t.org_id = ? AND t.id = ?", {org_id, id}));
  if (!row) return std::optional<Team>{};
  return std::optional<Team>{team_from_row(*row)};
}

Result<void> insert_team(Conn& c, const Team& t, const std::string& by) {
  static const std::string sql = "INSERT INTO teams (" + kTeam.insert_names() + ", updated_by, version) VALUES (" +
                                 kTeam.insert_placeholders() + ", ?, 1)";
  store::Params p;
  kTeam.insert_values(t, p);
  p.push_back(who(by));
  TRY(c.exec(sql, p));
  return {};
}

Result<void> update_team(Conn& c, const Team& t, std::int64_t expected_version, const std::string& by) {
  static const std::string sql = "UPDATE teams SET " + kTeam.assignments() +
                                 ", updated_by = ?, version = version + 1 WHERE org_id = ? AND id = ? AND version = ?";
  store::Params p;
  kTeam.update_values(t, p);
  p.insert(p.end(), {by, t.org_id, t.id, expected_version});
  auto changed = TRY(c.exec(sql, p));
  return store::check_versioned_update(c, changed, "teams", t.org_id, t.id, expected_version, "team");
}

Result<std::vector<std::string>> missing_teams(Conn& c, const std::string& org_id,
                                               const std::vector<std::string>& ids) {
  if (ids.empty()) return std::vector<std::string>{};
  store::Params p{org_id};
  for (const auto& id : ids) p.emplace_back(id);
  auto rows =
      TRY(c.query("SELECT id FROM teams WHERE org_id = ? AND id IN (" + store::placeholders(ids.size()) + ")", p));
  std::vector<std::string> missing;
  for (const auto& id : ids) {
    bool found = false;
    for (const auto& r : rows) found = found || r.text(0) == id;
    if (!found) missing.push_back(id);
  }
  return missing;
}

Result<void> insert_session(Conn& c, const Session& s, const std::string& token_hash) {
  static const std::string sql = "INSERT INTO sessions (" + kSession.insert_names() + ", token_hash) VALUES (" +
                                 kSession.insert_placeholders() + ", ?)";
  store::Params p;
  kSession.insert_values(s, p);
  p.emplace_back(token_hash);
  TRY(c.exec(sql, p));
  return {};
}

Result<std::optional<std::pair<Session, std::string>>> find_live_session(Conn& c, const std::string& token_hash) {
  auto row = TRY(c.query_one(kSelectSessions + " WHERE token_hash = ? AND ended_at IS NULL", {token_hash}));
  using Out = std::optional<std::pair<Session, std::string>>;
  if (!row) return Out{};
  return Out{std::pair{kSession.read(*row), std::string()}};
}

Result<void> touch_session(Conn& c, const std::string& org_id, const std::string& id, const std::string& now) {
  TRY(c.exec("UPDATE sessions SET last_seen_at = ? WHERE org_id = ? AND id = ? AND ended_at IS NULL",
             {now, org_id, id}));
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
  return c.exec(
      "UPDATE sessions SET ended_at = ?, ended_reason = ? WHERE org_id = ? AND user_id = ? AND id <> ?"
      " AND ended_at IS NULL",
      {now, reason, org_id, user_id, keep});
}

Result<std::vector<Session>> list_live_sessions(Conn& c, const std::string& org_id, const std::string& user_id,
                                                const std::string& idle_cutoff, const std::string& now) {
  auto rows = TRY(c.query(kSelectSessions + " WHERE org_id = ? AND user_id = ? AND ended_at IS NULL"
                                            " AND last_seen_at > ? AND expires_at > ? ORDER BY last_seen_at DESC",
                          {org_id, user_id, idle_cutoff, now}));
  std::vector<Session> out;
  for (const auto& r : rows) out.push_back(kSession.read(r));
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
  auto rows =
      TRY(c.query("SELECT at FROM login_attempts WHERE client_address = ? AND succeeded = 0 AND at > ? ORDER BY at",
                  {client, since}));
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.text(0));
  return out;
}

}  // namespace trellis::access::db
