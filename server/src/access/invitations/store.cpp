#include "access/invitations/store.hpp"

#include "core/ids.hpp"
#include "store/sql.hpp"
#include "store/versioning.hpp"

namespace trellis::access::db {

namespace {
constexpr const char* kInvitationSelect =
    "SELECT i.org_id, i.id, i.person_id, i.supporter_id, i.display_name, i.created_by, i.created_at, i.expires_at,"
    " i.accepted_at, i.user_id, i.revoked_at, i.revoked_by, COALESCE(u.display_name, '')"
    " FROM invitations i LEFT JOIN users u ON u.org_id = i.org_id AND u.id = i.created_by";

Invitation invitation_from_row(const store::Row& r) {
  Invitation i;
  i.org_id = r.text(0);
  i.id = r.text(1);
  i.person_id = r.text(2);
  i.supporter_id = r.opt_text(3);
  i.display_name = r.text(4);
  i.created_by = r.text(5);
  i.created_at = r.text(6);
  i.expires_at = r.text(7);
  i.accepted_at = r.opt_text(8);
  i.user_id = r.opt_text(9);
  i.revoked_at = r.opt_text(10);
  i.revoked_by = r.opt_text(11);
  i.created_by_name = r.text(12);
  return i;
}
}  // namespace

Result<void> insert_invitation(Conn& c, const Invitation& i, const std::string& token_hash) {
  TRY(c.exec("INSERT INTO invitations (org_id, id, token_hash, person_id, supporter_id, display_name, created_by,"
             " created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
             {i.org_id, i.id, token_hash, i.person_id, i.supporter_id, i.display_name, i.created_by, i.created_at,
              i.expires_at}));
  return {};
}

Result<std::vector<Invitation>> invitations_for_person(Conn& c, const std::string& org_id, const std::string& person_id) {
  auto rows = TRY(c.query(std::string(kInvitationSelect) +
                              " WHERE i.org_id = ? AND i.person_id = ? ORDER BY i.created_at DESC, i.id DESC LIMIT 200",
                          {org_id, person_id}));
  std::vector<Invitation> out;
  for (const auto& r : rows) out.push_back(invitation_from_row(r));
  return out;
}

Result<std::optional<Invitation>> find_invitation_by_token(Conn& c, const std::string& token_hash) {
  auto row = TRY(c.query_one(std::string(kInvitationSelect) + " WHERE i.token_hash = ?", {token_hash}));
  if (!row) return std::optional<Invitation>{};
  return std::optional<Invitation>{invitation_from_row(*row)};
}

Result<std::int64_t> revoke_waiting_invitations(Conn& c, const Invitation& like, const std::string& by,
                                                const std::string& now) {
  if (like.supporter_id)
    return c.exec("UPDATE invitations SET revoked_at = ?, revoked_by = ? WHERE org_id = ? AND person_id = ?"
                  " AND supporter_id = ? AND accepted_at IS NULL AND revoked_at IS NULL",
                  {now, by, like.org_id, like.person_id, *like.supporter_id});
  return c.exec("UPDATE invitations SET revoked_at = ?, revoked_by = ? WHERE org_id = ? AND person_id = ?"
                " AND supporter_id IS NULL AND accepted_at IS NULL AND revoked_at IS NULL",
                {now, by, like.org_id, like.person_id});
}

Result<std::int64_t> revoke_invitation(Conn& c, const std::string& org_id, const std::string& id, const std::string& by,
                                       const std::string& now) {
  return c.exec("UPDATE invitations SET revoked_at = ?, revoked_by = ? WHERE org_id = ? AND id = ?"
                " AND accepted_at IS NULL AND revoked_at IS NULL",
                {now, by, org_id, id});
}

Result<std::int64_t> accept_invitation(Conn& c, const std::string& org_id, const std::string& id,
                                       const std::string& user_id, const std::string& now) {
  return c.exec("UPDATE invitations SET accepted_at = ?, user_id = ? WHERE org_id = ? AND id = ?"
                " AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?",
                {now, user_id, org_id, id, now});
}

Result<bool> has_active_sign_in(Conn& c, const std::string& org_id, const std::string& person_id,
                                const std::optional<std::string>& supporter_id) {
  if (supporter_id)
    return TRY(c.query_one("SELECT 1 FROM users WHERE org_id = ? AND supporter_id = ? AND active = 1",
                           {org_id, *supporter_id}))
        .has_value();
  return TRY(c.query_one("SELECT 1 FROM users WHERE org_id = ? AND person_id = ? AND active = 1", {org_id, person_id}))
      .has_value();
}


}  // namespace trellis::access::db
