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
  std::string agreement_expectations, agreement_contacts;
  std::string our_resources, partner_resources;  // what each side invests
  std::optional<std::string> capacity_updated_at;
  int response_days = 5;  // agreed time to answer a referral
  bool taking_referrals = true;
  std::optional<int> wait_weeks;
  // The referral protocol: what every referral to this partner must share, and what to write.
  std::vector<access::Part> required_parts;
  std::string referral_guidance;
  std::optional<std::string> agreement_starts_on, agreement_review_on;
  std::int64_t version = 1;
};

struct PartnerDocument {
  std::string id, partner_id, name, content_type, uploaded_at;
  std::int64_t size_bytes = 0;
};
// What may be attached, and how large (the request limit is 1 MiB, base64 adds a third).
inline constexpr std::string_view kDocumentTypes[] = {
    "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text", "application/msword", "text/plain"};
inline constexpr std::int64_t kMaxDocumentBytes = 700 * 1024;

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

struct SharedCarePlan {
  std::string id, person_id, partner_id, partner_name, purpose, who_does_what, contacts, discharge_plan;
  std::optional<std::string> review_on;
  std::string updated_at;
  std::int64_t version = 1;
};

struct CaseConference {
  std::string id, person_id, held_on, attendees, decisions, actions;
  bool person_attended = false;
  std::string created_at;
};

// The dimensions of a healthy partnership, in the project's own words.
struct Dimension {
  std::string_view code, title, question;
};
inline constexpr Dimension kDimensions[] = {
    {"need_and_purpose", "Need and purpose", "We both know why this partnership exists and who it is for."},
    {"choice_of_partners", "Choice of partners", "The right organisations, and the right people in them, are involved."},
    {"shared_goals_and_roles", "Shared goals and roles", "Our goals are shared and each side knows its part."},
    {"planning", "Planning", "We plan together, with the people we support in mind."},
    {"implementing_together", "Implementing together", "We do what we said, and referrals and shared care work."},
    {"barriers", "Working through barriers", "When something gets in the way, we sort it out together."},
    {"reflecting_and_going_on", "Reflecting and going on", "We look back honestly and change what needs changing."},
};

struct DimensionResult {
  std::string code;
  double mean = 0;
  int raters = 0;
  int spread = 0;                          // highest minus lowest score: 0 is full agreement
  std::optional<double> previous_mean;     // the same partner's review before this one
  std::vector<std::string> comments;
};

struct PartnershipReview {
  std::string id, partner_id, partner_name, title, opened_at;
  std::vector<DimensionResult> results;
  int service_raters = 0, partner_raters = 0;
  std::vector<std::pair<std::string, std::string>> actions;  // action, owner
};

}  // namespace trellis::partnerships
