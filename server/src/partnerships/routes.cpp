#include "partnerships/routes.hpp"

#include <cmath>
#include <cstdlib>

#include "access/passwords.hpp"
#include "access/service.hpp"
#include "core/json_input.hpp"
#include "api/ctx.hpp"
#include "api/routes.hpp"
#include "partnerships/service.hpp"
#include "store/sql.hpp"

namespace trellis::partnerships {
namespace {

using access::Rule;
using api::Ctx;
using http::Response;
using nlohmann::json;

json import_json(const ImportProgress& p) {
  json out = {{"id", p.id}, {"state", p.state}, {"done", p.done}, {"total", p.total}};
  if (p.state == "applied") {
    out["added"] = p.report.added;
    out["updated"] = p.report.updated;
    out["unchanged"] = p.report.unchanged;
  }
  if (p.error) out["error"] = {{"title", p.error->title}, {"detail", p.error->detail}};
  return out;
}

// The body is HSDS JSON, or {"tables": {"services.csv": "…", …}} for a tabular export.
Response start_directory_import(Ctx& ctx, PartnershipsService& svc) {
  auto body = json::parse(ctx.req.body, nullptr, false);
  Result<HsdsFile> file = !body.is_discarded() && body.is_object() && body.contains("tables")
                              ? [&]() -> Result<HsdsFile> {
                                  if (!body["tables"].is_object())
                                    return fail(Error::field(ErrorKind::bad_request, "tables",
                                                             "must map each CSV file's name to its text"));
                                  std::map<std::string, std::string> tables;
                                  for (const auto& [name, text] : body["tables"].items()) {
                                    if (!text.is_string())
                                      return fail(Error::field(ErrorKind::bad_request, "tables." + name,
                                                               "must be the file's text"));
                                    if (name != "datapackage.json") tables[name] = text.get<std::string>();
                                  }
                                  return read_hsds_tables(tables);
                                }()
                              : read_hsds_json(ctx.req.body);
  if (!file) return ctx.problem(file.error());
  auto job = svc.start_import(ctx.actor(), std::move(*file));
  if (!job) return ctx.problem(job.error());
  auto resp = Response::json(202, import_json(*job));
  resp.header("Location", "/api/v1/directory/imports/" + job->id);
  return resp;
}

Response directory_import(Ctx& ctx, PartnershipsService& svc) {
  auto job = svc.import_progress(ctx.principal().user.org_id, ctx.param("id"));
  if (!job)
    return ctx.problem(Error::make(ErrorKind::not_found, "We could not find that import",
                                   "Finished imports are kept for an hour.", "not_found"));
  return Response::json(200, import_json(*job));
}

Response export_directory(Ctx& ctx, PartnershipsService& svc) {
  auto r = svc.export_hsds(ctx.actor());
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
  return std::optional<db::LocalMoment>{
      db::LocalMoment{weekday_of(t.substr(0, 10)), std::stoi(t.substr(11, 2)) * 60 + std::stoi(t.substr(14, 2)),
                      t.substr(0, 10)}};
}

json service_json(const db::ServiceHit& h, const std::optional<db::Place>& from) {
  auto deg = [](const std::optional<std::int64_t>& v) { return v ? json(static_cast<double>(*v) / 1e6) : json(nullptr); };
  json out = {{"id", h.id},
              {"organizationId", h.organization_id},
              {"organizationName", h.organization_name},
              {"name", h.name},
              {"description", h.description},
              {"status", h.status},
              {"languages", h.languages},
              {"categories", store::split_list(h.taxonomy_codes)},
              {"postcode", h.postcode},
              {"latitude", deg(h.latitude_e6)},
              {"longitude", deg(h.longitude_e6)}};
  if (from && h.latitude_e6 && h.longitude_e6) {
    // Great-circle distance, rounded to 100 m for showing.
    constexpr double kRad = M_PI / 180e6, kEarthKm = 6371.0;
    double la1 = static_cast<double>(from->latitude_e6) * kRad, la2 = static_cast<double>(*h.latitude_e6) * kRad;
    double dla = la2 - la1, dlo = static_cast<double>(*h.longitude_e6 - from->longitude_e6) * kRad;
    double a = std::sin(dla / 2) * std::sin(dla / 2) + std::cos(la1) * std::cos(la2) * std::sin(dlo / 2) * std::sin(dlo / 2);
    out["distanceKm"] = std::round(2 * kEarthKm * std::asin(std::sqrt(a)) * 10) / 10;
  }
  return out;
}

Response find_services(Ctx& ctx, PartnershipsService& svc) {
  db::ServiceQuery q;
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
    return ctx.problem(Error::field(ErrorKind::bad_request, lat->has_value() ? "lon" : "lat", "is needed with the other"));
  auto near = ctx.req.query("near").value_or("");
  if (*lat && !near.empty())
    return ctx.problem(Error::field(ErrorKind::bad_request, "near", "give a place or a point (lat, lon), not both"));
  if (near.size() > 200) return ctx.problem(Error::field(ErrorKind::bad_request, "near", "must be at most 200 characters"));
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
  json list = json::array();
  for (const auto& h : r->hits) list.push_back(service_json(h, point));
  json out = {{"items", list}};
  if (r->near)
    out["near"] = {{"latitude", static_cast<double>(r->near->latitude_e6) / 1e6},
                   {"longitude", static_cast<double>(r->near->longitude_e6) / 1e6}};
  return Response::json(200, out);
}

Response directory_categories(Ctx& ctx, PartnershipsService& svc) {
  auto r = svc.categories(ctx.principal().user.org_id);
  if (!r) return ctx.problem(r.error());
  json list = json::array();
  for (const auto& k : *r) list.push_back({{"code", k.code}, {"name", k.name}, {"services", k.services}});
  return Response::json(200, {{"items", list}});
}

}  // namespace

void add_referral_routes(api::Routes& r, PartnershipsService& svc, access::AccessService& access);

void add_routes(api::Routes& r, PartnershipsService& svc, access::AccessService& access) {
  add_referral_routes(r, svc, access);
  using P = access::Permission;
  r.add("GET", "/api/v1/directory/services", Rule::need(P::view_directory),
        {"Find services: words (?q=), ?category=, ?language=, ?openAt= (local time), and nearest first from"
         " ?near= (suburb, postcode or address) or ?lat=&lon=, within ?radiusKm=",
         "directory"}, api::with(find_services, svc));
  r.add("GET", "/api/v1/directory/categories", Rule::need(P::view_directory),
        {"The directory's categories (taxonomy terms) with how many services each has", "directory"}, api::with(directory_categories, svc));
  r.add("POST", "/api/v1/directory/imports", Rule::need(P::manage_directory),
        {"Start importing Open Referral HSDS 3.0 (JSON, or {\"tables\": CSV files}); all or nothing: a file with any"
         " bad record is refused whole with each reason",
         "directory"}, api::with(start_directory_import, svc));
  r.add("GET", "/api/v1/directory/imports/:id", Rule::need(P::manage_directory),
        {"An import's progress (records applied of all) and, when applied, what it added and updated", "directory"}, api::with(directory_import, svc));
  r.add("GET", "/api/v1/directory/export", Rule::need(P::manage_directory),
        {"Export the directory as Open Referral HSDS 3.0 JSON", "directory"}, api::with(export_directory, svc));
}

}  // namespace trellis::partnerships

