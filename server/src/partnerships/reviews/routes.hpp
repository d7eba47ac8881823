// HTTP routes of partnership reviews.
#pragma once

namespace trellis::api {
class Routes;
}

namespace trellis::partnerships {
class ReviewsService;
void add_reviews_routes(api::Routes& routes, ReviewsService& svc);
}  // namespace trellis::partnerships
