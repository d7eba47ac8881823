// CSV as RFC 4180 writes it: quoted fields may hold commas, quotes ("") and line breaks.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace trellis {

using CsvRow = std::vector<std::string>;
// The rows of a CSV text, header first; an unterminated quote is an error naming the line.
// Blank lines (nothing, or only "") are skipped, so write_csv's text reads back as its rows.
Result<std::vector<CsvRow>> parse_csv(std::string_view text);
std::string write_csv(const std::vector<CsvRow>& rows);

}  // namespace trellis
