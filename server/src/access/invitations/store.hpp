// The SQL of invitations to sign in: a person's own, or a supporter's.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "access/model.hpp"
#include "store/db.hpp"

namespace trellis::access::db {

using store::Conn;

Result<void> insert_invitation(Conn& c, const Invitation& inv, const std::string& token_hash);
Result<std::vector<Invitation>> invitations_for_person(Conn& c, const std::string& org_id,
                                                       const std::string& person_id);
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

}  // namespace trellis::access::db
