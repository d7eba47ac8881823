#include "access/passwords.hpp"
#include "support.hpp"

namespace trellis::test {
namespace {

class Passwords : public TrellisTest {};

TEST_F(Passwords, hashes_are_argon2id_with_at_least_19_mib_and_2_passes) {
  auto h = access::hash_password("a long enough passphrase");
  EXPECT_TRUE(h.starts_with("$argon2id$")) << h;
  EXPECT_NE(h.find("m=19456"), std::string::npos) << h;
  EXPECT_NE(h.find("t=2"), std::string::npos) << h;
  EXPECT_TRUE(access::verify_password(h, "a long enough passphrase"));
  EXPECT_FALSE(access::verify_password(h, "a long enough passphrasE"));
  EXPECT_NE(h, access::hash_password("a long enough passphrase"));  // salted
}

TEST_F(Passwords, the_rule_refuses_short_common_dictionary_and_personal_passwords) {
  EXPECT_FALSE(access::check_new_password("p", "eleven char", {}).has_value());
  EXPECT_TRUE(access::check_new_password("p", "twelve chars", {}).has_value());
  EXPECT_FALSE(access::check_new_password("p", "password1234", {}).has_value());
  EXPECT_FALSE(access::check_new_password("p", "qwertyuiop12", {}).has_value());
  EXPECT_FALSE(access::check_new_password("p", "123456789012", {}).has_value());
  EXPECT_FALSE(access::check_new_password("p", "Responsibility", {}).has_value());  // a dictionary word
  EXPECT_FALSE(access::check_new_password("p", "butterflies2024!", {}).has_value());     // word + digits
  EXPECT_FALSE(access::check_new_password("p", "jordan-is-great-99", {"jordan@demo.example"}).has_value());
  EXPECT_TRUE(access::check_new_password("p", "river stones and tea", {"jordan@demo.example"}).has_value());
}

TEST_F(Passwords, no_composition_rules) {
  EXPECT_TRUE(access::check_new_password("p", "all lower case words here", {}).has_value());
}

}  // namespace
}  // namespace trellis::test
