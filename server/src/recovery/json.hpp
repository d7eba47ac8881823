// How the recovery area's records look in the API and in record history.
#pragma once
#include "core/json_writer.hpp"
#include "recovery/model.hpp"
#include "store/history.hpp"

namespace trellis::recovery {

void write_json(JsonWriter& w, const LifeArea& a);
void write_json(JsonWriter& w, const Rating& r);
void write_json(JsonWriter& w, const CheckIn& c);
void write_json(JsonWriter& w, const Plan& p);
void write_json(JsonWriter& w, const Goal& g);
void write_json(JsonWriter& w, const Step& s);
void write_json(JsonWriter& w, const Note& n);
void write_json(JsonWriter& w, const Achievement& a);
void write_json(JsonWriter& w, const AdvanceStatement& a);
void write_json(JsonWriter& w, const AdvanceStatementRules& r);
void write_json(JsonWriter& w, const AppointmentPrep& a);
// An earlier version of a plan or goal, as record history shows it.
void write_version(JsonWriter& w, const store::RecordVersion& v);

}  // namespace trellis::recovery
