// The partnerships area's rules. So far: the service directory — importing and exporting
// Open Referral HSDS 3.0, and finding services in it.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "access/actor.hpp"
#include "core/clock.hpp"
#include "access/model.hpp"
#include "partnerships/hsds.hpp"
#include "partnerships/imports.hpp"
#include "partnerships/model.hpp"
#include "partnerships/store.hpp"
#include "people/service.hpp"
#include "store/db.hpp"

namespace trellis::recovery { class RecoveryService; }

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

class PartnershipsService final : public people::PartnerAgencies {
 public:
  PartnershipsService(store::Db& db, const Clock& clock, people::PeopleService& people,
                      recovery::RecoveryService& recovery)
      : db_(db), clock_(clock), people_(people), recovery_(recovery), imports_(clock) {}

  // Partner agencies
  Result<std::vector<Partner>> partners(const std::string& org_id);
  Result<Partner> partner(const std::string& org_id, const std::string& id);
  Result<bool> is_partner_agency(const std::string& org_id, const std::string& partner_id) override;
  Result<Partner> add_partner(const access::Actor& actor, Partner p);
  // The whole agreement, as the service's managers keep it.
  Result<Partner> update_partner(const access::Actor& actor, const std::string& id, std::int64_t version, Partner changes);
  // Documents attached to the partnership (a signed agreement, say): type and size checked,
  // every upload kept.
  Result<PartnerDocument> attach_document(const access::Actor& actor, const std::string& partner_id, const std::string& name,
                                          const std::string& content_type, const std::string& data_base64);
  Result<std::vector<PartnerDocument>> documents(const std::string& org_id, const std::string& partner_id);
  // The document and its bytes.
  Result<std::pair<PartnerDocument, std::string>> document(const access::Actor& actor, const std::string& partner_id,
                                                           const std::string& id);
  // Whether they are taking referrals and the current wait, kept by the partner agency's own
  // users for their own agency (the service's managers change it with the agreement).
  Result<Partner> update_capacity(const access::Actor& actor, const access::Principal& who, std::int64_t version,
                                  bool taking_referrals, std::optional<int> wait_weeks);

  // Closed-loop referrals
  Result<Referral> draft_referral(const access::Actor& actor, const std::string& person_id, const NewReferral& in);
  // Only with the person's consent, in force now, for this partner and every part shared.
  Result<Referral> send_referral(const access::Actor& actor, const std::string& person_id, const std::string& referral_id,
                                 std::int64_t version);
  Result<Referral> withdraw_referral(const access::Actor& actor, const std::string& person_id,
                                     const std::string& referral_id, std::int64_t version, const std::string& note);
  Result<std::vector<Referral>> referrals_for_person(const std::string& org_id, const std::string& person_id);
  Result<std::vector<ReferralEvent>> timeline(const std::string& org_id, const std::string& person_id,
                                              const std::string& referral_id);
  // The partner agency's side: their inbox, one referral, and moving it on.
  struct InboxPage {
    std::vector<Referral> items;
    std::optional<std::string> next_cursor;
  };
  Result<InboxPage> inbox(const access::Actor& actor, const access::Principal& who, const PageRequest& page);
  Result<PartnerReferralView> inbox_item(const access::Actor& actor, const access::Principal& who,
                                         const std::string& referral_id);
  // Figures for a period: every partner for the service's managers, only their own for a partner.
  Result<std::vector<db::PartnerFigures>> figures(const access::Principal& who, const std::string& from,
                                                 const std::string& to);
  // Shared care with partner agencies, and case conferences.
  Result<std::vector<SharedCarePlan>> shared_care(const std::string& org_id, const std::string& person_id);
  Result<SharedCarePlan> add_shared_care(const access::Actor& actor, const std::string& person_id, SharedCarePlan p);
  Result<SharedCarePlan> update_shared_care(const access::Actor& actor, const std::string& person_id, const std::string& id,
                                            std::int64_t version, const SharedCarePlan& changes);
  Result<std::vector<CaseConference>> case_conferences(const std::string& org_id, const std::string& person_id);
  Result<CaseConference> add_case_conference(const access::Actor& actor, const std::string& person_id, CaseConference k);

  // Partnership reviews: opened by the service's managers; rated by people on both sides.
  Result<PartnershipReview> open_review(const access::Actor& actor, const std::string& partner_id, const std::string& title);
  // One rater's scores (1-5) and comments for every dimension; rating again replaces them.
  Result<PartnershipReview> rate(const access::Actor& actor, const access::Principal& who, const std::string& review_id,
                                 const std::vector<std::tuple<std::string, int, std::string>>& ratings);
  Result<PartnershipReview> review(const access::Principal& who, const std::string& review_id);
  Result<std::vector<PartnershipReview>> reviews(const access::Principal& who, const std::string& partner_id);
  Result<PartnershipReview> add_action(const access::Actor& actor, const access::Principal& who,
                                       const std::string& review_id, const std::string& action, const std::string& owner,
                                       const std::optional<std::string>& due_on);
  Result<Referral> respond(const access::Actor& actor, const access::Principal& who, const std::string& referral_id,
                           std::int64_t version, const std::string& to, const std::string& note);

  // All or nothing: a file with any rejected record changes nothing and says why for each.
  // `progress(done, total)` is called as records are applied.
  Result<ImportReport> import_hsds(const access::Actor& actor, std::string_view json_text,
                                   const std::function<void(std::size_t, std::size_t)>& progress = {});
  // A folder of HSDS CSV files (tabular form).
  Result<ImportReport> import_hsds_tabular(const access::Actor& actor, const std::string& dir,
                                           const std::function<void(std::size_t, std::size_t)>& progress = {});
  // The same for the web client: every record is checked now (a file with any problem is refused
  // whole, with each reason, as an unprocessable error); then it is applied on its own thread.
  Result<ImportProgress> start_import(const access::Actor& actor, HsdsFile file);
  std::optional<ImportProgress> import_progress(const std::string& org_id, const std::string& id);
  std::optional<ImportProgress> wait_for_import(const std::string& org_id, const std::string& id);
  Result<nlohmann::json> export_hsds(const access::Actor& actor);
  // File name -> content: the CSV tables and datapackage.json.
  Result<std::vector<std::pair<std::string, std::string>>> export_hsds_tabular(const access::Actor& actor);
  // `near` is a suburb, a postcode or an address; its place is the middle of the directory's
  // services there. Not known is a 400 naming the field.
  struct Search {
    std::vector<db::ServiceHit> hits;
    std::optional<db::Place> near;
  };
  Result<Search> find_services(const std::string& org_id, db::ServiceQuery q, const std::string& near = "");
  Result<std::vector<db::CategoryCount>> categories(const std::string& org_id);

 private:
  Result<ImportReport> apply(const access::Actor& actor, HsdsFile file,
                             const std::function<void(std::size_t, std::size_t)>& progress);
  Result<Referral> move(const access::Actor& actor, Referral r, std::int64_t version, const std::string& to,
                        const std::string& note);
  void mark_overdue(Referral& r, const Partner& p) const;
  // The review if this principal may see it (the service's managers, or that partner's users).
  Result<PartnershipReview> review_for(store::Conn& c, const access::Principal& who, const std::string& review_id);
  store::Db& db_;
  const Clock& clock_;
  people::PeopleService& people_;
  recovery::RecoveryService& recovery_;  // to check that a referral's goals are the person's
  ImportJobs imports_;  // last: its threads are joined before the rest goes
};

// Every rejected record as a field of one unprocessable error: nothing was applied.
Error rejected_error(const std::vector<HsdsRejection>& rejected);

}  // namespace trellis::partnerships
