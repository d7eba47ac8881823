#include "access/two_step/store.hpp"

#include "core/ids.hpp"
#include "store/columns.hpp"
#include "store/sql.hpp"
#include "store/versioning.hpp"

namespace trellis::access::db {
namespace {

using store::column;

const store::Columns<TwoStepFactor> kFactor{
    column<&TwoStepFactor::secret>("secret"),
    column<&TwoStepFactor::confirmed_at>("confirmed_at"),
    column<&TwoStepFactor::last_counter>("last_counter"),
};
// A challenge's token is kept only as its hash, written beside these and never read back.
const store::Columns<TwoStepChallenge> kChallenge{
    column<&TwoStepChallenge::org_id>("org_id"),     column<&TwoStepChallenge::id>("id"),
    column<&TwoStepChallenge::user_id>("user_id"),   column<&TwoStepChallenge::expires_at>("expires_at"),
    column<&TwoStepChallenge::failures>("failures"), column<&TwoStepChallenge::used_at>("used_at"),
};

}  // namespace

Result<void> set_require_two_step(Conn& c, const std::string& org_id, bool required) {
  TRY(c.exec("UPDATE orgs SET require_two_step = ? WHERE org_id = ?", {required, org_id}));
  return {};
}

Result<void> clear_two_step_setup(Conn& c, const std::string& org_id, const std::string& user_id) {
  TRY(c.exec("UPDATE sessions SET two_step_setup_required = 0 WHERE org_id = ? AND user_id = ?", {org_id, user_id}));
  return {};
}

Result<std::optional<TwoStepFactor>> get_factor(Conn& c, const std::string& org_id, const std::string& user_id) {
  static const std::string sql =
      "SELECT " + kFactor.select_list() + " FROM two_step_factors WHERE org_id = ? AND user_id = ?";
  auto row = TRY(c.query_one(sql, {org_id, user_id}));
  if (!row) return std::optional<TwoStepFactor>{};
  return std::optional<TwoStepFactor>{kFactor.read(*row)};
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
    return c.exec(
        "UPDATE two_step_factors SET last_counter = ?, confirmed_at = ? WHERE org_id = ? AND user_id = ?"
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
    TRY(c.exec("INSERT INTO two_step_recovery_codes (org_id, user_id, code_hash) VALUES (?, ?, ?)",
               {org_id, user_id, h}));
  return {};
}

Result<std::int64_t> use_recovery_code(Conn& c, const std::string& org_id, const std::string& user_id,
                                       const std::string& hash, const std::string& now) {
  return c.exec(
      "UPDATE two_step_recovery_codes SET used_at = ? WHERE org_id = ? AND user_id = ? AND code_hash = ?"
      " AND used_at IS NULL",
      {now, org_id, user_id, hash});
}

Result<std::int64_t> recovery_codes_left(Conn& c, const std::string& org_id, const std::string& user_id) {
  auto row = TRY(
      c.query_one("SELECT COUNT(*) FROM two_step_recovery_codes WHERE org_id = ? AND user_id = ? AND used_at IS NULL",
                  {org_id, user_id}));
  return row ? row->integer(0) : 0;
}

Result<void> insert_challenge(Conn& c, const TwoStepChallenge& ch, const std::string& token_hash) {
  static const std::string sql = "INSERT INTO two_step_challenges (" + kChallenge.insert_names() +
                                 ", token_hash) VALUES (" + kChallenge.insert_placeholders() + ", ?)";
  store::Params p;
  kChallenge.insert_values(ch, p);
  p.emplace_back(token_hash);
  TRY(c.exec(sql, p));
  return {};
}

Result<std::optional<TwoStepChallenge>> find_challenge(Conn& c, const std::string& token_hash) {
  static const std::string sql =
      "SELECT " + kChallenge.select_list() + " FROM two_step_challenges WHERE token_hash = ?";
  auto row = TRY(c.query_one(sql, {token_hash}));
  if (!row) return std::optional<TwoStepChallenge>{};
  return std::optional<TwoStepChallenge>{kChallenge.read(*row)};
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
