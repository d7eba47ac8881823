// Partner agencies, the agreement with each, and closed-loop referrals to them.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"

namespace trellis::partnerships {

struct Partner {
  std::string id, name, directory_organization_id, status = "active";
  std::string agreement_purpose, agreement_roles, information_sharing;
  int response_days = 5;  // agreed time to answer a referral
  bool taking_referrals = true;
  std::optional<int> wait_weeks;
  // The referral protocol: what every referral to this partner must share, and what to write.
  std::vector<access::Part> required_parts;
  std::string referral_guidance;
  std::optional<std::string> agreement_starts_on, agreement_review_on;
  std::int64_t version = 1;
};

// Referral states, in order; withdrawn is possible before completion.
inline constexpr std::string_view kReferralStates[] = {"draft",       "sent",        "received",  "accepted", "declined",
                                                       "redirected",  "in_progress", "completed", "withdrawn"};

struct Referral {
  std::string id, person_id, partner_id, partner_name, service_name, reason;
  std::vector<std::string> goal_ids;
  std::vector<access::Part> shared_parts;
  std::string status = "draft";
  std::string decline_reason, outcome;
  std::optional<std::string> sent_at, responded_at, closed_at;
  std::string created_at, updated_at;
  std::int64_t version = 1;
  bool overdue = false;        // sent, and not answered within the partner's agreed time
  std::string person_name;     // for the partner's view
};

struct ReferralEvent {
  std::string at, from_status, to_status, note;
  std::optional<std::string> by_role;
};

}  // namespace trellis::partnerships
