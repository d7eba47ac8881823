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

// Invitations to sign in (a person's own, or a supporter's).
Result<void> insert_invitation(Conn& c, const Invitation& inv, const std::string& token_hash);
Result<std::vector<Invitation>> invitations_for_person(Conn& c, const std::string& org_id, const std::string& person_id);
Result<std::optional<Invitation>> find_invitation_by_token(Conn& c, const std::string& token_hash);
// Withdraws the invitations still waiting for the same sign-in; returns how many.
Result<std::int64_t> revoke_waiting_invitations(Conn& c, const Invitation& like, const std::string& by,
                                                const std::string& now);
Result<std::int64_t> revoke_invitation(Conn& c, const std::string& org_id, const std::string& id, const std::string& by,
                                       const std::string& now);
// 1 when this call took the invitation, 0 when it was already used, withdrawn or expired.
Result<std::int64_t> accept_invitation(Conn& c, const std::string& org_id, const std::string& id,
                                       const std::string& user_id, const std::string& now);
// Does the person (no supporter) or the supporter already have an active sign-in?
Result<bool> has_active_sign_in(Conn& c, const std::string& org_id, const std::string& person_id,
                                const std::optional<std::string>& supporter_id);

// Two-step sign-in.
struct TwoStepFactor {
  std::string secret;
  std::optional<std::string> confirmed_at;
  std::int64_t last_counter = 0;
};
struct TwoStepChallenge {
  std::string org_id, id, user_id, expires_at;
  std::int64_t failures = 0;
  std::optional<std::string> used_at;
};
Result<void> set_require_two_step(Conn& c, const std::string& org_id, bool required);
Result<void> clear_two_step_setup(Conn& c, const std::string& org_id, const std::string& user_id);
Result<std::optional<TwoStepFactor>> get_factor(Conn& c, const std::string& org_id, const std::string& user_id);
Result<void> put_unconfirmed_factor(Conn& c, const std::string& org_id, const std::string& user_id,
                                    const std::string& secret, const std::string& now);
// Records the step a code belonged to (and confirms the factor when asked); 0 when that step, or
// a later one, was used already: a code works once.
Result<std::int64_t> use_counter(Conn& c, const std::string& org_id, const std::string& user_id, std::int64_t counter,
                                 const std::optional<std::string>& confirm_at);
Result<void> delete_two_step(Conn& c, const std::string& org_id, const std::string& user_id);
Result<void> replace_recovery_codes(Conn& c, const std::string& org_id, const std::string& user_id,
                                    const std::vector<std::string>& hashes);
Result<std::int64_t> use_recovery_code(Conn& c, const std::string& org_id, const std::string& user_id,
                                       const std::string& hash, const std::string& now);
Result<std::int64_t> recovery_codes_left(Conn& c, const std::string& org_id, const std::string& user_id);
Result<void> insert_challenge(Conn& c, const TwoStepChallenge& ch, const std::string& token_hash);
Result<std::optional<TwoStepChallenge>> find_challenge(Conn& c, const std::string& token_hash);
Result<void> count_challenge_failure(Conn& c, const std::string& org_id, const std::string& id);
Result<std::int64_t> use_challenge(Conn& c, const std::string& org_id, const std::string& id, const std::string& now);

}  // namespace trellis::access::db
