// Partnership reviews: both sides rate the partnership on the dimensions of a healthy one.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace trellis::partnerships {

// The dimensions of a healthy partnership, in the project's own words.
struct Dimension {
  std::string_view code, title, question;
};
inline constexpr Dimension kDimensions[] = {
    {"need_and_purpose", "Need and purpose", "We both know why this partnership exists and who it is for."},
    {"choice_of_partners", "Choice of partners",
     "The right organisations, and the right people in them, are involved."},
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
  int spread = 0;                       // highest minus lowest score: 0 is full agreement
  std::optional<double> previous_mean;  // the same partner's review before this one
  std::vector<std::string> comments;
};

struct PartnershipReview {
  std::string id, partner_id, partner_name, title, opened_at;
  std::vector<DimensionResult> results;
  int service_raters = 0, partner_raters = 0;
  std::vector<std::pair<std::string, std::string>> actions;  // action, owner
};

}  // namespace trellis::partnerships
