#include "partnerships/agreements/store.hpp"

#include "access/policy.hpp"
#include "core/clock.hpp"
#include "core/ids.hpp"
#include "store/columns.hpp"
#include "store/sql.hpp"
#include "store/versioning.hpp"

namespace trellis::partnerships::db {

namespace {

using store::column;
using store::Written;

const store::Columns<Partner> kPartner{
    column<&Partner::id>("id", Written::on_insert),
    column<&Partner::name>("name"),
    column<&Partner::directory_organization_id>("directory_organization_id"),
    column<&Partner::status>("status"),
    column<&Partner::agreement_purpose>("agreement_purpose"),
    column<&Partner::agreement_roles>("agreement_roles"),
    column<&Partner::information_sharing>("information_sharing"),
    column<&Partner::response_days>("response_days"),
    column<&Partner::taking_referrals>("taking_referrals"),
    column<&Partner::wait_weeks>("wait_weeks"),
    column<&Partner::agreement_starts_on>("agreement_starts_on"),
    column<&Partner::agreement_review_on>("agreement_review_on"),
    {"referral_required_parts", [](const Partner& p) -> store::Value { return access::join_parts(p.required_parts); },
     [](Partner& p, const store::Row& r, std::size_t i) { p.required_parts = access::split_parts(r.text(i)); }},
    column<&Partner::referral_guidance>("referral_guidance"),
    column<&Partner::agreement_expectations>("agreement_expectations"),
    column<&Partner::agreement_contacts>("agreement_contacts"),
    column<&Partner::our_resources>("our_resources"),
    column<&Partner::partner_resources>("partner_resources"),
    column<&Partner::capacity_updated_at>("capacity_updated_at"),
    column<&Partner::version>("version", Written::never),
};
// A document's details; its bytes (data_base64) are read only when it is opened.
const store::Columns<PartnerDocument> kDocument{
    column<&PartnerDocument::id>("id"),
    column<&PartnerDocument::partner_id>("partner_id"),
    column<&PartnerDocument::name>("name"),
    column<&PartnerDocument::content_type>("content_type"),
    column<&PartnerDocument::uploaded_at>("uploaded_at"),
    column<&PartnerDocument::size_bytes>("size_bytes"),
};

const std::string kSelectPartners = "SELECT " + kPartner.select_list() + " FROM partners WHERE org_id = ?";

}  // namespace

Result<std::vector<Partner>> partners(Conn& c, const std::string& org_id) {
  auto rows = TRY(c.query(kSelectPartners + " ORDER BY name", {org_id}));
  std::vector<Partner> out;
  for (const auto& r : rows) out.push_back(kPartner.read(r));
  return out;
}

Result<std::optional<Partner>> partner(Conn& c, const std::string& org_id, const std::string& id) {
  auto row = TRY(c.query_one(kSelectPartners + " AND id = ?", {org_id, id}));
  if (!row) return std::optional<Partner>{};
  return std::optional<Partner>{kPartner.read(*row)};
}

Result<void> insert_partner(Conn& c, const std::string& org_id, const Partner& p, const std::string& at,
                            const std::string& by) {
  static const std::string sql = "INSERT INTO partners (org_id, " + kPartner.insert_names() +
                                 ", created_at, updated_at, updated_by, version) VALUES (?, " +
                                 kPartner.insert_placeholders() + ", ?, ?, ?, 1)";
  store::Params params{org_id};
  kPartner.insert_values(p, params);
  params.insert(params.end(), {at, at, by});
  TRY(c.exec(sql, params));
  return {};
}

Result<void> update_partner(Conn& c, const std::string& org_id, const Partner& p, std::int64_t expected_version,
                            const std::string& at, const std::string& by) {
  static const std::string sql = "UPDATE partners SET " + kPartner.assignments() +
                                 ", updated_at = ?, updated_by = ?, version = version + 1"
                                 " WHERE org_id = ? AND id = ? AND version = ?";
  store::Params params;
  kPartner.update_values(p, params);
  params.insert(params.end(), {at, by, org_id, p.id, expected_version});
  auto changed = TRY(c.exec(sql, params));
  return store::check_versioned_update(c, changed, "partners", org_id, p.id, expected_version, "partner agency");
}

Result<void> insert_partner_document(Conn& c, const std::string& org_id, const PartnerDocument& d,
                                     const std::string& data_base64, const std::string& by) {
  static const std::string sql = "INSERT INTO partner_documents (org_id, " + kDocument.insert_names() +
                                 ", data_base64, uploaded_by) VALUES (?, " + kDocument.insert_placeholders() +
                                 ", ?, ?)";
  store::Params params{org_id};
  kDocument.insert_values(d, params);
  params.insert(params.end(), {data_base64, by});
  TRY(c.exec(sql, params));
  return {};
}

Result<std::vector<PartnerDocument>> partner_documents(Conn& c, const std::string& org_id,
                                                       const std::string& partner_id) {
  static const std::string sql =
      "SELECT " + kDocument.select_list() +
      " FROM partner_documents WHERE org_id = ? AND partner_id = ? ORDER BY uploaded_at DESC, id";
  auto rows = TRY(c.query(sql, {org_id, partner_id}));
  std::vector<PartnerDocument> out;
  for (const auto& r : rows) out.push_back(kDocument.read(r));
  return out;
}

Result<std::optional<std::pair<PartnerDocument, std::string>>> partner_document(Conn& c, const std::string& org_id,
                                                                                const std::string& partner_id,
                                                                                const std::string& id) {
  static const std::string sql = "SELECT " + kDocument.select_list() +
                                 ", data_base64 FROM partner_documents WHERE org_id = ? AND partner_id = ? AND id = ?";
  auto r = TRY(c.query_one(sql, {org_id, partner_id, id}));
  if (!r) return std::optional<std::pair<PartnerDocument, std::string>>{};
  return std::optional<std::pair<PartnerDocument, std::string>>{
      std::pair{kDocument.read(*r), r->text(kDocument.size())}};
}

}  // namespace trellis::partnerships::db
