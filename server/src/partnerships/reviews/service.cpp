#include "partnerships/reviews/service.hpp"

#include <algorithm>
#include <set>
#include <sstream>

#include "access/audit.hpp"
#include "access/policy.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"
#include "partnerships/agreements/store.hpp"
#include "partnerships/reviews/store.hpp"

namespace trellis::partnerships {

namespace {

bool manages_partners(const access::Principal& who) {
  return access::role_has(who.user.role, access::Permission::manage_partners);
}

Error review_not_found() {
  return Error::make(ErrorKind::not_found, "We could not find that partnership review", "", "not_found");
}

}  // namespace

Result<PartnershipReview> ReviewsService::review_for(store::Conn& c, const access::Principal& who,
                                                     const std::string& review_id) {
  auto r = TRY(db::review(c, who.user.org_id, review_id));
  if (!r) return fail(review_not_found());
  bool own_partner = who.user.role == access::Role::partner && who.user.partner_id == r->partner_id;
  if (!manages_partners(who) && !own_partner) return fail(review_not_found());
  auto rows = TRY(db::ratings(c, who.user.org_id, review_id));
  // The review before this one, for change since last time.
  std::optional<std::string> previous_id;
  for (const auto& v : TRY(db::reviews_for_partner(c, who.user.org_id, r->partner_id))) {
    if (v.id == r->id) break;
    previous_id = v.id;
  }
  std::vector<db::RatingRow> previous;
  if (previous_id) previous = TRY(db::ratings(c, who.user.org_id, *previous_id));
  std::set<std::string> service_raters, partner_raters;
  for (const auto& d : kDimensions) {
    DimensionResult res;
    res.code = std::string(d.code);
    int lo = 6, hi = 0, sum = 0;
    for (const auto& x : rows) {
      if (x.dimension != d.code) continue;
      ++res.raters;
      sum += x.score;
      lo = std::min(lo, x.score);
      hi = std::max(hi, x.score);
      if (!x.comment.empty()) res.comments.push_back(x.comment);
      (x.side == "partner" ? partner_raters : service_raters).insert(x.rater_id);
    }
    if (res.raters) {
      res.mean = static_cast<double>(sum) / res.raters;
      res.spread = hi - lo;
    }
    int psum = 0, pn = 0;
    for (const auto& x : previous)
      if (x.dimension == d.code) psum += x.score, ++pn;
    if (pn) res.previous_mean = static_cast<double>(psum) / pn;
    r->results.push_back(std::move(res));
  }
  r->service_raters = static_cast<int>(service_raters.size());
  r->partner_raters = static_cast<int>(partner_raters.size());
  r->actions = TRY(db::actions(c, who.user.org_id, review_id));
  return *r;
}

Result<PartnershipReview> ReviewsService::open_review(const access::Actor& actor, const std::string& partner_id,
                                                      const std::string& title) {
  TRY(agreements_.partner(actor.org_id, partner_id));
  auto now = clock_.now();
  PartnershipReview r;
  r.id = new_id();
  r.partner_id = partner_id;
  r.title = title;
  r.opened_at = to_iso(now);
  return db_.write([&](store::Conn& c) -> Result<PartnershipReview> {
    TRY_VOID(db::insert_review(c, actor.org_id, r, actor.user_id.value_or("")));
    TRY_VOID(access::append_audit(c, actor.entry("partnership_review.open", "partnership_review", r.id), now));
    return r;
  });
}

Result<PartnershipReview> ReviewsService::rate(const access::Actor& actor, const access::Principal& who,
                                               const std::string& review_id,
                                               const std::vector<std::tuple<std::string, int, std::string>>& list) {
  std::set<std::string> seen;
  for (const auto& [dimension, score, comment] : list) {
    bool known = std::any_of(std::begin(kDimensions), std::end(kDimensions),
                             [&name = dimension](const Dimension& d) { return d.code == name; });
    if (!known)
      return fail(Error::field(ErrorKind::unprocessable, "ratings", dimension + " is not a dimension of the review"));
    if (score < 1 || score > 5)
      return fail(Error::field(ErrorKind::unprocessable, "ratings", dimension + " needs a score from 1 to 5"));
    if (!seen.insert(dimension).second)
      return fail(Error::field(ErrorKind::unprocessable, "ratings", dimension + " appears twice"));
  }
  if (seen.size() != std::size(kDimensions))
    return fail(
        Error::field(ErrorKind::unprocessable, "ratings", "rate every dimension, so results compare like with like"));
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<PartnershipReview> {
    TRY(review_for(c, who, review_id));
    auto side = who.user.role == access::Role::partner ? "partner" : "service";
    TRY_VOID(db::replace_ratings(c, who.user.org_id, review_id, who.user.id, side, list, to_iso(now)));
    TRY_VOID(access::append_audit(c, actor.entry("partnership_review.rate", "partnership_review", review_id), now));
    return review_for(c, who, review_id);
  });
}

Result<PartnershipReview> ReviewsService::review(const access::Principal& who, const std::string& review_id) {
  return db_.read([&](store::Conn& c) { return review_for(c, who, review_id); });
}

Result<std::vector<PartnershipReview>> ReviewsService::reviews(const access::Principal& who,
                                                               const std::string& partner_id) {
  bool own_partner = who.user.role == access::Role::partner && who.user.partner_id == partner_id;
  if (!manages_partners(who) && !own_partner) return fail(review_not_found());
  return db_.read([&](store::Conn& c) -> Result<std::vector<PartnershipReview>> {
    if (!TRY(db::partner(c, who.user.org_id, partner_id))) return fail(partner_not_found());
    return db::reviews_for_partner(c, who.user.org_id, partner_id);
  });
}

Result<PartnershipReview> ReviewsService::add_action(const access::Actor& actor, const access::Principal& who,
                                                     const std::string& review_id, const std::string& action,
                                                     const std::string& owner,
                                                     const std::optional<std::string>& due_on) {
  if (due_on && !valid_date(*due_on))
    return fail(Error::field(ErrorKind::unprocessable, "dueOn", "must be a date like 2026-12-01"));
  auto now = clock_.now();
  return db_.write([&](store::Conn& c) -> Result<PartnershipReview> {
    TRY(review_for(c, who, review_id));
    TRY_VOID(db::insert_action(c, who.user.org_id, review_id, action, owner, due_on, to_iso(now)));
    TRY_VOID(access::append_audit(c, actor.entry("partnership_review.action", "partnership_review", review_id), now));
    return review_for(c, who, review_id);
  });
}

}  // namespace trellis::partnerships
