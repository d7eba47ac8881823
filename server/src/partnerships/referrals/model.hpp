// Closed-loop referrals to partner agencies and every change to each.
#pragma once
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "core/enum_names.hpp"

namespace trellis::partnerships {

// Where a referral is. One transition table (kReferralMoves) says where each state can go and
// who moves it there; the service, the API's list of moves and the demo data all read it.
enum class ReferralState { draft, sent, received, accepted, declined, redirected, in_progress, completed, withdrawn };
inline constexpr EnumName<ReferralState> kReferralStateNames[] = {{ReferralState::draft, "draft"},
                                                                  {ReferralState::sent, "sent"},
                                                                  {ReferralState::received, "received"},
                                                                  {ReferralState::accepted, "accepted"},
                                                                  {ReferralState::declined, "declined"},
                                                                  {ReferralState::redirected, "redirected"},
                                                                  {ReferralState::in_progress, "in_progress"},
                                                                  {ReferralState::completed, "completed"},
                                                                  {ReferralState::withdrawn, "withdrawn"}};
constexpr std::span<const EnumName<ReferralState>> names_of(ReferralState) { return kReferralStateNames; }

// Who moves a referral: the care team that made it, or the partner agency it went to.
enum class ReferralSide { care_team, partner };
struct ReferralMove {
  ReferralState from, to;
  ReferralSide by;
};
inline constexpr ReferralMove kReferralMoves[] = {
    {ReferralState::draft, ReferralState::sent, ReferralSide::care_team},
    {ReferralState::sent, ReferralState::received, ReferralSide::partner},
    {ReferralState::sent, ReferralState::accepted, ReferralSide::partner},
    {ReferralState::sent, ReferralState::declined, ReferralSide::partner},
    {ReferralState::sent, ReferralState::redirected, ReferralSide::partner},
    {ReferralState::received, ReferralState::accepted, ReferralSide::partner},
    {ReferralState::received, ReferralState::declined, ReferralSide::partner},
    {ReferralState::received, ReferralState::redirected, ReferralSide::partner},
    {ReferralState::accepted, ReferralState::in_progress, ReferralSide::partner},
    {ReferralState::accepted, ReferralState::completed, ReferralSide::partner},
    {ReferralState::in_progress, ReferralState::completed, ReferralSide::partner},
    // Withdrawn by the care team at any point before it closes.
    {ReferralState::draft, ReferralState::withdrawn, ReferralSide::care_team},
    {ReferralState::sent, ReferralState::withdrawn, ReferralSide::care_team},
    {ReferralState::received, ReferralState::withdrawn, ReferralSide::care_team},
    {ReferralState::accepted, ReferralState::withdrawn, ReferralSide::care_team},
    {ReferralState::in_progress, ReferralState::withdrawn, ReferralSide::care_team},
};
bool may_move(ReferralState from, ReferralState to, ReferralSide by);
// Closed: nothing moves it on (completed, declined, redirected, withdrawn).
bool is_closed(ReferralState s);
// A move to this state needs a note: why it was declined, where it was redirected, the outcome.
bool needs_note(ReferralState to);
// The states a side can move referrals to, in the table's order: the API's list of moves.
std::vector<std::string_view> moves_by(ReferralSide by);
// The shortest way from a draft to `to`, following the table (a path for demo data).
std::vector<ReferralState> path_from_draft(ReferralState to);

struct Referral {
  std::string id, person_id, partner_id, partner_name, service_name, reason;
  std::vector<std::string> goal_ids;
  std::vector<access::Part> shared_parts;
  ReferralState status = ReferralState::draft;
  std::string decline_reason, outcome;
  std::optional<std::string> sent_at, responded_at, closed_at;
  std::string created_at, updated_at;
  std::int64_t version = 1;
  bool overdue = false;          // sent, and not answered within the partner's agreed time
  std::string person_name;       // for the partner's view
  bool person_withheld = false;  // the person's consent for this partner has gone (decision 0014)
};

struct ReferralEvent {
  std::string at, from_status, to_status, note;
  std::optional<std::string> by_role;
};

}  // namespace trellis::partnerships