namespace trellis::partnerships {

using access::Part;
using nlohmann::json;

// Beside the types, so the list renderer finds them.
static json opt(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

json to_json(const Partner& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"directoryOrganizationId", p.directory_organization_id},
          {"status", p.status},
          {"agreementPurpose", p.agreement_purpose},
          {"agreementRoles", p.agreement_roles},
          {"informationSharing", p.information_sharing},
          {"responseDays", p.response_days},
          {"takingReferrals", p.taking_referrals},
          {"waitWeeks", p.wait_weeks ? json(*p.wait_weeks) : json(nullptr)},
          {"agreementStartsOn", opt(p.agreement_starts_on)},
          {"agreementReviewOn", opt(p.agreement_review_on)},
          {"requiredParts", [&] {
             json parts = json::array();
             for (auto x : p.required_parts) parts.push_back(access::part_name(x));
             return parts;
           }()},
          {"referralGuidance", p.referral_guidance},
          {"agreementExpectations", p.agreement_expectations},
          {"agreementContacts", p.agreement_contacts},
          {"ourResources", p.our_resources},
          {"partnerResources", p.partner_resources},
          {"capacityUpdatedAt", opt(p.capacity_updated_at)},
          {"version", p.version}};
}

json to_json(const Referral& r) {
  json parts = json::array();
  for (auto p : r.shared_parts) parts.push_back(access::part_name(p));
  return {{"id", r.id},         {"personId", r.person_id},       {"personName", r.person_name},
          {"partnerId", r.partner_id}, {"partnerName", r.partner_name}, {"serviceName", r.service_name},
          {"reason", r.reason}, {"goalIds", r.goal_ids},         {"sharedParts", parts},
          {"status", r.status}, {"declineReason", r.decline_reason}, {"outcome", r.outcome},
          {"sentAt", opt(r.sent_at)}, {"respondedAt", opt(r.responded_at)}, {"closedAt", opt(r.closed_at)},
          {"overdue", r.overdue}, {"createdAt", r.created_at},    {"version", r.version},
          {"personWithheld", r.person_withheld}};
}

