// Copies every table of a SQLite database into an empty, migrated PostgreSQL database: how an
// organisation that started on SQLite moves to PostgreSQL, and how the benchmark gives both
// databases the same data. One transaction on the target: all of it, or none.
#pragma once
#include <functional>
#include <string_view>

#include "store/db.hpp"

namespace trellis::store {

using CopyProgress = std::function<void(std::string_view table, std::size_t rows_done, std::size_t rows_total)>;

Result<std::size_t> copy_database(Db& from, Db& to, const CopyProgress& progress = {});

}  // namespace trellis::store
