// Every area's service, wired together once: the server and the tests build the same thing.
#pragma once
#include "access/service.hpp"
#include "http/context.hpp"
#include "people/service.hpp"

namespace trellis {

struct Runtime {
  Runtime(store::Db& db, const Clock& clock, const Config& config)
      : access(db, clock, config),
        people(db, clock, access),
        services{db, clock, config, access, people, people} {}
  access::AccessService access;
  people::PeopleService people;
  http::Services services;
};

}  // namespace trellis