json to_json(const SharedCarePlan& p) {
  return {{"id", p.id},           {"partnerId", p.partner_id},      {"partnerName", p.partner_name},
          {"purpose", p.purpose}, {"whoDoesWhat", p.who_does_what}, {"contacts", p.contacts},
          {"dischargePlan", p.discharge_plan}, {"reviewOn", opt(p.review_on)}, {"updatedAt", p.updated_at},
          {"version", p.version}};
}

json to_json(const CaseConference& k) {
  return {{"id", k.id},         {"heldOn", k.held_on},   {"attendees", k.attendees}, {"decisions", k.decisions},
          {"actions", k.actions}, {"personAttended", k.person_attended}, {"createdAt", k.created_at}};
}

json to_json(const ReferralEvent& e) {
  return {{"at", e.at}, {"from", e.from_status}, {"to", e.to_status}, {"note", e.note}, {"byRole", opt(e.by_role)}};
}

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
  return {{"id", r.id},           {"partnerId", r.partner_id},       {"partnerName", r.partner_name},
          {"title", r.title},     {"openedAt", r.opened_at},         {"serviceRaters", r.service_raters},
          {"partnerRaters", r.partner_raters}, {"results", results}, {"actions", actions}};
}

Result<SharedCarePlan> read_shared_care(const http::Request& req, Need need) {
  auto in = TRY(JsonReader::parse(req.body));
  SharedCarePlan p;
  TextRule para{.max = 4000, .multiline = true};
  if (need == Need::required) p.partner_id = in.id("partnerId", Need::required).value_or("");
  p.purpose = in.text("purpose", need, {.min = 3, .max = 1000, .multiline = true}).value_or("");
  p.who_does_what = in.text("whoDoesWhat", Need::optional, para).value_or("");
  p.contacts = in.text("contacts", Need::optional, para).value_or("");
  p.discharge_plan = in.text("dischargePlan", Need::optional, para).value_or("");
  if (auto r = in.text("reviewOn", Need::optional, {.max = 10}); r && !r->empty()) p.review_on = r;
  TRY_VOID(in.finish());
  return p;
}

Response list_shared_care(Ctx& ctx, PartnershipsService& svc) {
  auto r = svc.shared_care(ctx.principal().user.org_id, ctx.param("id"));
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items_json(*r));
}

Response add_shared_care(Ctx& ctx, PartnershipsService& svc) {
  auto in = read_shared_care(ctx.req, Need::required);
  if (!in) return ctx.problem(in.error());
  return api::respond_as(ctx, svc.add_shared_care(ctx.actor(), ctx.param("id"), *in),
                          [](const SharedCarePlan& p) { return to_json(p); }, 201);
}

Response update_shared_care(Ctx& ctx, PartnershipsService& svc) {
  auto version = api::if_match_version(ctx.req);
  if (!version) return ctx.problem(version.error());
  auto in = read_shared_care(ctx.req, Need::optional);
  if (!in) return ctx.problem(in.error());
  return api::respond_as(ctx, svc.update_shared_care(ctx.actor(), ctx.param("id"), ctx.param("planId"), *version, *in),
                          [](const SharedCarePlan& p) { return to_json(p); });
}

Response list_conferences(Ctx& ctx, PartnershipsService& svc) {
  auto r = svc.case_conferences(ctx.principal().user.org_id, ctx.param("id"));
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items_json(*r));
}

