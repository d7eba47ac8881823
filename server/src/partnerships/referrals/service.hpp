// Closed-loop referrals: drafted and sent by the care team with the person's consent, answered by
// the partner agency in its own inbox, each change on the referral's timeline.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "access/actor.hpp"
#include "access/model.hpp"
#include "core/clock.hpp"
#include "core/pagination.hpp"
#include "partnerships/agreements/service.hpp"
#include "partnerships/referrals/model.hpp"
#include "partnerships/referrals/store.hpp"
#include "people/consent/service.hpp"
#include "store/db.hpp"

namespace trellis::recovery {
class RecoveryService;
}

namespace trellis::partnerships {

struct NewReferral {
  std::string partner_id, reason, service_name;
  std::vector<std::string> goal_ids;
  std::vector<access::Part> shared_parts;
};

// What a partner agency user sees of one referral: only what the person's consent allows now.
struct PartnerReferralView {
  Referral referral;
  std::vector<access::Part> visible_parts;
  std::vector<ReferralEvent> timeline;
};

class ReferralsService {
 public:
  ReferralsService(store::Db& db, const Clock& clock, AgreementsService& agreements, people::ConsentService& consent,
                   recovery::RecoveryService& recovery)
      : db_(db), clock_(clock), agreements_(agreements), consent_(consent), recovery_(recovery) {}

  // Closed-loop referrals
  Result<Referral> draft_referral(const access::Actor& actor, const std::string& person_id, const NewReferral& in);
  // Only with the person's consent, in force now, for this partner and every part shared.
  Result<Referral> send_referral(const access::Actor& actor, const std::string& person_id,
                                 const std::string& referral_id, std::int64_t version);
  Result<Referral> withdraw_referral(const access::Actor& actor, const std::string& person_id,
                                     const std::string& referral_id, std::int64_t version, const std::string& note);
  Result<std::vector<Referral>> referrals_for_person(const std::string& org_id, const std::string& person_id);
  Result<std::vector<ReferralEvent>> timeline(const std::string& org_id, const std::string& person_id,
                                              const std::string& referral_id);
  // The partner agency's side: their inbox, one referral, and moving it on.
  struct InboxPage {
    std::vector<Referral> items;
    std::optional<std::string> next_cursor;
    // One read of each person the page names: to be recorded before the page is shown.
    std::vector<access::AuditEntry> reads;
  };
  Result<InboxPage> inbox(const access::Actor& actor, const access::Principal& who, const PageRequest& page);
  Result<PartnerReferralView> inbox_item(const access::Actor& actor, const access::Principal& who,
                                         const std::string& referral_id);
  // Figures for a period: every partner for the service's managers, only their own for a partner.
  Result<std::vector<db::PartnerFigures>> figures(const access::Principal& who, const std::string& from,
                                                  const std::string& to);
  Result<Referral> respond(const access::Actor& actor, const access::Principal& who, const std::string& referral_id,
                           std::int64_t version, ReferralState to, const std::string& note);

 private:
  // Moves it along the transition table (kReferralMoves); callers have checked the move is theirs.
  Result<Referral> move(const access::Actor& actor, Referral r, std::int64_t version, ReferralState to,
                        const std::string& note);
  void mark_overdue(Referral& r, const Partner& p) const;
  store::Db& db_;
  const Clock& clock_;
  AgreementsService& agreements_;
  people::ConsentService& consent_;
  recovery::RecoveryService& recovery_;  // to check that a referral's goals are the person's
};

}  // namespace trellis::partnerships
