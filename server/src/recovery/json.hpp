// How the recovery area's records look in the API and in record history.
#pragma once
#include <nlohmann/json.hpp>

#include "recovery/model.hpp"
#include "store/history.hpp"

namespace trellis::recovery {

nlohmann::json to_json(const LifeArea& a);
nlohmann::json to_json(const CheckIn& c);
nlohmann::json to_json(const Plan& p);
nlohmann::json to_json(const Goal& g);
nlohmann::json to_json(const Step& s);
nlohmann::json to_json(const Note& n);
nlohmann::json to_json(const Achievement& a);
nlohmann::json to_json(const store::RecordVersion& v);
nlohmann::json to_json(const AdvanceStatement& a);
nlohmann::json to_json(const AdvanceStatementRules& r);
nlohmann::json to_json(const AppointmentPrep& a);

}  // namespace trellis::recovery