Response add_conference(Ctx& ctx, PartnershipsService& svc) {
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  CaseConference k;
  TextRule para{.max = 4000, .multiline = true};
  k.held_on = in->text("heldOn", Need::required, {.max = 10}).value_or("");
  k.attendees = in->text("attendees", Need::required, {.min = 2, .max = 2000, .multiline = true}).value_or("");
  k.decisions = in->text("decisions", Need::optional, para).value_or("");
  k.actions = in->text("actions", Need::optional, para).value_or("");
  k.person_attended = in->boolean("personAttended", Need::optional).value_or(false);
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_as(ctx, svc.add_case_conference(ctx.actor(), ctx.param("id"), k),
                          [](const CaseConference& x) { return to_json(x); }, 201);
}

Response dimensions(Ctx&) {
  json out = json::array();
  for (const auto& d : kDimensions) out.push_back({{"code", d.code}, {"title", d.title}, {"question", d.question}});
  return Response::json(200, {{"items", out}});
}

Response open_review(Ctx& ctx, PartnershipsService& svc) {
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  auto title = in->text("title", Need::required, {.min = 3, .max = 200});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_as(ctx, svc.open_review(ctx.actor(), ctx.param("partnerId"), *title),
                          [](const PartnershipReview& r) { return review_json(r); }, 201);
}

Response list_reviews(Ctx& ctx, PartnershipsService& svc) {
  auto r = svc.reviews(ctx.principal(), ctx.param("partnerId"));
  if (!r) return ctx.problem(r.error());
  json out = json::array();
  for (const auto& v : *r) out.push_back({{"id", v.id}, {"title", v.title}, {"openedAt", v.opened_at}});
  return Response::json(200, {{"items", out}});
}

Response get_review(Ctx& ctx, PartnershipsService& svc) {
  return api::respond_as(ctx, svc.review(ctx.principal(), ctx.param("reviewId")),
                          [](const PartnershipReview& r) { return review_json(r); });
}

