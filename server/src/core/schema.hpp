// The API's contract: the JSON Schemas under server/schemas/, compiled into the binary. The
// pipeline checks every request body against its route's schema before the handler runs, tests
// check every answer against its schema, and the OpenAPI document publishes them.
// docs/decisions/0022.
#pragma once
#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace trellis {

struct SchemaFile {
  const char* path;  // relative to server/schemas, e.g. "recovery/plan.json"
  const char* text;
};

// Every file under server/schemas, embedded at build time (server/cmake/embed_schemas.cmake).
const std::vector<SchemaFile>& embedded_schema_files();

class Schemas {
 public:
  // Each file is {"$defs": {Name: schema}}; the names of all files are one namespace. Refused: a
  // file that is not JSON or not of that shape, a name defined twice, a "$ref" to a name nowhere
  // defined, and a schema the validator cannot compile.
  static Result<Schemas> load(const std::vector<SchemaFile>& files);
  // The embedded schemas, loaded once per process; a fault in them ends the process at start.
  static const Schemas& embedded();

  bool has(std::string_view name) const;
  // Whether schema `name` takes anything but an object at its root (a list of records, say).
  bool takes_more_than_objects(std::string_view name) const;
  // Name -> schema, with references written "#/$defs/Name".
  const nlohmann::json& definitions() const;
  // What in `value` does not meet schema `name`, each field named by its path
  // (ratings[0].personRating) with a plain sentence built from the schema's own limits; empty
  // when it meets it.
  std::vector<FieldError> check(std::string_view name, const nlohmann::json& value) const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;
};

}  // namespace trellis
