#include "people/routes.hpp"

#include "people/break_glass/routes.hpp"
#include "people/caseload/routes.hpp"
#include "people/consent/routes.hpp"
#include "people/people.hpp"
#include "people/records/routes.hpp"
#include "people/supporters/routes.hpp"

namespace trellis::people {

void add_routes(api::Routes& routes, People& area, access::AccessService& access) {
  add_caseload_routes(routes, area.caseload);
  add_records_routes(routes, area.records, access);
  add_supporters_routes(routes, area.supporters);
  add_consent_routes(routes, area.consent);
  add_break_glass_routes(routes, area.break_glass);
}

}  // namespace trellis::people
