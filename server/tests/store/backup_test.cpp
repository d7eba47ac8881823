#include <filesystem>

#include "access/audit.hpp"
#include "support.hpp"

namespace trellis::test {
namespace {

class Backup : public TrellisTest {};

TEST_F(Backup, a_backup_taken_while_in_use_restores_exactly) {
  load_demo();
  auto admin = sign_in("administrator@demo.example");
  ASSERT_EQ(call("POST", "/api/v1/teams", &admin, nlohmann::json{{"name", "Before the backup"}}).status, 201);
  auto path = std::filesystem::temp_directory_path() / ("trellis-backup-" + std::to_string(::getpid()) + ".bak");
  std::filesystem::remove(path);
  ASSERT_TRUE(db->backup(path.string()).has_value());
  ASSERT_TRUE(std::filesystem::file_size(path) > 0);

  // Change things after the backup; the restore must bring back the earlier state.
  ASSERT_EQ(call("POST", "/api/v1/teams", &admin, nlohmann::json{{"name", "After the backup"}}).status, 201);
  auto restored = db->restore(path.string());
  ASSERT_TRUE(restored.has_value()) << restored.error().title;

  auto names = db->read([](store::Conn& c) { return c.query("SELECT name FROM teams ORDER BY name"); });
  std::vector<std::string> got;
  for (const auto& r : *names) got.push_back(r.text(0));
  EXPECT_NE(std::find(got.begin(), got.end(), "Before the backup"), got.end());
  EXPECT_EQ(std::find(got.begin(), got.end(), "After the backup"), got.end());
  auto chain = access::verify_audit_chain(*db);
  EXPECT_TRUE((*chain)[0].ok);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace trellis::test
