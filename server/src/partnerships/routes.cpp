#include "partnerships/routes.hpp"

#include <cmath>
#include <cstdlib>

#include "http/context.hpp"
#include "http/router.hpp"
#include "partnerships/service.hpp"

namespace trellis::partnerships {
namespace {

using access::Rule;
using http::Ctx;
using http::Response;
using nlohmann::json;

json report_json(const ImportReport& r) {
  json rejected = json::array();
  for (const auto& x : r.rejected) rejected.push_back({{"index", x.index}, {"id", x.id}, {"reason", x.reason}});
  return {{"applied", r.applied()}, {"added", r.added}, {"updated", r.updated}, {"unchanged", r.unchanged},
          {"rejected", rejected}};
}

Response import_directory(Ctx& ctx) {
  auto r = ctx.app.partnerships.import_hsds(ctx.actor(), ctx.req.body);
  if (!r) return ctx.problem(r.error());
  if (!r->applied()) {
    Error e = Error::make(ErrorKind::unprocessable, "Nothing was imported: some records need fixing",
                          std::to_string(r->rejected.size()) + " records could not be read; the whole file was left out.",
                          "hsds_rejected");
    for (const auto& x : r->rejected)
      e.fields.push_back({"records[" + std::to_string(x.index) + "]", (x.id.empty() ? "" : x.id + ": ") + x.reason});
    return ctx.problem(e);
  }
  return Response::json(200, report_json(*r));
}

Response export_directory(Ctx& ctx) {
  auto r = ctx.app.partnerships.export_hsds(ctx.actor());
  if (!r) return ctx.problem(r.error());
  auto resp = Response::json(200, *r);
  resp.header("Content-Disposition", "attachment; filename=\"directory-hsds.json\"");
  return resp;
}

Result<std::optional<double>> number_param(const http::Request& req, const char* name, double min, double max) {
  auto v = req.query(name);
  if (!v || v->empty()) return std::optional<double>{};
  char* end = nullptr;
  double d = std::strtod(v->c_str(), &end);
  if (end != v->c_str() + v->size() || !(d >= min && d <= max))
    return fail(Error::field(ErrorKind::bad_request, name,
                             "must be a number from " + std::to_string(static_cast<int>(min)) + " to " +
                                 std::to_string(static_cast<int>(max))));
  return std::optional<double>{d};
}

Response find_services(Ctx& ctx) {
  db::ServiceQuery q;
  q.folded_text = ctx.req.query("q").value_or("");
  if (auto l = ctx.req.query("language"); l && !l->empty()) q.language = *l;
  auto lat = number_param(ctx.req, "lat", -90, 90);
  auto lon = number_param(ctx.req, "lon", -180, 180);
  auto radius = number_param(ctx.req, "radiusKm", 0.1, 500);
  for (const auto* r : {&lat, &lon, &radius})
    if (!*r) return ctx.problem(r->error());
  if (lat->has_value() != lon->has_value())
    return ctx.problem(Error::field(ErrorKind::bad_request, lat->has_value() ? "lon" : "lat", "is needed with the other"));
  if (*lat) {
    q.near_lat_e6 = static_cast<std::int64_t>(std::llround(**lat * 1e6));
    q.near_lon_e6 = static_cast<std::int64_t>(std::llround(**lon * 1e6));
  }
  if (*radius) q.radius_km = **radius;
  auto r = ctx.app.partnerships.find_services(ctx.principal().user.org_id, q);
  if (!r) return ctx.problem(r.error());
  json list = json::array();
  for (const auto& h : *r) {
    auto deg = [](const std::optional<std::int64_t>& v) { return v ? json(static_cast<double>(*v) / 1e6) : json(nullptr); };
    list.push_back({{"id", h.id}, {"organizationId", h.organization_id}, {"name", h.name}, {"description", h.description},
                    {"status", h.status}, {"languages", h.languages}, {"latitude", deg(h.latitude_e6)},
                    {"longitude", deg(h.longitude_e6)}});
  }
  return Response::json(200, {{"items", list}});
}

}  // namespace

void add_routes(http::Router& r) {
  using P = access::Permission;
  r.add("GET", "/api/v1/directory/services", Rule::need(P::view_directory),
        {"Find services: words (?q=), language, and nearest first from ?lat=&lon= within ?radiusKm=", "directory"},
        find_services);
  r.add("POST", "/api/v1/directory/import", Rule::need(P::manage_directory),
        {"Import Open Referral HSDS 3.0 JSON; all or nothing", "directory"}, import_directory);
  r.add("GET", "/api/v1/directory/export", Rule::need(P::manage_directory),
        {"Export the directory as Open Referral HSDS 3.0 JSON", "directory"}, export_directory);
}

}  // namespace trellis::partnerships
