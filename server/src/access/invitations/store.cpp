#include "access/invitations/store.hpp"

#include "core/ids.hpp"
#include "store/columns.hpp"
#include "store/sql.hpp"
#include "store/versioning.hpp"

namespace trellis::access::db {

namespace {

using store::column;

// An invitation as made; its acceptance and revocation are written by their own statements.
const store::Columns<Invitation> kInvitation{
    column<&Invitation::org_id>("org_id"),
    column<&Invitation::id>("id"),
    column<&Invitation::person_id>("person_id"),
    column<&Invitation::supporter_id>("supporter_id"),
    column<&Invitation::display_name>("display_name"),
    column<&Invitation::created_by>("created_by"),
    column<&Invitation::created_at>("created_at"),
    column<&Invitation::expires_at>("expires_at"),
    column<&Invitation::accepted_at>("accepted_at"),
    column<&Invitation::user_id>("user_id"),
    column<&Invitation::revoked_at>("revoked_at"),
    column<&Invitation::revoked_by>("revoked_by"),
};
// Each invitation with the name of whoever made it.
const std::string kInvitationSelect = "SELECT " + kInvitation.select_list("i") +
                                      ", COALESCE(u.display_name, '') FROM invitations i LEFT JOIN users u ON u.org_id "
                                      "= i.org_id AND u.id = i.created_by";

Invitation invitation_from_row(const store::Row& r) {
  auto i = kInvitation.read(r);
  i.created_by_name = r.text(kInvitation.size());
  return i;
}

}  // namespace

Result<void> insert_invitation(Conn& c, const Invitation& i, const std::string& token_hash) {
  static const std::string sql = "INSERT INTO invitations (" + kInvitation.insert_names() + ", token_hash) VALUES (" +
                                 kInvitation.insert_placeholders() + ", ?)";
  store::Params p;
  kInvitation.insert_values(i, p);
  p.emplace_back(token_hash);
  TRY(c.exec(sql, p));
  return {};
}

Result<std::vector<Invitation>> invitations_for_person(Conn& c, const std::string& org_id,
                                                       const std::string& person_id) {
  auto rows = TRY(c.query(
      kInvitationSelect + " WHERE i.org_id = ? AND i.person_id = ? ORDER BY i.created_at DESC, i.id DESC LIMIT 200",
      {org_id, person_id}));
  std::vector<Invitation> out;
  for (const auto& r : rows) out.push_back(invitation_from_row(r));
  return out;
}

Result<std::optional<Invitation>> find_invitation_by_token(Conn& c, const std::string& token_hash) {
  auto row = TRY(c.query_one(kInvitationSelect + " WHERE i.token_hash = ?", {token_hash}));
  if (!row) return std::optional<Invitation>{};
  return std::optional<Invitation>{invitation_from_row(*row)};
}

Result<std::int64_t> revoke_waiting_invitations(Conn& c, const Invitation& like, const std::string& by,
                                                const std::string& now) {
  if (like.supporter_id)
    return c.exec(
        "UPDATE invitations SET revoked_at = ?, revoked_by = ? WHERE org_id = ? AND person_id = ?"
        " AND supporter_id = ? AND accepted_at IS NULL AND revoked_at IS NULL",
        {now, by, like.org_id, like.person_id, *like.supporter_id});
  return c.exec(
      "UPDATE invitations SET revoked_at = ?, revoked_by = ? WHERE org_id = ? AND person_id = ?"
      " AND supporter_id IS NULL AND accepted_at IS NULL AND revoked_at IS NULL",
      {now, by, like.org_id, like.person_id});
}

Result<std::int64_t> revoke_invitation(Conn& c, const std::string& org_id, const std::string& id, const std::string& by,
                                       const std::string& now) {
  return c.exec(
      "UPDATE invitations SET revoked_at = ?, revoked_by = ? WHERE org_id = ? AND id = ?"
      " AND accepted_at IS NULL AND revoked_at IS NULL",
      {now, by, org_id, id});
}

Result<std::int64_t> accept_invitation(Conn& c, const std::string& org_id, const std::string& id,
                                       const std::string& user_id, const std::string& now) {
  return c.exec(
      "UPDATE invitations SET accepted_at = ?, user_id = ? WHERE org_id = ? AND id = ?"
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
