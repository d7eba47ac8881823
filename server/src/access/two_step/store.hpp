// The SQL of two-step sign-in: factors, codes used, recovery codes and pending challenges.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "access/model.hpp"
#include "store/db.hpp"

namespace trellis::access::db {

using store::Conn;

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
