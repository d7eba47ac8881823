#include "partnerships/referrals/model.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <queue>

namespace trellis::partnerships {
namespace {

constexpr std::array<std::string_view, 9> kNames = {"draft",      "sent",        "received",  "accepted", "declined",
                                                    "redirected", "in_progress", "completed", "withdrawn"};

}  // namespace

std::string_view state_name(ReferralState s) { return kNames[static_cast<std::size_t>(s)]; }

std::optional<ReferralState> parse_referral_state(std::string_view s) {
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == s) return static_cast<ReferralState>(i);
  return std::nullopt;
}

bool may_move(ReferralState from, ReferralState to, ReferralSide by) {
  return std::any_of(std::begin(kReferralMoves), std::end(kReferralMoves),
                     [&](const ReferralMove& m) { return m.from == from && m.to == to && m.by == by; });
}

bool is_closed(ReferralState s) {
  return std::none_of(std::begin(kReferralMoves), std::end(kReferralMoves),
                      [&](const ReferralMove& m) { return m.from == s; });
}

bool needs_note(ReferralState to) {
  return to == ReferralState::declined || to == ReferralState::redirected || to == ReferralState::completed;
}

std::vector<std::string_view> moves_by(ReferralSide by) {
  std::vector<std::string_view> out;
  for (const auto& m : kReferralMoves)
    if (m.by == by && std::find(out.begin(), out.end(), state_name(m.to)) == out.end()) out.push_back(state_name(m.to));
  return out;
}

std::vector<ReferralState> path_from_draft(ReferralState to) {
  std::map<ReferralState, ReferralState> came_from;
  std::queue<ReferralState> next;
  next.push(ReferralState::draft);
  while (!next.empty()) {
    auto at = next.front();
    next.pop();
    if (at == to) break;
    for (const auto& m : kReferralMoves)
      if (m.from == at && m.to != ReferralState::draft && !came_from.contains(m.to)) {
        came_from[m.to] = at;
        next.push(m.to);
      }
  }
  std::vector<ReferralState> path;
  for (auto s = to; s != ReferralState::draft && came_from.contains(s); s = came_from[s]) path.insert(path.begin(), s);
  return path;
}

}  // namespace trellis::partnerships