Response rate_review(Ctx& ctx, PartnershipsService& svc) {
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  std::vector<std::tuple<std::string, int, std::string>> list;
  if (const auto* ratings = in->raw("ratings", Need::required)) {
    if (!ratings->is_array()) in->add_error("ratings", "must be a list of {dimension, score, comment}");
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

Response add_review_action(Ctx& ctx, PartnershipsService& svc) {
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  auto action = in->text("action", Need::required, {.min = 3, .max = 1000, .multiline = true});
  auto owner = in->text("owner", Need::optional, {.max = 200});
  auto due = in->text("dueOn", Need::optional, {.max = 10});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_as(ctx, svc.add_action(ctx.actor(), ctx.principal(), ctx.param("reviewId"), *action,
                                                   owner.value_or(""), due),
                          [](const PartnershipReview& r) { return review_json(r); }, 201);
}

Response list_partners(Ctx& ctx, PartnershipsService& svc) {
  auto r = svc.partners(ctx.principal().user.org_id);
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items_json(*r));
}

// A partner agency and its whole agreement, for adding one or replacing what is kept.
Result<Partner> read_partner(const http::Request& req) {
  auto in = TRY(JsonReader::parse(req.body));
  Partner p;
  TextRule para{.max = 4000, .multiline = true};
  p.name = in.text("name", Need::required, {.min = 2, .max = 200}).value_or("");
  p.directory_organization_id = in.text("directoryOrganizationId", Need::optional, {.max = 64}).value_or("");
  static constexpr std::string_view kStatuses[] = {"active", "paused", "ended"};
  p.status = in.one_of("status", Need::optional, kStatuses).value_or("active");
  p.agreement_purpose = in.text("agreementPurpose", Need::optional, para).value_or("");
  p.agreement_roles = in.text("agreementRoles", Need::optional, para).value_or("");
  p.agreement_expectations = in.text("agreementExpectations", Need::optional, para).value_or("");
  p.agreement_contacts = in.text("agreementContacts", Need::optional, para).value_or("");
  p.information_sharing = in.text("informationSharing", Need::optional, para).value_or("");
  p.our_resources = in.text("ourResources", Need::optional, para).value_or("");
  p.partner_resources = in.text("partnerResources", Need::optional, para).value_or("");
  p.response_days = static_cast<int>(in.integer("responseDays", Need::optional, 1, 60).value_or(5));
  p.taking_referrals = in.boolean("takingReferrals", Need::optional).value_or(true);
  if (auto w = in.integer("waitWeeks", Need::optional, 0, 104)) p.wait_weeks = static_cast<int>(*w);
  for (auto [field, date] : {std::pair{"agreementStartsOn", &p.agreement_starts_on}, {"agreementReviewOn", &p.agreement_review_on}})
    if (auto d = in.text(field, Need::optional, {.max = 10}); d && !d->empty()) *date = d;
  std::vector<std::string_view> shareable;
  for (auto x : access::kShareableParts) shareable.push_back(access::part_name(x));
  for (const auto& name : in.name_list("requiredParts", Need::optional, shareable).value_or(std::vector<std::string>{}))
    p.required_parts.push_back(*access::parse_part(name));
  p.referral_guidance = in.text("referralGuidance", Need::optional, {.max = 2000, .multiline = true}).value_or("");
  TRY_VOID(in.finish());
  return p;
}

Response add_partner(Ctx& ctx, PartnershipsService& svc) {
  auto p = read_partner(ctx.req);
  if (!p) return ctx.problem(p.error());
  return api::respond_as(ctx, svc.add_partner(ctx.actor(), *p), [](const Partner& x) { return to_json(x); }, 201);
}

Response update_partner(Ctx& ctx, PartnershipsService& svc) {
  auto version = api::if_match_version(ctx.req);
  if (!version) return ctx.problem(version.error());
  auto p = read_partner(ctx.req);
  if (!p) return ctx.problem(p.error());
  return api::respond_as(ctx, svc.update_partner(ctx.actor(), ctx.param("partnerId"), *version, *p),
                          [](const Partner& x) { return to_json(x); });
}

json document_json(const PartnerDocument& d) {
  return {{"id", d.id},           {"partnerId", d.partner_id},   {"name", d.name},
          {"contentType", d.content_type}, {"sizeBytes", d.size_bytes}, {"uploadedAt", d.uploaded_at}};
}

Response attach_document(Ctx& ctx, PartnershipsService& svc) {
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  auto name = in->text("name", Need::required, {.min = 1, .max = 200}).value_or("");
  auto type = in->text("contentType", Need::required, {.max = 100}).value_or("");
  auto data = in->text("data", Need::required, {.max = 1 << 20}).value_or("");
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_as(ctx, svc.attach_document(ctx.actor(), ctx.param("partnerId"), name, type, data),
                          document_json, 201);
}

Response list_documents(Ctx& ctx, PartnershipsService& svc) {
  auto r = svc.documents(ctx.principal().user.org_id, ctx.param("partnerId"));
  if (!r) return ctx.problem(r.error());
  json list = json::array();
  for (const auto& d : *r) list.push_back(document_json(d));
  return Response::json(200, {{"items", list}});
}

Response download_document(Ctx& ctx, PartnershipsService& svc) {
  auto r = svc.document(ctx.actor(), ctx.param("partnerId"), ctx.param("documentId"));
  if (!r) return ctx.problem(r.error());
  Response resp;
  resp.content_type = r->first.content_type;
  resp.body = std::move(r->second);
  std::string safe;
  for (char ch : r->first.name) safe += (ch == '"' || ch == '\\' || static_cast<unsigned char>(ch) < 0x20) ? '_' : ch;
  resp.header("Content-Disposition", "attachment; filename=\"" + safe + "\"");
  return resp;
}

Response own_agency(Ctx& ctx, PartnershipsService& svc) {
  const auto& who = ctx.principal();
  return api::respond_as(ctx, svc.partner(who.user.org_id, who.user.partner_id.value_or("")),
                          [](const Partner& x) { return to_json(x); });
}

Response update_capacity(Ctx& ctx, PartnershipsService& svc) {
  auto version = api::if_match_version(ctx.req);
  if (!version) return ctx.problem(version.error());
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  auto taking = in->boolean("takingReferrals", Need::required).value_or(true);
  std::optional<int> wait;
  if (auto w = in->integer("waitWeeks", Need::optional, 0, 104)) wait = static_cast<int>(*w);
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_as(
      ctx, svc.update_capacity(ctx.actor(), ctx.principal(), *version, taking, wait),
      [](const Partner& x) { return to_json(x); });
}

Response add_partner_user(Ctx& ctx, PartnershipsService& svc, access::AccessService& access) {
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  access::NewUser u;
  auto email = in->email("email", Need::required);
  auto name = in->text("displayName", Need::required, {.min = 1, .max = 120});
  auto password = in->text("password", Need::required, {.max = access::kMaxPasswordLength, .trim = false});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  auto partner = svc.partner(ctx.principal().user.org_id, ctx.param("partnerId"));
  if (!partner) return ctx.problem(partner.error());
  u.email = *email;
  u.display_name = *name;
  u.password = *password;
  u.role = access::Role::partner;
  u.partner_id = partner->id;
  auto created = access.create_user(ctx.actor(), u);
  if (!created) return ctx.problem(created.error());
  return Response::json(201, {{"id", created->id}, {"email", created->email}, {"partnerId", partner->id}});
}

Response person_referrals(Ctx& ctx, PartnershipsService& svc) {
  auto r = svc.referrals_for_person(ctx.principal().user.org_id, ctx.param("id"));
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items_json(*r));
}

