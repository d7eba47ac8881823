// Closed-loop referrals to partner agencies and every change to each.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"

namespace trellis::partnerships {

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
  bool person_withheld = false;  // the person's consent for this partner has gone (decision 0014)
};

struct ReferralEvent {
  std::string at, from_status, to_status, note;
  std::optional<std::string> by_role;
};

}  // namespace trellis::partnerships
