// The recovery area's states: each word is the API's and reads back as its state.
#include <gtest/gtest.h>

#include "recovery/model.hpp"

namespace trellis::recovery {
namespace {

using G = GoalStatus;
using S = StepStatus;
using A = StatementStatus;
constexpr G kGoals[] = {G::not_started, G::under_way, G::achieved, G::set_aside};
constexpr S kSteps[] = {S::not_started, S::under_way, S::done, S::set_aside};
constexpr A kStatements[] = {A::current, A::replaced, A::revoked};

TEST(RecoveryStates, the_words_are_the_apis_and_read_back_as_their_states) {
  using Words = std::vector<std::string_view>;
  EXPECT_EQ(all_names<GoalStatus>(), (Words{"not_started", "under_way", "achieved", "set_aside"}));
  EXPECT_EQ(all_names<StepStatus>(), (Words{"not_started", "under_way", "done", "set_aside"}));
  EXPECT_EQ(all_names<StatementStatus>(), (Words{"current", "replaced", "revoked"}));
  for (auto g : kGoals) EXPECT_EQ(parse_name<GoalStatus>(name_of(g)), g);
  for (auto s : kSteps) EXPECT_EQ(parse_name<StepStatus>(name_of(s)), s);
  for (auto a : kStatements) EXPECT_EQ(parse_name<StatementStatus>(name_of(a)), a);
  EXPECT_FALSE(parse_name<GoalStatus>("failed"));
  EXPECT_FALSE(parse_name<StepStatus>("achieved"));
}

}  // namespace
}  // namespace trellis::recovery