Response draft_referral(Ctx& ctx, PartnershipsService& svc) {
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  NewReferral n;
  auto partner = in->id("partnerId", Need::required);
  n.reason = in->text("reason", Need::required, {.min = 5, .max = 4000, .multiline = true}).value_or("");
  n.service_name = in->text("serviceName", Need::optional, {.max = 200}).value_or("");
  n.goal_ids = in->id_list("goalIds", Need::optional).value_or(std::vector<std::string>{});
  std::vector<std::string_view> names;
  for (auto p : access::kShareableParts) names.push_back(access::part_name(p));
  auto parts = in->name_list("sharedParts", Need::optional, names);
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  n.partner_id = *partner;
  for (const auto& name : parts.value_or(std::vector<std::string>{})) n.shared_parts.push_back(*access::parse_part(name));
  return api::respond_as(ctx, svc.draft_referral(ctx.actor(), ctx.param("id"), n),
                          [](const Referral& x) { return to_json(x); }, 201);
}

Response send_referral(Ctx& ctx, PartnershipsService& svc) {
  auto version = api::if_match_version(ctx.req);
  if (!version) return ctx.problem(version.error());
  return api::respond_as(ctx, svc.send_referral(ctx.actor(), ctx.param("id"), ctx.param("referralId"), *version),
                          [](const Referral& x) { return to_json(x); });
}

Response withdraw_referral(Ctx& ctx, PartnershipsService& svc) {
  auto version = api::if_match_version(ctx.req);
  if (!version) return ctx.problem(version.error());
  auto in = JsonReader::parse(ctx.req.body.empty() ? "{}" : ctx.req.body);
  if (!in) return ctx.problem(in.error());
  auto note = in->text("note", Need::optional, {.max = 2000, .multiline = true});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_as(
      ctx, svc.withdraw_referral(ctx.actor(), ctx.param("id"), ctx.param("referralId"), *version, note.value_or("")),
      [](const Referral& x) { return to_json(x); });
}

Response referral_timeline(Ctx& ctx, PartnershipsService& svc) {
  auto r = svc.timeline(ctx.principal().user.org_id, ctx.param("id"), ctx.param("referralId"));
  if (!r) return ctx.problem(r.error());
  return Response::json(200, api::items_json(*r));
}

Response partner_inbox(Ctx& ctx, PartnershipsService& svc) {
  auto page = parse_page(ctx.req.query("limit"), ctx.req.query("cursor"));
  if (!page) return ctx.problem(page.error());
  auto r = svc.inbox(ctx.actor(), ctx.principal(), *page);
  if (!r) return ctx.problem(r.error());
  auto out = api::items_json(r->items);
  out["nextCursor"] = r->next_cursor ? json(*r->next_cursor) : json(nullptr);
  return Response::json(200, out);
}

Response partner_item(Ctx& ctx, PartnershipsService& svc) {
  auto r = svc.inbox_item(ctx.actor(), ctx.principal(), ctx.param("referralId"));
  if (!r) return ctx.problem(r.error());
  auto j = to_json(r->referral);
  json visible = json::array();
  for (auto p : r->visible_parts) visible.push_back(access::part_name(p));
  j["visibleParts"] = visible;
  // Goals travel with the referral only while the person's consent covers them.
  if (std::find(r->visible_parts.begin(), r->visible_parts.end(), Part::goals) == r->visible_parts.end())
    j["goalIds"] = json::array();
  j["timeline"] = api::items_json(r->timeline)["items"];
  auto resp = Response::json(200, j);
  resp.header("ETag", api::etag(r->referral.version));
  return resp;
}

