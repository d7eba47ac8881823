#include "partnerships/agreements/json.hpp"

#include "access/json.hpp"

namespace trellis::partnerships {

void write_json(JsonWriter& w, const Partner& p) {
  w.object([&] {
    w.field("id", p.id);
    w.field("name", p.name);
    w.field("directoryOrganizationId", p.directory_organization_id);
    w.field("status", name_of(p.status));
    w.field("agreementPurpose", p.agreement_purpose);
    w.field("agreementRoles", p.agreement_roles);
    w.field("informationSharing", p.information_sharing);
    w.field("responseDays", p.response_days);
    w.field("takingReferrals", p.taking_referrals);
    w.field("waitWeeks", p.wait_weeks);
    w.field("agreementStartsOn", p.agreement_starts_on);
    w.field("agreementReviewOn", p.agreement_review_on);
    w.field("requiredParts", p.required_parts);
    w.field("referralGuidance", p.referral_guidance);
    w.field("agreementExpectations", p.agreement_expectations);
    w.field("agreementContacts", p.agreement_contacts);
    w.field("ourResources", p.our_resources);
    w.field("partnerResources", p.partner_resources);
    w.field("capacityUpdatedAt", p.capacity_updated_at);
    w.field("version", p.version);
  });
}

}  // namespace trellis::partnerships
