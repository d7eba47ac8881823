#include "partnerships/reviews/routes.hpp"

#include "api/ctx.hpp"
#include "api/routes.hpp"
#include "core/json_input.hpp"
#include "partnerships/reviews/service.hpp"

namespace trellis::partnerships {
namespace {

using access::Rule;
using api::Ctx;
using http::Response;

void write_review(JsonWriter& w, const PartnershipReview& r) {
  w.object([&] {
    w.field("id", r.id);
    w.field("partnerId", r.partner_id);
    w.field("partnerName", r.partner_name);
    w.field("title", r.title);
    w.field("openedAt", r.opened_at);
    w.field("serviceRaters", r.service_raters);
    w.field("partnerRaters", r.partner_raters);
    w.key("results");
    w.array([&] {
      for (const auto& d : r.results) {
        std::string title;
        for (const auto& k : kDimensions)
          if (k.code == d.code) title = std::string(k.title);
        // A dimension nobody has rated has no mean, spread or change yet.
        auto if_rated = [&](auto v) { return d.raters ? std::optional(v) : std::nullopt; };
        w.object([&] {
          w.field("dimension", d.code);
          w.field("title", title);
          w.field("raters", d.raters);
          w.field("mean", if_rated(d.mean));
          w.field("spread", if_rated(d.spread));
          w.field("previousMean", d.previous_mean);
          w.field("change", d.previous_mean ? if_rated(d.mean - *d.previous_mean) : std::nullopt);
          w.field("comments", d.comments);
        });
      }
    });
    w.key("actions");
    w.array([&] {
      for (const auto& action : r.actions)
        w.object([&] {
          w.field("action", action.first);
          w.field("owner", action.second);
        });
    });
  });
}

Response dimensions(Ctx&) {
  return Response::json(200, api::items(kDimensions, [](JsonWriter& w, const auto& d) {
                          w.object([&] {
                            w.field("code", d.code);
                            w.field("title", d.title);
                            w.field("question", d.question);
                          });
                        }));
}

Response open_review(Ctx& ctx, ReviewsService& svc) {
  auto in = ctx.input();
  if (!in) return ctx.problem(in.error());
  auto title = in->text("title", Need::required, {.min = 3, .max = 200});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_as(ctx, svc.open_review(ctx.actor(), ctx.param("partnerId"), *title), write_review, 201);
}

Response list_reviews(Ctx& ctx, ReviewsService& svc) {
  auto r = svc.reviews(ctx.principal(), ctx.param("partnerId"));
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items(*r, [](JsonWriter& w, const PartnershipReview& v) {
                          w.object([&] {
                            w.field("id", v.id);
                            w.field("title", v.title);
                            w.field("openedAt", v.opened_at);
                          });
                        }));
}

Response get_review(Ctx& ctx, ReviewsService& svc) {
  return api::respond_as(ctx, svc.review(ctx.principal(), ctx.param("reviewId")), write_review);
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
  return api::respond_as(ctx, svc.rate(ctx.actor(), ctx.principal(), ctx.param("reviewId"), list), write_review);
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
      write_review, 201);
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