Response figures(Ctx& ctx, PartnershipsService& svc) {
  auto today = to_iso(ctx.now).substr(0, 10);
  auto from = ctx.req.query("from").value_or(today.substr(0, 4) + "-01-01");
  auto to = ctx.req.query("to").value_or(today);
  auto r = svc.figures(ctx.principal(), from, to);
  if (!r) return ctx.problem(r.error());
  json items = json::array();
  for (const auto& f : *r) {
    double answered = static_cast<double>(f.accepted + f.declined + f.redirected);
    items.push_back({{"partnerId", f.partner_id},
                     {"partnerName", f.partner_name},
                     {"sent", f.sent},
                     {"accepted", f.accepted},
                     {"declined", f.declined},
                     {"redirected", f.redirected},
                     {"completed", f.completed},
                     {"withdrawn", f.withdrawn},
                     {"open", f.open},
                     {"acceptanceRate", answered > 0 ? json(static_cast<double>(f.accepted) / answered) : json(nullptr)},
                     {"meanDaysToRespond", f.responded ? json(f.mean_days_to_respond) : json(nullptr)},
                     {"meanDaysToClose", f.completed + f.declined + f.redirected ? json(f.mean_days_to_close) : json(nullptr)}});
  }
  return Response::json(200, {{"from", from}, {"to", to}, {"items", items}});
}

Response partner_respond(Ctx& ctx, PartnershipsService& svc) {
  auto version = api::if_match_version(ctx.req);
  if (!version) return ctx.problem(version.error());
  auto in = JsonReader::parse(ctx.req.body);
  if (!in) return ctx.problem(in.error());
  static constexpr std::string_view moves[] = {"received", "accepted", "declined", "redirected", "in_progress", "completed"};
  auto to = in->one_of("status", Need::required, moves);
  auto note = in->text("note", Need::optional, {.max = 4000, .multiline = true});
  if (auto done = in->finish(); !done) return ctx.problem(done.error());
  return api::respond_as(ctx, svc.respond(ctx.actor(), ctx.principal(), ctx.param("referralId"), *version, *to,
                                                note.value_or("")),
                          [](const Referral& x) { return to_json(x); });
}

}  // namespace

