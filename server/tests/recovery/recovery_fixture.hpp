// The fixture the recovery tests share: a demo organisation, a practitioner, and Ari, a person
// with a portal account, with the organisation's life areas by code.
#pragma once

#include <map>
#include <string>

#include "support.hpp"

namespace trellis::test {

class Recovery : public TrellisTest {
 protected:
  void SetUp() override {
    TrellisTest::SetUp();
    load_demo();
    practitioner = sign_in("practitioner@demo.example");
    person_id = add_person(practitioner, "Ari", "Tane", "1988-07-01");
    ari = invite_and_accept(path("/invitations"), practitioner, "ari@example.org", "kowhai flowers in spring");
    auto areas = call("GET", "/api/v1/life-areas", &practitioner);
    for (const auto& a : areas.body["items"]) area[a["code"].get<std::string>()] = a["id"];
  }
  std::string path(const std::string& rest = "") { return "/api/v1/people/" + person_id + rest; }
  Browser practitioner, ari;
  std::string person_id;
  std::map<std::string, std::string> area;
};

}  // namespace trellis::test
