#include "partnerships/reviews/routes.hpp"

#include "api/ctx.hpp"
#include "api/routes.hpp"
#include "core/json_input.hpp"
#include "core/json_output.hpp"
#include "partnerships/reviews/service.hpp"

namespace trellis::partnerships {

using nlohmann::json;

namespace {

using access::Rule;
using api::Ctx;
using http::Response;

json review_json(const PartnershipReview& r) {
  json results = json::array();
  for (const auto& d : r.results) {
    std::string title;
    for (const auto& k : kDimensions)
      if (k.code == d.code) title = std::string(k.title);
    results.push_back({{"dimension", d.code},
                       {"title", title},
                       {"raters", d.raters},
                       {"mean", d.raters ? json(d.mean) : json(nullptr)},
                       {"spread", d.raters ? json(d.spread) : json(nullptr)},
                       {"previousMean", d.previous_mean ? json(*d.previous_mean) : json(nullptr)},
                       {"change", d.raters && d.previous_mean ? json(d.mean - *d.previous_mean) : json(nullptr)},
                       {"comments", d.comments}});
  }
  json actions = json::array();
  for (const auto& [a, o] : r.actions) actions.push_back({{"action", a}, {"owner", o}});
  return {{"id", r.id},
          {"partnerId", r.partner_id},
          {"partnerName", r.partner_name},
          {"title", r.title},
          {"openedAt", r.opened_at},
          {"serviceRaters", r.service_raters},
          {"partnerRaters", r.partner_raters},
          {"results", results},
          {"actions", actions}};
}

Response dimensions(Ctx&) {
  json out = json::array();
  for (const auto& d : kDimensions) out.push_back({{"code", d.code}, {"title", d.title}, {"question", d.question}});
  return Response::json(200, {{"items", out}});
}

Response open_review(Ctx& ctx, ReviewsService& svc) {
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  auto title = in->text("title", Need::required, {.min = 3, .max = 200});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_as(
      ctx, svc.open_review(ctx.actor(), ctx.param("partnerId"), *title),
      [](const PartnershipReview& r) { return review_json(r); }, 201);
}

Response list_reviews(Ctx& ctx, ReviewsService& svc) {
  auto r = svc.reviews(ctx.principal(), ctx.param("partnerId"));
  if (!r) return ctx.problem(r.error());
  json out = json::array();
  for (const auto& v : *r) out.push_back({{"id", v.id}, {"title", v.title}, {"openedAt", v.opened_at}});
  return Response::json(200, {{"items", out}});
}

Response get_review(Ctx& ctx, ReviewsService& svc) {
  return api::respond_as(ctx, svc.review(ctx.principal(), ctx.param("reviewId")),
                         [](const PartnershipReview& r) { return review_json(r); });
}

Response rate_review(Ctx& ctx, ReviewsService& svc) {
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  std::vector<std::tuple<std::string, int, std::string>> list;
  if (const auto* ratings = in->raw("ratings", Need::required)) {
    if (!ratings->is_array())
      in->add_error("ratings", "must be a list of {dimension, score, comment}");
    else
      for (const auto& x : *ratings) {
        if (!x.is_object() || !x.contains("dimension") || !x["dimension"].is_string() || !x.contains("score") ||
            !x["score"].is_number_integer()) {
          in->add_error("ratings", "each needs a dimension and a whole-number score");
          break;
        }
        auto score = whole_number_in(x["score"], 1, 5);
        if (!score) {
          in->add_error("ratings", "each score must be a whole number from 1 to 5");
          break;
        }
        std::string comment = x.contains("comment") && x["comment"].is_string() ? x["comment"].get<std::string>() : "";
        // Nothing is cut silently (a cut could split a character): too long is refused.
        if (comment.size() > 2000) {
          in->add_error("ratings", "each comment must be at most 2000 characters");
          break;
        }
        list.emplace_back(x["dimension"].get<std::string>(), static_cast<int>(*score), comment);
      }
  }
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_as(ctx, svc.rate(ctx.actor(), ctx.principal(), ctx.param("reviewId"), list),
                         [](const PartnershipReview& r) { return review_json(r); });
}

Response add_review_action(Ctx& ctx, ReviewsService& svc) {
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  auto action = in->text("action", Need::required, {.min = 3, .max = 1000, .multiline = true});
  auto owner = in->text("owner", Need::optional, {.max = 200});
  auto due = in->text("dueOn", Need::optional, {.max = 10});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_as(
      ctx, svc.add_action(ctx.actor(), ctx.principal(), ctx.param("reviewId"), *action, owner.value_or(""), due),
      [](const PartnershipReview& r) { return review_json(r); }, 201);
}

}  // namespace

void add_reviews_routes(api::Routes& r, ReviewsService& svc) {
  using P = access::Permission;
  r.add("GET", "/api/v1/partnership-reviews/dimensions", Rule::signed_in(),
        {.summary = "The dimensions a partnership review rates",
         .tag = "partners",
         .response = "PartnershipDimensionList"},
        dimensions);
  r.add("POST", "/api/v1/partners/:partnerId/reviews", Rule::need(P::manage_partners),
        {.summary = "Open a partnership review",
         .tag = "partners",
         .request = "NewPartnershipReview",
         .response = "PartnershipReview",
         .status = 201},
        api::with(open_review, svc));
  // Reviews are shared work: the service's managers and the partner's own users (checked per review).
  r.add("GET", "/api/v1/partners/:partnerId/reviews", Rule::signed_in(),
        {.summary = "A partner's reviews (its managers here, or its own users)",
         .tag = "partners",
         .response = "PartnershipReviewList"},
        api::with(list_reviews, svc));
  r.add("GET", "/api/v1/partnership-reviews/:reviewId", Rule::signed_in(),
        {.summary = "A review's results: mean, agreement and change per dimension, comments, actions",
         .tag = "partners",
         .response = "PartnershipReview"},
        api::with(get_review, svc));
  r.add("PUT", "/api/v1/partnership-reviews/:reviewId/ratings", Rule::signed_in(),
        {.summary = "Your ratings of every dimension (replaces your earlier ones)",
         .tag = "partners",
         .request = "PartnershipRatings",
         .response = "PartnershipReview"},
        api::with(rate_review, svc));
  r.add("POST", "/api/v1/partnership-reviews/:reviewId/actions", Rule::signed_in(),
        {.summary = "An action arising from the review",
         .tag = "partners",
         .request = "NewPartnershipReviewAction",
         .response = "PartnershipReview",
         .status = 201},
        api::with(add_review_action, svc));
}

}  // namespace trellis::partnerships
