#include "partnerships/referrals/model.hpp"

#include <algorithm>
#include <map>
#include <queue>

namespace trellis::partnerships {

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
    if (m.by == by && std::find(out.begin(), out.end(), name_of(m.to)) == out.end()) out.push_back(name_of(m.to));
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
