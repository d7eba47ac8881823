#include "support.hpp"

#include <sodium.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>

#include "access/passwords.hpp"
#include "contract.hpp"
#include "demo/demo_data.hpp"
#include "store/migrations.hpp"

namespace trellis::test {

bool using_postgres() {
  const char* v = std::getenv("TRELLIS_TEST_DB");
  return v && std::string(v) == "postgres";
}
std::string backend_name() { return using_postgres() ? "postgres" : "sqlite"; }

std::unique_ptr<store::Db> fresh_db() {
  static std::atomic<int> counter{0};
  if (using_postgres()) {
    const char* url = std::getenv("TRELLIS_TEST_PG_URL");
    if (!url) throw std::runtime_error("TRELLIS_TEST_PG_URL is not set; ./trellis test sets it");
    auto db = store::open_database(url, 4);
    if (!db) throw std::runtime_error("cannot open PostgreSQL: " + db.error().detail);
    auto wiped = (*db)->write(
        [](store::Conn& c) { return c.exec_script("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"); });
    if (!wiped) throw std::runtime_error("cannot reset schema");
    auto m = store::migrate(**db);
    if (!m) throw std::runtime_error("migrations failed: " + m.error().title);
    return std::move(*db);
  }
  auto dir = std::filesystem::temp_directory_path() / ("trellis-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto path = dir / ("db-" + std::to_string(counter++) + ".sqlite");
  std::filesystem::remove(path);
  for (const char* journal : {"-audit.1", "-audit.2"})  // left by an earlier run with this number
    std::filesystem::remove(path.string() + journal);
  // Opened as the server opens it: commits share their syncs (decision 0025).
  auto db = store::open_database("sqlite:" + path.string(), 4, store::kDefaultConnectionWait, store::OpenMode::serving);
  if (!db) throw std::runtime_error("cannot open SQLite");
  auto m = store::migrate(**db);
  if (!m) throw std::runtime_error("migrations failed: " + m.error().title);
  return std::move(*db);
}

std::string database_url(const store::Db& db) {
  if (!using_postgres()) return db.describe();  // "sqlite:PATH"
  return std::getenv("TRELLIS_TEST_PG_URL");
}

void TrellisTest::SetUp() {
  static bool once = [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium");
    return true;
  }();
  (void)once;
  db = fresh_db();
  config.check_responses = true;  // every answer in every test meets its contract, or is a 500
  runtime = std::make_unique<app::Runtime>(*db, clock, config);
  app = std::make_unique<app::App>(*runtime);
  contract::watch(*app);
}

void TrellisTest::TearDown() {
  app.reset();
  runtime.reset();
  db.reset();
}

Reply TrellisTest::call_raw(http::Request req) {
  if (req.client_address.empty()) req.client_address = "127.0.0.1";
  Reply r;
  r.raw = app->handle_and_wait(req);
  r.status = r.raw.status;
  if (!r.raw.body.empty() && r.raw.content_type.find("json") != std::string::npos)
    r.body = nlohmann::json::parse(r.raw.body, nullptr, false);
  return r;
}

Reply TrellisTest::call(const std::string& method, const std::string& path, const Browser* who,
                        const std::optional<nlohmann::json>& body,
                        std::vector<std::pair<std::string, std::string>> headers) {
  http::Request req;
  req.method = method;
  auto q = path.find('?');
  req.path = path.substr(0, q);
  if (q != std::string::npos) req.query_string = path.substr(q + 1);
  req.headers = std::move(headers);
  req.headers.emplace_back("host", "127.0.0.1:8080");
  if (who) {
    req.headers.emplace_back("cookie", who->cookie);
    if (method != "GET") req.headers.emplace_back("x-csrf-token", who->csrf);
  }
  if (body) req.body = body->dump();
  return call_raw(std::move(req));
}

namespace {
// What a browser keeps from an answer that signed it in: the session cookie and the CSRF token.
Browser signed_in_as(const Reply& r) {
  Browser b;
  auto cookie = r.header("Set-Cookie").value_or("");
  b.cookie = cookie.substr(0, cookie.find(';'));
  b.csrf = r.body.value("csrfToken", "");
  return b;
}
}  // namespace

std::string TrellisTest::add_person(const Browser& worker, const std::string& given, const std::string& family,
                                    const std::string& date_of_birth) {
  auto r = call("POST", "/api/v1/people", &worker,
                nlohmann::json{{"givenName", given}, {"familyName", family}, {"dateOfBirth", date_of_birth}});
  EXPECT_EQ(r.status, 201) << r.raw.body;
  return r.body.value("id", "");
}

Browser TrellisTest::sign_in(const std::string& email, const std::string& password) {
  auto r = call("POST", "/api/v1/auth/login", nullptr, nlohmann::json{{"email", email}, {"password", password}});
  EXPECT_EQ(r.status, 200) << r.raw.body;
  return signed_in_as(r);
}

Browser TrellisTest::invite_and_accept(const std::string& issue_path, const Browser& worker, const std::string& email,
                                       const std::string& password) {
  auto issued = call("POST", issue_path, &worker);
  EXPECT_EQ(issued.status, 201) << issued.raw.body;
  auto r = call("POST", "/api/v1/invitations/accept", nullptr,
                nlohmann::json{{"token", issued.body.value("token", "")}, {"email", email}, {"password", password}});
  EXPECT_EQ(r.status, 200) << r.raw.body;
  return signed_in_as(r);
}

void TrellisTest::load_demo() {
  auto r = demo::load_demo_data(*db, clock, kPassword, true, false, false);
  ASSERT_TRUE(r.has_value());
}

void TrellisTest::wait_for_audit_log() {
  auto moved = runtime->audit_reads.flush();
  ASSERT_TRUE(moved.has_value()) << moved.error().detail;
}

std::string TrellisTest::org_id() {
  auto row = db->read([](store::Conn& c) { return c.query_one("SELECT org_id FROM orgs"); });
  return (*row)->text(0);
}

std::string TrellisTest::user_id(const std::string& email) {
  auto row = db->read([&](store::Conn& c) { return c.query_one("SELECT id FROM users WHERE email = ?", {email}); });
  return (*row)->text(0);
}

}  // namespace trellis::test
