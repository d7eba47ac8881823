// HSDS in its tabular form: a folder or a map of CSV files, and the export to them.
#include "partnerships/directory/hsds.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/csv.hpp"
#include "core/json_input.hpp"
#include "core/text.hpp"

namespace trellis::partnerships {

using nlohmann::json;

Result<HsdsFile> read_hsds_tabular(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return fail(ErrorKind::bad_request, "That is not a folder of CSV files", dir, "not_hsds");
  std::map<std::string, std::string> tables;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() != ".csv") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    tables[e.path().filename().string()] = text.str();
  }
  if (tables.empty()) return fail(ErrorKind::bad_request, "The folder holds no CSV files", dir, "not_hsds");
  return read_hsds_tables(tables);
}

Result<HsdsFile> read_hsds_tables(const std::map<std::string, std::string>& tables) {
  if (tables.empty())
    return fail(ErrorKind::bad_request, "There are no CSV files", "Choose the CSV files of a tabular HSDS export.",
                "not_hsds");
  HsdsFile out;
  std::size_t index = 0;
  for (const auto& [file_name, text] : tables) {
    if (!file_name.ends_with(".csv")) {
      out.rejected.push_back({index++, file_name, "is not a CSV file"});
      continue;
    }
    auto table = file_name.substr(0, file_name.size() - 4);
    // Records are JSON documents, and JSON is UTF-8: a spreadsheet's "CSV" in a legacy encoding
    // (or a file name in one) is refused here, not found out when the record is stored.
    if (!valid_utf8(file_name) || !valid_utf8(text)) {
      out.rejected.push_back({index++, valid_utf8(file_name) ? file_name : std::string("a file"),
                              "is not UTF-8 text; save it as \"CSV UTF-8\" and try again"});
      continue;
    }
    auto rows = parse_csv(text);
    if (!rows) {
      out.rejected.push_back({index++, table + ".csv", rows.error().title + ": " + rows.error().detail});
      continue;
    }
    if (rows->empty()) continue;
    const auto& header = rows->front();
    auto id_col = std::find(header.begin(), header.end(), "id");
    if (id_col == header.end()) {
      out.rejected.push_back({index++, table + ".csv", "has no id column"});
      continue;
    }
    out.records.push_back({"columns", table, json(header)});
    for (std::size_t r = 1; r < rows->size(); ++r, ++index) {
      const auto& row = (*rows)[r];
      if (row.size() != header.size()) {
        out.rejected.push_back(
            {index, table + ".csv line " + std::to_string(r + 1),
             "has " + std::to_string(row.size()) + " values for " + std::to_string(header.size()) + " columns"});
        continue;
      }
      json doc = json::object();
      for (std::size_t c = 0; c < header.size(); ++c) doc[header[c]] = row[c];
      auto id = row[id_col - header.begin()];
      if (!is_uuid(json(id))) {
        out.rejected.push_back({index, table + ".csv line " + std::to_string(r + 1), "id must be a UUID"});
        continue;
      }
      out.records.push_back({"table:" + table, id, std::move(doc)});
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> hsds_tabular_export(const std::vector<HsdsRecord>& records) {
  std::map<std::string, std::vector<std::string>> columns;
  std::map<std::string, std::vector<CsvRow>> tables;
  for (const auto& r : records)
    if (r.kind == "columns") columns[r.id] = r.doc.get<std::vector<std::string>>();
  for (const auto& r : records) {
    if (!r.kind.starts_with("table:")) continue;
    auto name = r.kind.substr(6);
    auto& header = columns[name];
    CsvRow row;
    for (const auto& col : header) row.push_back(r.doc.contains(col) ? r.doc[col].get<std::string>() : "");
    tables[name].push_back(std::move(row));
  }
  std::vector<std::pair<std::string, std::string>> out;
  json resources = json::array();
  for (auto& [name, header] : columns) {
    std::vector<CsvRow> rows{header};
    for (auto& row : tables[name]) rows.push_back(std::move(row));
    out.emplace_back(name + ".csv", write_csv(rows));
    resources.push_back({{"name", name}, {"path", name + ".csv"}, {"profile", "tabular-data-resource"}});
  }
  json package = {{"name", "trellis-directory"}, {"profile", "tabular-data-package"}, {"resources", resources}};
  out.emplace_back("datapackage.json", package.dump(2) + "\n");
  return out;
}

}  // namespace trellis::partnerships
