// The access area's SQL: users, teams, sites, sessions and sign-in attempts.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "access/model.hpp"
#include "core/pagination.hpp"
#include "store/db.hpp"

namespace trellis::access::db {

using store::Conn;

// Users
struct UserWithHash {
  User user;
  std::string password_hash;
};
Result<std::optional<UserWithHash>> find_user_by_email(Conn& c, const std::string& email);
Result<std::optional<UserWithHash>> get_user(Conn& c, const std::string& org_id, const std::string& id);
struct UserFilter {
  std::optional<std::string> text;  // part of the name or email
  std::optional<std::string> role, team_id;
  std::optional<bool> active;
};
Result<std::vector<User>> list_users(Conn& c, const std::string& org_id, const UserFilter& f, const PageRequest& page);
Result<void> insert_user(Conn& c, const User& u, const std::string& password_hash, const std::string& by);
Result<void> update_user(Conn& c, const User& u, std::int64_t expected_version, const std::string& by,
                         const std::string& now);
Result<void> set_password(Conn& c, const std::string& org_id, const std::string& user_id, const std::string& hash,
                          const std::string& by, const std::string& now);
Result<void> set_user_teams(Conn& c, const std::string& org_id, const std::string& user_id,
                            const std::vector<std::string>& team_ids);
// Team ids for many users in one query.
Result<void> load_team_ids(Conn& c, const std::string& org_id, std::vector<User>& users);
Result<std::int64_t> count_active_admins(Conn& c, const std::string& org_id);

Result<std::optional<Org>> get_org(Conn& c, const std::string& org_id);
Result<std::vector<std::string>> list_org_ids(Conn& c);

// Sites and teams
Result<std::vector<Site>> list_sites(Conn& c, const std::string& org_id);
Result<void> insert_site(Conn& c, const Site& s, const std::string& by, const std::string& now);
Result<std::vector<Team>> list_teams(Conn& c, const std::string& org_id);
Result<std::optional<Team>> get_team(Conn& c, const std::string& org_id, const std::string& id);
Result<void> insert_team(Conn& c, const Team& t, const std::string& by);
Result<void> update_team(Conn& c, const Team& t, std::int64_t expected_version, const std::string& by);
// Which of these team ids do not exist in the organisation.
Result<std::vector<std::string>> missing_teams(Conn& c, const std::string& org_id, const std::vector<std::string>& ids);

// Sessions
Result<void> insert_session(Conn& c, const Session& s, const std::string& token_hash);
Result<std::optional<std::pair<Session, std::string>>> find_live_session(Conn& c, const std::string& token_hash);
Result<void> touch_session(Conn& c, const std::string& org_id, const std::string& id, const std::string& now);
Result<void> end_session(Conn& c, const std::string& org_id, const std::string& id, const std::string& now,
                         const std::string& reason);
// Ends every live session of a user except `keep` (empty: all); returns how many ended.
Result<std::int64_t> end_user_sessions(Conn& c, const std::string& org_id, const std::string& user_id,
                                       const std::string& keep, const std::string& now, const std::string& reason);
Result<std::vector<Session>> list_live_sessions(Conn& c, const std::string& org_id, const std::string& user_id,
                                                const std::string& idle_cutoff, const std::string& now);
Result<void> set_reauth(Conn& c, const std::string& org_id, const std::string& session_id, const std::string& now);

// Sign-in attempts
Result<void> record_attempt(Conn& c, const std::string& email, const std::string& client, const std::string& at,
                            bool succeeded);
// Times of failed attempts since `since` (and after the last success), oldest first.
Result<std::vector<std::string>> failures_for_email(Conn& c, const std::string& email, const std::string& since);
Result<std::vector<std::string>> failures_for_client(Conn& c, const std::string& client, const std::string& since);

}  // namespace trellis::access::db
