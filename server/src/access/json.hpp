// Users, teams, sites, sessions and audit events as the API shows them.
#pragma once
#include <string>

#include "access/model.hpp"
#include "access/policy.hpp"
#include "core/json_writer.hpp"

namespace trellis::access {

// A part of a person's record, by its name: lists of parts are written as lists of names.
void write_json(JsonWriter& w, Part p);
void write_json(JsonWriter& w, const User& u);
void write_json(JsonWriter& w, const Team& t);
void write_json(JsonWriter& w, const Site& s);
// Whether a session is the asker's own depends on who asks.
void write_session(JsonWriter& w, const Session& s, const std::string& current_id);
void write_json(JsonWriter& w, const AuditEvent& e);

}  // namespace trellis::access
