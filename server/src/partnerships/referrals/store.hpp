// The SQL of referrals, their timelines and the figures per partner agency.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/pagination.hpp"
#include "partnerships/referrals/model.hpp"
#include "store/db.hpp"

namespace trellis::partnerships::db {

using store::Conn;

Result<void> insert_referral(Conn& c, const std::string& org_id, const Referral& r, const std::string& by);
Result<std::optional<Referral>> referral(Conn& c, const std::string& org_id, const std::string& id);
Result<void> update_referral(Conn& c, const std::string& org_id, const Referral& r, std::int64_t expected_version,
                             const std::string& by);
Result<void> insert_referral_event(Conn& c, const std::string& org_id, const std::string& referral_id,
                                   const ReferralEvent& e, const std::optional<std::string>& by);
Result<std::vector<ReferralEvent>> referral_events(Conn& c, const std::string& org_id, const std::string& referral_id);
Result<std::vector<Referral>> referrals_for_person(Conn& c, const std::string& org_id, const std::string& person_id);
// A partner's inbox, newest sent first, a page at a time (one more than the page's limit, to
// tell whether there is a next page), with the person's name (one query, joined).
Result<std::vector<Referral>> referrals_for_partner(Conn& c, const std::string& org_id, const std::string& partner_id,
                                                    const PageRequest& page);

// Figures per partner agency for a period: counts by state and the times to respond and close.
struct PartnerFigures {
  std::string partner_id, partner_name;
  std::int64_t sent = 0, accepted = 0, declined = 0, redirected = 0, completed = 0, withdrawn = 0, open = 0;
  std::int64_t responded = 0;
  double mean_days_to_respond = 0, mean_days_to_close = 0;
};
// Referrals sent in [from, to); one grouped query, times averaged in the store.
Result<std::vector<PartnerFigures>> partner_figures(Conn& c, const std::string& org_id, const std::string& from,
                                                    const std::string& to,
                                                    const std::optional<std::string>& partner_id);

}  // namespace trellis::partnerships::db