void add_referral_routes(api::Routes& r, PartnershipsService& svc, access::AccessService& access) {
  using P = access::Permission;
  const std::string one = "/api/v1/people/:id/referrals";
  r.add("GET", "/api/v1/partners", Rule::need(P::view_directory), {"Partner agencies and their agreements", "partners"}, api::with(list_partners, svc));
  r.add("POST", "/api/v1/partners", Rule::need(P::manage_partners), {"Add a partner agency and its agreement", "partners"}, api::with(add_partner, svc));
  r.add("PUT", "/api/v1/partners/:partnerId", Rule::need(P::manage_partners),
        {"Replace a partner agency's agreement (If-Match: the version you saw)", "partners"}, api::with(update_partner, svc));
  r.add("POST", "/api/v1/partners/:partnerId/documents", Rule::need(P::manage_partners),
        {"Attach a document to a partnership (a signed agreement): {name, contentType, data: base64}", "partners"}, api::with(attach_document, svc));
  r.add("GET", "/api/v1/partners/:partnerId/documents", Rule::need(P::manage_partners),
        {"The documents attached to a partnership, newest first", "partners"}, api::with(list_documents, svc));
  r.add("GET", "/api/v1/partners/:partnerId/documents/:documentId", Rule::need(P::manage_partners),
        {"Download an attached document", "partners"}, api::with(download_document, svc));
  r.add("GET", "/api/v1/partner/agency", Rule::need(P::partner_inbox),
        {"A partner agency user's own agency and its agreement", "partners"}, api::with(own_agency, svc));
  r.add("PUT", "/api/v1/partner/capacity", Rule::need(P::partner_inbox),
        {"A partner agency says whether it is taking referrals and its current wait (If-Match)", "partners"}, api::with(update_capacity, svc));
  r.add("POST", "/api/v1/partners/:partnerId/users", Rule::need(P::manage_partners),
        {"Create a sign-in for someone at a partner agency", "partners"}, api::with(add_partner_user, svc, access));
  r.add("GET", one, Rule::person(Part::referrals, false), {"The person's referrals, with overdue flags", "referrals"}, api::with(person_referrals, svc));
  r.add("POST", one, Rule::person(Part::referrals, true), {"Draft a referral to a partner agency", "referrals"}, api::with(draft_referral, svc));
  r.add("POST", one + "/:referralId/send", Rule::person(Part::referrals, true),
        {"Send a referral; needs the person's consent for that partner (If-Match)", "referrals"}, api::with(send_referral, svc));
  r.add("POST", one + "/:referralId/withdraw", Rule::person(Part::referrals, true),
        {"Withdraw a referral before it completes (If-Match)", "referrals"}, api::with(withdraw_referral, svc));
  r.add("GET", one + "/:referralId/timeline", Rule::person(Part::referrals, false),
        {"Every change to a referral, in order", "referrals"}, api::with(referral_timeline, svc));
  // Shared care is coordination of care: the care team's to write, the person's to read.
  const std::string person = "/api/v1/people/:id";
  r.add("GET", person + "/shared-care", Rule::person(Part::care_team, false),
        {"Shared care plans with partner agencies", "shared care"}, api::with(list_shared_care, svc));
  r.add("POST", person + "/shared-care", Rule::person(Part::care_team, true),
        {"A shared care plan with a partner agency (who does what, contacts, discharge)", "shared care"}, api::with(add_shared_care, svc));
  r.add("PATCH", person + "/shared-care/:planId", Rule::person(Part::care_team, true),
        {"Change a shared care plan (If-Match)", "shared care"}, api::with(update_shared_care, svc));
  r.add("GET", person + "/case-conferences", Rule::person(Part::care_team, false),
        {"Case conferences about the person, newest first", "shared care"}, api::with(list_conferences, svc));
  r.add("POST", person + "/case-conferences", Rule::person(Part::care_team, true),
        {"Record a case conference: attendees, decisions, actions", "shared care"}, api::with(add_conference, svc));
  r.add("GET", "/api/v1/partnership-reviews/dimensions", Rule::signed_in(),
        {"The dimensions a partnership review rates", "partners"}, dimensions);
  r.add("POST", "/api/v1/partners/:partnerId/reviews", Rule::need(P::manage_partners),
        {"Open a partnership review", "partners"}, api::with(open_review, svc));
  // Reviews are shared work: the service's managers and the partner's own users (checked per review).
  r.add("GET", "/api/v1/partners/:partnerId/reviews", Rule::signed_in(),
        {"A partner's reviews (its managers here, or its own users)", "partners"}, api::with(list_reviews, svc));
  r.add("GET", "/api/v1/partnership-reviews/:reviewId", Rule::signed_in(),
        {"A review's results: mean, agreement and change per dimension, comments, actions", "partners"}, api::with(get_review, svc));
  r.add("PUT", "/api/v1/partnership-reviews/:reviewId/ratings", Rule::signed_in(),
        {"Your ratings of every dimension (replaces your earlier ones)", "partners"}, api::with(rate_review, svc));
  r.add("POST", "/api/v1/partnership-reviews/:reviewId/actions", Rule::signed_in(),
        {"An action arising from the review", "partners"}, api::with(add_review_action, svc));
  r.add("GET", "/api/v1/partners/figures", Rule::need(P::manage_partners),
        {"Referral figures per partner agency for a period (?from=&to=)", "partners"}, api::with(figures, svc));
  r.add("GET", "/api/v1/partner/figures", Rule::need(P::partner_inbox),
        {"A partner agency's own referral figures for a period", "partners"}, api::with(figures, svc));
  r.add("GET", "/api/v1/partner/referrals", Rule::need(P::partner_inbox),
        {"A partner agency's referrals, and only theirs, newest first (?limit=, ?cursor=)", "referrals"}, api::with(partner_inbox, svc));
  r.add("GET", "/api/v1/partner/referrals/:referralId", Rule::need(P::partner_inbox),
        {"One referral, with only what the person's consent allows now", "referrals"}, api::with(partner_item, svc));
  r.add("POST", "/api/v1/partner/referrals/:referralId/status", Rule::need(P::partner_inbox),
        {"Receive, accept, decline (with a reason), redirect, start or complete a referral (If-Match)", "referrals"}, api::with(partner_respond, svc));
}

}  // namespace trellis::partnerships
