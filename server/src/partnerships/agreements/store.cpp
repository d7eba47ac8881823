#include "partnerships/agreements/store.hpp"

#include "access/policy.hpp"
#include "core/clock.hpp"
#include "core/ids.hpp"
#include "store/sql.hpp"
#include "store/versioning.hpp"

namespace trellis::partnerships::db {

namespace {

constexpr const char* kPartnerColumns =
    "id, name, directory_organization_id, status, agreement_purpose, agreement_roles, information_sharing,"
    " response_days, taking_referrals, wait_weeks, agreement_starts_on, agreement_review_on, version,"
    " referral_required_parts, referral_guidance, agreement_expectations, agreement_contacts, our_resources,"
    " partner_resources, capacity_updated_at";

Partner partner_from_row(const store::Row& r) {
  Partner p;
  p.id = r.text(0);
  p.name = r.text(1);
  p.directory_organization_id = r.text(2);
  p.status = r.text(3);
  p.agreement_purpose = r.text(4);
  p.agreement_roles = r.text(5);
  p.information_sharing = r.text(6);
  p.response_days = static_cast<int>(r.integer(7));
  p.taking_referrals = r.boolean(8);
  if (!r.is_null(9)) p.wait_weeks = static_cast<int>(r.integer(9));
  p.agreement_starts_on = r.opt_text(10);
  p.agreement_review_on = r.opt_text(11);
  p.version = r.integer(12);
  p.required_parts = access::split_parts(r.text(13));
  p.referral_guidance = r.text(14);
  p.agreement_expectations = r.text(15);
  p.agreement_contacts = r.text(16);
  p.our_resources = r.text(17);
  p.partner_resources = r.text(18);
  p.capacity_updated_at = r.opt_text(19);
  return p;
}

}  // namespace

Result<std::vector<Partner>> partners(Conn& c, const std::string& org_id) {
  auto rows = TRY(c.query(std::string("SELECT ") + kPartnerColumns + " FROM partners WHERE org_id = ? ORDER BY name", {org_id}));
  std::vector<Partner> out;
  for (const auto& r : rows) out.push_back(partner_from_row(r));
  return out;
}

Result<std::optional<Partner>> partner(Conn& c, const std::string& org_id, const std::string& id) {
  auto row = TRY(c.query_one(std::string("SELECT ") + kPartnerColumns + " FROM partners WHERE org_id = ? AND id = ?",
                             {org_id, id}));
  if (!row) return std::optional<Partner>{};
  return std::optional<Partner>{partner_from_row(*row)};
}

Result<void> insert_partner(Conn& c, const std::string& org_id, const Partner& p, const std::string& at, const std::string& by) {
  TRY(c.exec("INSERT INTO partners (org_id, id, name, directory_organization_id, status, agreement_purpose,"
             " agreement_roles, information_sharing, response_days, taking_referrals, wait_weeks, agreement_starts_on,"
             " agreement_review_on, created_at, updated_at, updated_by, version, referral_required_parts,"
             " referral_guidance, agreement_expectations, agreement_contacts, our_resources, partner_resources)"
             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)",
             {org_id, p.id, p.name, p.directory_organization_id, p.status, p.agreement_purpose, p.agreement_roles,
              p.information_sharing, p.response_days, p.taking_referrals,
              p.wait_weeks ? store::Value(*p.wait_weeks) : store::Value(), p.agreement_starts_on, p.agreement_review_on,
              at, at, by, access::join_parts(p.required_parts), p.referral_guidance, p.agreement_expectations,
              p.agreement_contacts, p.our_resources, p.partner_resources}));
  return {};
}

Result<void> update_partner(Conn& c, const std::string& org_id, const Partner& p, std::int64_t expected_version,
                            const std::string& at, const std::string& by) {
  auto changed = TRY(c.exec(
      "UPDATE partners SET name = ?, directory_organization_id = ?, status = ?, agreement_purpose = ?,"
      " agreement_roles = ?, information_sharing = ?, response_days = ?, taking_referrals = ?, wait_weeks = ?,"
      " agreement_starts_on = ?, agreement_review_on = ?, referral_required_parts = ?, referral_guidance = ?,"
      " agreement_expectations = ?, agreement_contacts = ?, our_resources = ?, partner_resources = ?,"
      " capacity_updated_at = ?, updated_at = ?, updated_by = ?, version = version + 1"
      " WHERE org_id = ? AND id = ? AND version = ?",
      {p.name, p.directory_organization_id, p.status, p.agreement_purpose, p.agreement_roles, p.information_sharing,
       p.response_days, p.taking_referrals, p.wait_weeks ? store::Value(*p.wait_weeks) : store::Value(),
       p.agreement_starts_on, p.agreement_review_on, access::join_parts(p.required_parts), p.referral_guidance,
       p.agreement_expectations, p.agreement_contacts, p.our_resources, p.partner_resources, p.capacity_updated_at, at,
       by, org_id, p.id, expected_version}));
  return store::check_versioned_update(c, changed, "partners", org_id, p.id, expected_version, "partner agency");
}

Result<void> insert_partner_document(Conn& c, const std::string& org_id, const PartnerDocument& d,
                                     const std::string& data_base64, const std::string& by) {
  TRY(c.exec("INSERT INTO partner_documents (org_id, id, partner_id, name, content_type, size_bytes, data_base64,"
             " uploaded_at, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
             {org_id, d.id, d.partner_id, d.name, d.content_type, d.size_bytes, data_base64, d.uploaded_at, by}));
  return {};
}

Result<std::vector<PartnerDocument>> partner_documents(Conn& c, const std::string& org_id, const std::string& partner_id) {
  auto rows = TRY(c.query("SELECT id, partner_id, name, content_type, uploaded_at, size_bytes FROM partner_documents"
                          " WHERE org_id = ? AND partner_id = ? ORDER BY uploaded_at DESC, id",
                          {org_id, partner_id}));
  std::vector<PartnerDocument> out;
  for (const auto& r : rows) out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.integer(5)});
  return out;
}

Result<std::optional<std::pair<PartnerDocument, std::string>>> partner_document(Conn& c, const std::string& org_id,
                                                                                const std::string& partner_id,
                                                                                const std::string& id) {
  auto r = TRY(c.query_one("SELECT id, partner_id, name, content_type, uploaded_at, size_bytes, data_base64"
                           " FROM partner_documents WHERE org_id = ? AND partner_id = ? AND id = ?",
                           {org_id, partner_id, id}));
  if (!r) return std::optional<std::pair<PartnerDocument, std::string>>{};
  return std::optional<std::pair<PartnerDocument, std::string>>{
      std::pair{PartnerDocument{r->text(0), r->text(1), r->text(2), r->text(3), r->text(4), r->integer(5)}, r->text(6)}};
}


}  // namespace trellis::partnerships::db
