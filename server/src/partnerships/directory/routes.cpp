#include "partnerships/directory/routes.hpp"

#include <cmath>
#include <cstdlib>

#include "api/ctx.hpp"
#include "api/routes.hpp"
#include "core/json_input.hpp"
#include "core/pagination.hpp"
#include "partnerships/directory/service.hpp"
#include "store/sql.hpp"

namespace trellis::partnerships {
namespace {

using access::Rule;
using api::Ctx;
using http::Response;

JsonWriter import_json(const ImportProgress& p) {
  JsonWriter w;
  w.object([&] {
    w.field("id", p.id);
    w.field("state", p.state);
    w.field("done", p.done);
    w.field("total", p.total);
    if (p.state == "applied") {
      w.field("added", p.report.added);
      w.field("updated", p.report.updated);
      w.field("unchanged", p.report.unchanged);
    }
    if (p.error) {
      w.key("error");
      w.object([&] {
        w.field("title", p.error->title);
        w.field("detail", p.error->detail);
      });
    }
  });
  return w;
}

// The body is HSDS JSON, or {"tables": {"services.csv": "…", …}} for a tabular export.
Response start_directory_import(Ctx& ctx, DirectoryService& svc) {
  const auto& body = *ctx.body;  // parsed once, and its shape checked, by the pipeline
  Result<HsdsFile> file = body.is_object() && body.contains("tables") ? [&]() -> Result<HsdsFile> {
    if (!body["tables"].is_object())
      return fail(Error::field(ErrorKind::bad_request, "tables", "must map each CSV file's name to its text"));
    std::map<std::string, std::string> tables;
    for (const auto& [name, text] : body["tables"].items()) {
      if (!text.is_string())
        return fail(Error::field(ErrorKind::bad_request, "tables." + name, "must be the file's text"));
      if (name != "datapackage.json") tables[name] = text.get<std::string>();
    }
    return read_hsds_tables(tables);
  }()
      : read_hsds_document(body);
  if (!file) return ctx.problem(file.error());
  auto job = svc.start_import(ctx.actor(), std::move(*file));
  if (!job) return ctx.problem(job.error());
  auto resp = Response::json(202, import_json(*job));
  resp.header("Location", "/api/v1/directory/imports/" + job->id);
  return resp;
}

Response directory_import(Ctx& ctx, DirectoryService& svc) {
  auto job = svc.import_progress(ctx.principal().user.org_id, ctx.param("id"));
  if (!job)
    return ctx.problem(Error::make(ErrorKind::not_found, "We could not find that import",
                                   "Finished imports are kept for an hour.", "not_found"));
  return Response::json(200, import_json(*job));
}

Response export_directory(Ctx& ctx, DirectoryService& svc) {
  auto r = svc.export_hsds(ctx.actor());
  if (!r) return ctx.problem(r.error());
  // The HSDS documents are kept as they came, so the export places them whole.
  JsonWriter w;
  w.json_value(*r);
  auto resp = Response::json(200, std::move(w));
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

// "2026-11-23T14:30": a moment in local time at the services.
Result<std::optional<db::LocalMoment>> moment_param(const http::Request& req, const char* name) {
  auto v = req.query(name);
  if (!v || v->empty()) return std::optional<db::LocalMoment>{};
  const auto& t = *v;
  auto digits = [&](std::size_t at) {
    return std::isdigit(static_cast<unsigned char>(t[at])) && std::isdigit(static_cast<unsigned char>(t[at + 1]));
  };
  if (t.size() != 16 || t[10] != 'T' || t[13] != ':' || !valid_date(t.substr(0, 10)) || !digits(11) || !digits(14) ||
      std::stoi(t.substr(11, 2)) > 23 || std::stoi(t.substr(14, 2)) > 59)
    return fail(Error::field(ErrorKind::bad_request, name, "must be a local date and time like 2026-11-23T14:30"));
  return std::optional<db::LocalMoment>{db::LocalMoment{
      weekday_of(t.substr(0, 10)), std::stoi(t.substr(11, 2)) * 60 + std::stoi(t.substr(14, 2)), t.substr(0, 10)}};
}

void write_service(JsonWriter& w, const db::ServiceHit& h, const std::optional<db::Place>& from) {
  auto deg = [](const std::optional<std::int64_t>& v) {
    return v ? std::optional(static_cast<double>(*v) / 1e6) : std::nullopt;
  };
  std::optional<double> distance_km;
  if (from && h.latitude_e6 && h.longitude_e6) {
    // Great-circle distance, rounded to 100 m for showing.
    constexpr double kRad = M_PI / 180e6, kEarthKm = 6371.0;
    double la1 = static_cast<double>(from->latitude_e6) * kRad, la2 = static_cast<double>(*h.latitude_e6) * kRad;
    double dla = la2 - la1, dlo = static_cast<double>(*h.longitude_e6 - from->longitude_e6) * kRad;
    double a =
        std::sin(dla / 2) * std::sin(dla / 2) + std::cos(la1) * std::cos(la2) * std::sin(dlo / 2) * std::sin(dlo / 2);
    distance_km = std::round(2 * kEarthKm * std::asin(std::sqrt(a)) * 10) / 10;
  }
  w.object([&] {
    w.field("id", h.id);
    w.field("organizationId", h.organization_id);
    w.field("organizationName", h.organization_name);
    w.field("name", h.name);
    w.field("description", h.description);
    w.field("status", h.status);
    w.field("languages", h.languages);
    w.field("categories", store::split_list(h.taxonomy_codes));
    w.field("postcode", h.postcode);
    w.field("latitude", deg(h.latitude_e6));
    w.field("longitude", deg(h.longitude_e6));
    if (distance_km) w.field("distanceKm", *distance_km);
  });
}

db::ServiceQuery with_point(db::ServiceQuery q, const db::Place& p) {
  q.near_lat_e6 = p.latitude_e6;
  q.near_lon_e6 = p.longitude_e6;
  return q;
}

Response find_services(Ctx& ctx, DirectoryService& svc) {
  auto page = parse_page(ctx.req.query("limit"), ctx.req.query("cursor"));
  if (!page) return ctx.problem(page.error());
  db::ServiceQuery q;
  q.limit = page->limit + 1;  // one more than asked: whether there is a next page
  q.after = page->after;
  q.folded_text = ctx.req.query("q").value_or("");
  if (auto l = ctx.req.query("language"); l && !l->empty()) q.language = *l;
  if (auto k = ctx.req.query("category"); k && !k->empty()) q.category = *k;
  auto open_at = moment_param(ctx.req, "openAt");
  if (!open_at) return ctx.problem(open_at.error());
  q.open_at = *open_at;
  auto lat = number_param(ctx.req, "lat", -90, 90);
  auto lon = number_param(ctx.req, "lon", -180, 180);
  auto radius = number_param(ctx.req, "radiusKm", 0.1, 500);
  for (const auto* r : {&lat, &lon, &radius})
    if (!*r) return ctx.problem(r->error());
  if (lat->has_value() != lon->has_value())
    return ctx.problem(
        Error::field(ErrorKind::bad_request, lat->has_value() ? "lon" : "lat", "is needed with the other"));
  auto near = ctx.req.query("near").value_or("");
  if (*lat && !near.empty())
    return ctx.problem(Error::field(ErrorKind::bad_request, "near", "give a place or a point (lat, lon), not both"));
  if (near.size() > 200)
    return ctx.problem(Error::field(ErrorKind::bad_request, "near", "must be at most 200 characters"));
  std::optional<db::Place> point;
  if (*lat) {
    q.near_lat_e6 = static_cast<std::int64_t>(std::llround(**lat * 1e6));
    q.near_lon_e6 = static_cast<std::int64_t>(std::llround(**lon * 1e6));
    point = db::Place{*q.near_lat_e6, *q.near_lon_e6, 0};
  }
  if (*radius) q.radius_km = **radius;
  auto r = svc.find_services(ctx.principal().user.org_id, q, near);
  if (!r) return ctx.problem(r.error());
  if (r->near) point = r->near;
  std::optional<std::string> next;
  if (r->hits.size() > page->limit) {
    r->hits.resize(page->limit);
    const auto& last = r->hits.back();
    // Nearest first orders by distance from the point (services without a place are never in
    // such a search); by name otherwise.
    auto key = point ? std::to_string(db::search_distance(q.near_lat_e6 ? q : with_point(q, *point), *last.latitude_e6,
                                                          *last.longitude_e6))
                     : last.name;
    next = encode_cursor({point ? "d" : "n", key, last.id});
  }
  return Response::object(200, [&](JsonWriter& w) {
    api::write_page(w, r->hits, next, [&](JsonWriter& out, const db::ServiceHit& h) { write_service(out, h, point); });
    if (!r->near) return;
    w.key("near");
    w.object([&] {
      w.field("latitude", static_cast<double>(r->near->latitude_e6) / 1e6);
      w.field("longitude", static_cast<double>(r->near->longitude_e6) / 1e6);
    });
  });
}

Response directory_categories(Ctx& ctx, DirectoryService& svc) {
  auto r = svc.categories(ctx.principal().user.org_id);
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items(*r, [](JsonWriter& w, const db::CategoryCount& k) {
                          w.object([&] {
                            w.field("code", k.code);
                            w.field("name", k.name);
                            w.field("services", k.services);
                          });
                        }));
}

}  // namespace

void add_directory_routes(api::Routes& r, DirectoryService& svc) {
  using P = access::Permission;
  r.add("GET", "/api/v1/directory/services", Rule::need(P::view_directory),
        {.summary = "Find services: words (?q=), ?category=, ?language=, ?openAt= (local time), and nearest first from"
                    " ?near= (suburb, postcode or address) or ?lat=&lon=, within ?radiusKm=",
         .tag = "directory",
         .response = "DirectorySearchPage",
         .query = {{"q", "DirectorySearchText", "Words, each matched as a prefix, without regard to accents"},
                   {"category", "DirectoryCategoryCode", "Only services with this category"},
                   {"language", "DirectoryLanguage", "Only services offered in this language"},
                   {"openAt", "DirectoryLocalMoment", "Only services open then"},
                   {"near", "DirectoryNear", "Nearest first from this place"},
                   {"lat", "DirectoryLatitude", "Nearest first from this point"},
                   {"lon", "DirectoryLongitude", "Nearest first from this point"},
                   {"radiusKm", "DirectoryRadiusKm", "How far from the place or point to look"},
                   {"limit", "Limit", "How many services to answer with (50 unless asked)"},
                   {"cursor", "Cursor", "The nextCursor of the page before"}}},
        api::with(find_services, svc));
  r.add("GET", "/api/v1/directory/categories", Rule::need(P::view_directory),
        {.summary = "The directory's categories (taxonomy terms) with how many services each has",
         .tag = "directory",
         .response = "DirectoryCategoryList"},
        api::with(directory_categories, svc));
  r.add("POST", "/api/v1/directory/imports", Rule::need(P::manage_directory),
        {.summary =
             "Start importing Open Referral HSDS 3.0 (JSON, or {\"tables\": CSV files}); all or nothing: a file with"
             " any bad record is refused whole with each reason",
         .tag = "directory",
         .request = "DirectoryImport",
         .response = "DirectoryImportProgress",
         .status = 202},
        api::with(start_directory_import, svc));
  r.add("GET", "/api/v1/directory/imports/:id", Rule::need(P::manage_directory),
        {.summary = "An import's progress (records applied of all) and, when applied, what it added and updated",
         .tag = "directory",
         .response = "DirectoryImportProgress"},
        api::with(directory_import, svc));
  r.add(
      "GET", "/api/v1/directory/export", Rule::need(P::manage_directory),
      {.summary = "Export the directory as Open Referral HSDS 3.0 JSON", .tag = "directory", .response = "HsdsExport"},
      api::with(export_directory, svc));
}

}  // namespace trellis::partnerships
