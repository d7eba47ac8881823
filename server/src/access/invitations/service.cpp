// Invitations to sign in: a worker issues one, the person or supporter accepts it and chooses
// their own password. Nobody else ever sets or knows it (issue 9).
#include "access/passwords.hpp"
#include "access/service.hpp"
#include "access/invitations/store.hpp"
#include "access/store.hpp"
#include "access/two_step/store.hpp"
#include "core/ids.hpp"

namespace trellis::access {
namespace {

Error invitation_not_valid() {
  return Error::make(ErrorKind::not_found, "This invitation link does not work",
                     "Check that the whole link was copied, or ask the worker who gave it to you for a new one.",
                     "invitation_not_found");
}

Error invitation_closed(const std::string& state) {
  if (state == "accepted")
    return Error::make(ErrorKind::conflict, "This invitation has already been used",
                       "Sign in with the email and password chosen then. If that was not you, tell your worker.",
                       "invitation_used");
  if (state == "expired")
    return Error::make(ErrorKind::conflict, "This invitation has expired",
                       "Invitations last 7 days. Ask your worker for a new one.", "invitation_expired");
  return Error::make(ErrorKind::conflict, "This invitation was withdrawn",
                     "Ask your worker for a new one if you still want to sign in.", "invitation_withdrawn");
}

Error already_signed_up() {
  return Error::make(
      ErrorKind::conflict, "There is already a sign-in for this",
      "They can sign in with it. If it is lost, an administrator can switch it off; then send a new invitation.",
      "sign_in_exists");
}

}  // namespace

Result<IssuedInvitation> AccessService::issue_invitation(const access::Actor& actor, const std::string& person_id,
                                                         const std::optional<std::string>& supporter_id,
                                                         const std::string& display_name) {
  auto now = clock_.now();
  IssuedInvitation out;
  out.token = random_token(32);
  auto& i = out.invitation;
  i.org_id = actor.org_id;
  i.id = new_id();
  i.person_id = person_id;
  i.supporter_id = supporter_id;
  i.display_name = display_name;
  i.created_by = actor.user_id.value_or("");
  i.created_at = to_iso(now);
  i.expires_at = to_iso(now + kInvitationLifetime);
  return db_.write([&](store::Conn& c) -> Result<IssuedInvitation> {
    if (TRY(db::has_active_sign_in(c, i.org_id, person_id, supporter_id))) return fail(already_signed_up());
    // One live link at a time: a new one replaces any still waiting.
    auto replaced = TRY(db::revoke_waiting_invitations(c, i, i.created_by, i.created_at));
    TRY_VOID(db::insert_invitation(c, i, sha256_hex(out.token)));
    auto e = actor.about_person("invitation.issue", "invitation", i.id, person_id);
    e.detail = std::string(supporter_id ? "supporter " + *supporter_id : "the person") + "; expires " + i.expires_at +
               (replaced ? "; replaces an earlier invitation" : "");
    TRY_VOID(append_audit(c, e, now));
    return out;
  });
}

Result<std::vector<Invitation>> AccessService::invitations(const std::string& org_id, const std::string& person_id) {
  return db_.read([&](store::Conn& c) { return db::invitations_for_person(c, org_id, person_id); });
}

Result<Invitation> AccessService::revoke_invitation(const access::Actor& actor, const std::string& person_id,
                                                    const std::string& invitation_id) {
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<Invitation> {
    for (auto& i : TRY(db::invitations_for_person(c, actor.org_id, person_id))) {
      if (i.id != invitation_id) continue;
      auto state = i.state(to_iso(now));
      if (state != "waiting") return fail(invitation_closed(state));
      TRY(db::revoke_invitation(c, actor.org_id, i.id, actor.user_id.value_or(""), to_iso(now)));
      TRY_VOID(append_audit(c, actor.about_person("invitation.withdraw", "invitation", i.id, person_id), now));
      i.revoked_at = to_iso(now);
      i.revoked_by = actor.user_id;
      return i;
    }
    return fail(ErrorKind::not_found, "We could not find that invitation", "", "not_found");
  });
}

Result<std::pair<Invitation, Org>> AccessService::inspect_invitation(const std::string& token) {
  auto now = to_iso(clock_.now());
  return db_.read([&](store::Conn& c) -> Result<std::pair<Invitation, Org>> {
    auto i = TRY(db::find_invitation_by_token(c, sha256_hex(token)));
    if (!i) return fail(invitation_not_valid());
    if (auto state = i->state(now); state != "waiting") return fail(invitation_closed(state));
    auto org = TRY(db::get_org(c, i->org_id));
    if (!org) return fail(invitation_not_valid());
    return std::pair{*i, *org};
  });
}

Result<SignedIn> AccessService::accept_invitation(const std::string& token, const std::string& email_in,
                                                  const std::string& password, const std::string& client,
                                                  const std::string& user_agent, const std::string& request_id) {
  auto found = TRY(inspect_invitation(token)).first;
  std::string email = email_in;
  for (auto& ch : email) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  TRY_VOID(check_new_password("password", password, {email, found.display_name}));
  auto hash = hash_password(password);
  auto now = clock_.now();
  User u;
  u.org_id = found.org_id;
  u.id = new_id();
  u.email = email;
  u.display_name = found.display_name;
  u.role = found.supporter_id ? Role::supporter : Role::person;
  u.person_id = found.supporter_id ? std::nullopt : std::optional(found.person_id);
  u.supporter_id = found.supporter_id;
  u.created_at = u.updated_at = to_iso(now);
  return db_.write([&](store::Conn& c) -> Result<SignedIn> {
    if (TRY(db::has_active_sign_in(c, u.org_id, found.person_id, found.supporter_id))) return fail(already_signed_up());
    auto ins = db::insert_user(c, u, hash, u.id);
    if (!ins && store::is_unique_violation(ins.error()))
      return fail(Error::field(ErrorKind::conflict, "email", "is already used by another account; choose another"));
    TRY_VOID(ins);
    // Taken in the same transaction as the account: two tabs racing for one link make one account.
    if (TRY(db::accept_invitation(c, u.org_id, found.id, u.id, u.created_at)) != 1)
      return fail(invitation_closed("accepted"));
    AuditEntry e;
    e.org_id = u.org_id;
    e.actor_id = u.id;
    e.actor_role = std::string(role_name(u.role));
    e.action = "invitation.accept";
    e.entity_type = "invitation";
    e.entity_id = found.id;
    e.person_id = found.person_id;
    e.request_id = request_id;
    e.client_address = client;
    e.detail = "sign-in made for " + std::string(role_name(u.role));
    TRY_VOID(append_audit(c, e, now));
    return open_session(c, u, client, user_agent, now);
  });
}

}  // namespace trellis::access
