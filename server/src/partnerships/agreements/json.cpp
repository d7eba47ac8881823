#include "partnerships/agreements/json.hpp"

#include "core/json_output.hpp"

namespace trellis::partnerships {

using nlohmann::json;

json to_json(const Partner& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"directoryOrganizationId", p.directory_organization_id},
          {"status", name_of(p.status)},
          {"agreementPurpose", p.agreement_purpose},
          {"agreementRoles", p.agreement_roles},
          {"informationSharing", p.information_sharing},
          {"responseDays", p.response_days},
          {"takingReferrals", p.taking_referrals},
          {"waitWeeks", p.wait_weeks ? json(*p.wait_weeks) : json(nullptr)},
          {"agreementStartsOn", or_null(p.agreement_starts_on)},
          {"agreementReviewOn", or_null(p.agreement_review_on)},
          {"requiredParts",
           [&] {
             json parts = json::array();
             for (auto x : p.required_parts) parts.push_back(access::part_name(x));
             return parts;
           }()},
          {"referralGuidance", p.referral_guidance},
          {"agreementExpectations", p.agreement_expectations},
          {"agreementContacts", p.agreement_contacts},
          {"ourResources", p.our_resources},
          {"partnerResources", p.partner_resources},
          {"capacityUpdatedAt", or_null(p.capacity_updated_at)},
          {"version", p.version}};
}

}  // namespace trellis::partnerships
