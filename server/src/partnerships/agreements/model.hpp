// Partner agencies and the agreement with each: what each side offers, expects and shares.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "core/enum_names.hpp"

namespace trellis::partnerships {

// Whether the partnership is running. Any status may follow any other: a partnership can pause,
// resume, end and be taken up again, so there is no transition table to keep.
enum class PartnerStatus { active, paused, ended };
inline constexpr EnumName<PartnerStatus> kPartnerStatusNames[] = {
    {PartnerStatus::active, "active"}, {PartnerStatus::paused, "paused"}, {PartnerStatus::ended, "ended"}};
constexpr std::span<const EnumName<PartnerStatus>> names_of(PartnerStatus) { return kPartnerStatusNames; }

struct Partner {
  std::string id, name, directory_organization_id;
  PartnerStatus status = PartnerStatus::active;
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

}  // namespace trellis::partnerships
