#include "app/areas.hpp"

#include "access/routes.hpp"
#include "app/runtime.hpp"
#include "partnerships/routes.hpp"
#include "people/routes.hpp"
#include "recovery/routes.hpp"

namespace trellis::app {

// Each area registers its routes with only the services they use.
void add_area_routes(api::Routes& routes, Runtime& rt) {
  access::add_routes(routes, rt.access, rt.config);
  access::add_organisation_routes(routes, rt.access);
  people::add_routes(routes, rt.people, rt.access);
  recovery::add_routes(routes, rt.recovery);
  partnerships::add_routes(routes, rt.partnerships, rt.access);
}

}  // namespace trellis::app
