// The referral's transition table: the one place that says where a referral can go and who moves it.
#include <gtest/gtest.h>

#include "partnerships/referrals/model.hpp"

namespace trellis::partnerships {
namespace {

using S = ReferralState;
constexpr S kAll[] = {S::draft,      S::sent,        S::received,  S::accepted, S::declined,
                      S::redirected, S::in_progress, S::completed, S::withdrawn};

TEST(ReferralStates, every_name_reads_back_as_its_state_and_nothing_else_does) {
  for (auto s : kAll) EXPECT_EQ(parse_name<ReferralState>(name_of(s)), s);
  EXPECT_FALSE(parse_name<ReferralState>("Accepted"));
  EXPECT_FALSE(parse_name<ReferralState>(""));
}

TEST(ReferralStates, closed_states_go_nowhere_and_open_ones_can_be_withdrawn_by_the_care_team) {
  for (auto s : kAll) {
    bool closed = s == S::completed || s == S::declined || s == S::redirected || s == S::withdrawn;
    EXPECT_EQ(is_closed(s), closed) << name_of(s);
    EXPECT_EQ(may_move(s, S::withdrawn, ReferralSide::care_team), !closed) << name_of(s);
    EXPECT_FALSE(may_move(s, S::withdrawn, ReferralSide::partner)) << name_of(s);
  }
}

TEST(ReferralStates, only_the_care_team_sends_and_only_the_partner_answers) {
  EXPECT_TRUE(may_move(S::draft, S::sent, ReferralSide::care_team));
  EXPECT_FALSE(may_move(S::draft, S::sent, ReferralSide::partner));
  EXPECT_TRUE(may_move(S::sent, S::accepted, ReferralSide::partner));
  EXPECT_FALSE(may_move(S::sent, S::accepted, ReferralSide::care_team));
  EXPECT_FALSE(may_move(S::draft, S::accepted, ReferralSide::partner));  // a draft is not the partner's yet
  EXPECT_FALSE(may_move(S::in_progress, S::declined, ReferralSide::partner));
  std::vector<std::string_view> expected = {"received",   "accepted",    "declined",
                                            "redirected", "in_progress", "completed"};
  EXPECT_EQ(moves_by(ReferralSide::partner), expected);
}

TEST(ReferralStates, declining_redirecting_and_completing_need_a_note) {
  for (auto s : kAll) EXPECT_EQ(needs_note(s), s == S::declined || s == S::redirected || s == S::completed);
}

TEST(ReferralStates, every_state_is_reached_from_a_draft_by_moves_in_the_table) {
  for (auto target : kAll) {
    if (target == S::draft) continue;
    auto path = path_from_draft(target);
    ASSERT_FALSE(path.empty()) << name_of(target);
    EXPECT_EQ(path.back(), target);
    auto at = S::draft;
    for (auto next : path) {
      EXPECT_TRUE(may_move(at, next, ReferralSide::care_team) || may_move(at, next, ReferralSide::partner))
          << name_of(at) << " -> " << name_of(next);
      at = next;
    }
  }
}

}  // namespace
}  // namespace trellis::partnerships
