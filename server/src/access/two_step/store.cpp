#include "access/two_step/store.hpp"

#include "core/ids.hpp"
#include "store/sql.hpp"
#include "store/versioning.hpp"

namespace trellis::access::db {

Result<void> set_require_two_step(Conn& c, const std::string& org_id, bool required) {
  TRY(c.exec("UPDATE orgs SET require_two_step = ? WHERE org_id = ?", {required, org_id}));
  return {};
}

Result<void> clear_two_step_setup(Conn& c, const std::string& org_id, const std::string& user_id) {
  TRY(c.exec("UPDATE sessions SET two_step_setup_required = 0 WHERE org_id = ? AND user_id = ?", {org_id, user_id}));
  return {};
}

Result<std::optional<TwoStepFactor>> get_factor(Conn& c, const std::string& org_id, const std::string& user_id) {
  auto row = TRY(c.query_one("SELECT secret, confirmed_at, last_counter FROM two_step_factors WHERE org_id = ? AND user_id = ?",
                             {org_id, user_id}));
  if (!row) return std::optional<TwoStepFactor>{};
  return std::optional<TwoStepFactor>{TwoStepFactor{row->text(0), row->opt_text(1), row->integer(2)}};
}

Result<void> put_unconfirmed_factor(Conn& c, const std::string& org_id, const std::string& user_id,
                                    const std::string& secret, const std::string& now) {
  TRY(c.exec("DELETE FROM two_step_factors WHERE org_id = ? AND user_id = ?", {org_id, user_id}));
  TRY(c.exec("INSERT INTO two_step_factors (org_id, user_id, secret, created_at) VALUES (?, ?, ?, ?)",
             {org_id, user_id, secret, now}));
  return {};
}

Result<std::int64_t> use_counter(Conn& c, const std::string& org_id, const std::string& user_id, std::int64_t counter,
                                 const std::optional<std::string>& confirm_at) {
  if (confirm_at)
    return c.exec("UPDATE two_step_factors SET last_counter = ?, confirmed_at = ? WHERE org_id = ? AND user_id = ?"
                  " AND last_counter < ?",
                  {counter, *confirm_at, org_id, user_id, counter});
  return c.exec("UPDATE two_step_factors SET last_counter = ? WHERE org_id = ? AND user_id = ? AND last_counter < ?",
                {counter, org_id, user_id, counter});
}

Result<void> delete_two_step(Conn& c, const std::string& org_id, const std::string& user_id) {
  TRY(c.exec("DELETE FROM two_step_factors WHERE org_id = ? AND user_id = ?", {org_id, user_id}));
  TRY(c.exec("DELETE FROM two_step_recovery_codes WHERE org_id = ? AND user_id = ?", {org_id, user_id}));
  return {};
}

Result<void> replace_recovery_codes(Conn& c, const std::string& org_id, const std::string& user_id,
                                    const std::vector<std::string>& hashes) {
  TRY(c.exec("DELETE FROM two_step_recovery_codes WHERE org_id = ? AND user_id = ?", {org_id, user_id}));
  for (const auto& h : hashes)
    TRY(c.exec("INSERT INTO two_step_recovery_codes (org_id, user_id, code_hash) VALUES (?, ?, ?)", {org_id, user_id, h}));
  return {};
}

Result<std::int64_t> use_recovery_code(Conn& c, const std::string& org_id, const std::string& user_id,
                                       const std::string& hash, const std::string& now) {
  return c.exec("UPDATE two_step_recovery_codes SET used_at = ? WHERE org_id = ? AND user_id = ? AND code_hash = ?"
                " AND used_at IS NULL",
                {now, org_id, user_id, hash});
}

Result<std::int64_t> recovery_codes_left(Conn& c, const std::string& org_id, const std::string& user_id) {
  auto row = TRY(c.query_one("SELECT COUNT(*) FROM two_step_recovery_codes WHERE org_id = ? AND user_id = ? AND used_at IS NULL",
                             {org_id, user_id}));
  return row ? row->integer(0) : 0;
}

Result<void> insert_challenge(Conn& c, const TwoStepChallenge& ch, const std::string& token_hash) {
  TRY(c.exec("INSERT INTO two_step_challenges (org_id, id, token_hash, user_id, expires_at) VALUES (?, ?, ?, ?, ?)",
             {ch.org_id, ch.id, token_hash, ch.user_id, ch.expires_at}));
  return {};
}

Result<std::optional<TwoStepChallenge>> find_challenge(Conn& c, const std::string& token_hash) {
  auto row = TRY(c.query_one("SELECT org_id, id, user_id, expires_at, failures, used_at FROM two_step_challenges"
                             " WHERE token_hash = ?",
                             {token_hash}));
  if (!row) return std::optional<TwoStepChallenge>{};
  return std::optional<TwoStepChallenge>{
      TwoStepChallenge{row->text(0), row->text(1), row->text(2), row->text(3), row->integer(4), row->opt_text(5)}};
}

Result<void> count_challenge_failure(Conn& c, const std::string& org_id, const std::string& id) {
  TRY(c.exec("UPDATE two_step_challenges SET failures = failures + 1 WHERE org_id = ? AND id = ?", {org_id, id}));
  return {};
}

Result<std::int64_t> use_challenge(Conn& c, const std::string& org_id, const std::string& id, const std::string& now) {
  return c.exec("UPDATE two_step_challenges SET used_at = ? WHERE org_id = ? AND id = ? AND used_at IS NULL",
                {now, org_id, id});
}


}  // namespace trellis::access::db
