// The partnerships area's SQL: the service directory's documents and its search index.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/pagination.hpp"
#include "partnerships/hsds.hpp"
#include "partnerships/model.hpp"
#include "store/db.hpp"

namespace trellis::partnerships::db {

using store::Conn;

Result<std::optional<std::string>> document(Conn& c, const std::string& org_id, const std::string& kind,
                                            const std::string& hsds_id);
Result<void> insert_document(Conn& c, const std::string& org_id, const HsdsRecord& r, const std::string& at);
Result<void> update_document(Conn& c, const std::string& org_id, const HsdsRecord& r, const std::string& at);
// Replaces the services indexed from one document.
Result<void> index_services(Conn& c, const std::string& org_id, const HsdsRecord& source,
                            const std::vector<IndexedService>& services);
// Adds or updates each record's document and re-indexes its services; an unchanged record is
// left alone. `progress(done, total)` is called every hundred records.
struct ApplyCounts {
  std::size_t added = 0, updated = 0, unchanged = 0;
};
Result<ApplyCounts> apply_records(Conn& c, const std::string& org_id, const std::vector<HsdsRecord>& records,
                                  const std::string& at, const std::function<void(std::size_t, std::size_t)>& progress);
Result<std::vector<HsdsRecord>> documents(Conn& c, const std::string& org_id);

struct ServiceHit {
  std::string id, organization_id, name, description, status, languages, taxonomy_codes, locality, postcode,
      organization_name;
  std::optional<std::int64_t> latitude_e6, longitude_e6;
};
// A moment in local time at the services: the day of the week, minutes since midnight, the date.
struct LocalMoment {
  int weekday = 0;  // 0 Monday … 6 Sunday
  int minute = 0;
  std::string date;
};
struct ServiceQuery {
  std::string folded_text;  // every word, as a prefix, must appear (full-text index)
  std::optional<std::string> language;
  std::optional<std::string> category;   // a taxonomy term's code
  std::optional<LocalMoment> open_at;     // active and open then, by its weekly hours
  std::optional<std::int64_t> near_lat_e6, near_lon_e6;
  double radius_km = 25;
  std::size_t limit = 50;
};
// By name, or nearest first when a point is given (within the radius).
Result<std::vector<ServiceHit>> search_services(Conn& c, const std::string& org_id, const ServiceQuery& q);

struct CategoryCount {
  std::string code, name;
  std::int64_t services = 0;
};
Result<std::vector<CategoryCount>> categories(Conn& c, const std::string& org_id);

// The middle of the services the directory has at a postcode, or in a suburb (folded name).
struct Place {
  std::int64_t latitude_e6 = 0, longitude_e6 = 0, services = 0;
};
Result<std::optional<Place>> place_by_postcode(Conn& c, const std::string& org_id, const std::string& postcode);
Result<std::optional<Place>> place_by_locality(Conn& c, const std::string& org_id, const std::string& folded_locality);

// Partners
Result<std::vector<Partner>> partners(Conn& c, const std::string& org_id);
Result<std::optional<Partner>> partner(Conn& c, const std::string& org_id, const std::string& id);
Result<void> insert_partner(Conn& c, const std::string& org_id, const Partner& p, const std::string& at, const std::string& by);
// Only when the partner is still at `expected_version`; otherwise a conflict naming it.
Result<void> update_partner(Conn& c, const std::string& org_id, const Partner& p, std::int64_t expected_version,
                            const std::string& at, const std::string& by);

// Documents attached to a partnership: metadata newest first, and one document's content.
Result<void> insert_partner_document(Conn& c, const std::string& org_id, const PartnerDocument& d,
                                     const std::string& data_base64, const std::string& by);
Result<std::vector<PartnerDocument>> partner_documents(Conn& c, const std::string& org_id, const std::string& partner_id);
Result<std::optional<std::pair<PartnerDocument, std::string>>> partner_document(Conn& c, const std::string& org_id,
                                                                                const std::string& partner_id,
                                                                                const std::string& id);

// Referrals
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
                                                   const std::string& to, const std::optional<std::string>& partner_id);

// Partnership reviews
Result<void> insert_review(Conn& c, const std::string& org_id, const PartnershipReview& r, const std::string& by);
Result<std::optional<PartnershipReview>> review(Conn& c, const std::string& org_id, const std::string& id);
Result<std::vector<PartnershipReview>> reviews_for_partner(Conn& c, const std::string& org_id, const std::string& partner_id);
Result<void> replace_ratings(Conn& c, const std::string& org_id, const std::string& review_id, const std::string& rater_id,
                             const std::string& side, const std::vector<std::tuple<std::string, int, std::string>>& ratings,
                             const std::string& at);
struct RatingRow {
  std::string rater_id, side, dimension, comment;
  int score = 0;
};
Result<std::vector<RatingRow>> ratings(Conn& c, const std::string& org_id, const std::string& review_id);
Result<void> insert_action(Conn& c, const std::string& org_id, const std::string& review_id, const std::string& action,
                           const std::string& owner, const std::optional<std::string>& due_on, const std::string& at);
Result<std::vector<std::pair<std::string, std::string>>> actions(Conn& c, const std::string& org_id, const std::string& review_id);

// Shared care and case conferences
Result<std::vector<SharedCarePlan>> shared_care(Conn& c, const std::string& org_id, const std::string& person_id);
Result<std::optional<SharedCarePlan>> shared_care_plan(Conn& c, const std::string& org_id, const std::string& id);
Result<void> insert_shared_care(Conn& c, const std::string& org_id, const SharedCarePlan& p, const std::string& by);
Result<void> update_shared_care(Conn& c, const std::string& org_id, const SharedCarePlan& p, std::int64_t expected_version,
                                const std::string& by);
Result<std::vector<CaseConference>> case_conferences(Conn& c, const std::string& org_id, const std::string& person_id);
Result<void> insert_case_conference(Conn& c, const std::string& org_id, const CaseConference& k, const std::string& by);

}  // namespace trellis::partnerships::db
