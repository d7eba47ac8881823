#include "core/csv.hpp"

namespace trellis {

namespace {
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";  // spreadsheets start UTF-8 files with it
}  // namespace

Result<std::vector<CsvRow>> parse_csv(std::string_view text) {
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  bool quoted = false, field_started = false;
  std::size_t line = 1, quote_line = 0;
  // A line with nothing on it, or only "", is blank wherever it is, the last line too: a row
  // of one empty value is what write_csv makes of nothing, so reading it back must drop it.
  auto end_row = [&] {
    row.push_back(std::move(field));
    field.clear();
    field_started = false;
    if (!(row.size() == 1 && row[0].empty())) rows.push_back(std::move(row));
    row.clear();
  };
  if (text.starts_with(kByteOrderMark)) text.remove_prefix(3);  // a byte-order mark from spreadsheets
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && !field_started) {
      quoted = true;
      field_started = true;
      quote_line = line;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      field_started = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_row();
      ++line;
    } else {
      field += c;
      field_started = true;
    }
  }
  if (quoted)
    return fail(ErrorKind::unprocessable, "A quoted value never ends",
                "The quote that opens on line " + std::to_string(quote_line) + " has no closing quote.",
                "malformed_csv");
  if (field_started || !row.empty()) end_row();
  return rows;
}

std::string write_csv(const std::vector<CsvRow>& rows) {
  std::string out;
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      const auto& f = row[i];
      // A value starting with a byte-order mark is quoted, or reading would take it for the file's.
      if (f.find_first_of(",\"\r\n") == std::string::npos && !f.starts_with(kByteOrderMark)) {
        out += f;
      } else {
        out += '"';
        for (char c : f) out += c == '"' ? std::string("\"\"") : std::string(1, c);
        out += '"';
      }
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace trellis
