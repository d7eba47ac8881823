// The column table and the enum word tables, on their own and against a real database.
#include <gtest/gtest.h>

#include "core/enum_names.hpp"
#include "store/columns.hpp"
#include "support.hpp"

namespace trellis::test {
namespace {

enum class Mood { calm, hopeful, worn_out };
constexpr EnumName<Mood> kMoodNames[] = {
    {Mood::calm, "calm"}, {Mood::hopeful, "hopeful"}, {Mood::worn_out, "worn_out"}};
constexpr std::span<const EnumName<Mood>> names_of(Mood) { return kMoodNames; }

struct Note {
  std::string id, text;
  Mood mood = Mood::calm;
  std::optional<std::string> seen_at;
  std::optional<int> rating;
  bool pinned = false;
  std::int64_t version = 0;
};

using store::column;
using store::Written;

const store::Columns<Note> kNote{
    column<&Note::id>("id", Written::on_insert),
    column<&Note::text>("body"),
    column<&Note::mood>("mood"),
    column<&Note::seen_at>("seen_at"),
    column<&Note::rating>("rating"),
    column<&Note::pinned>("pinned"),
    column<&Note::version>("version", Written::never),
};

TEST(EnumNames, each_value_has_one_word_both_ways) {
  static_assert(name_of(Mood::worn_out) == "worn_out");
  EXPECT_EQ(parse_name<Mood>("hopeful"), Mood::hopeful);
  EXPECT_FALSE(parse_name<Mood>("Hopeful"));
  EXPECT_FALSE(parse_name<Mood>(""));
  EXPECT_EQ(all_names<Mood>(), (std::vector<std::string_view>{"calm", "hopeful", "worn_out"}));
}

TEST(Columns, lists_follow_the_table_and_its_written_rules) {
  EXPECT_EQ(kNote.select_list(), "id, body, mood, seen_at, rating, pinned, version");
  EXPECT_EQ(kNote.select_list("n"), "n.id, n.body, n.mood, n.seen_at, n.rating, n.pinned, n.version");
  EXPECT_EQ(kNote.insert_names(), "id, body, mood, seen_at, rating, pinned");  // not the version
  EXPECT_EQ(kNote.insert_placeholders(), "?, ?, ?, ?, ?, ?");
  EXPECT_EQ(kNote.assignments(), "body = ?, mood = ?, seen_at = ?, rating = ?, pinned = ?");  // not the key
  Note n{"n1", "A walk by the river", Mood::hopeful, std::nullopt, 4, true, 3};
  store::Params insert, update;
  kNote.insert_values(n, insert);
  kNote.update_values(n, update);
  ASSERT_EQ(insert.size(), 6u);
  ASSERT_EQ(update.size(), 5u);
  EXPECT_EQ(std::get<std::string>(insert[0].v), "n1");
  EXPECT_EQ(std::get<std::string>(insert[2].v), "hopeful");          // a named enum goes in as its word
  EXPECT_TRUE(std::holds_alternative<std::monostate>(insert[3].v));  // no time: NULL
  EXPECT_EQ(std::get<std::int64_t>(update[3].v), 4);
}

class ColumnsOnDb : public TrellisTest {};

// Through the real database: what goes in by the table comes back out by it, NULLs included.
TEST_F(ColumnsOnDb, a_record_written_by_its_table_reads_back_the_same) {
  auto done = db->write([](store::Conn& c) -> Result<std::vector<Note>> {
    TRY_VOID(c.exec_script(
        "CREATE TABLE column_notes (id TEXT PRIMARY KEY, body TEXT NOT NULL, mood TEXT NOT NULL, seen_at TEXT,"
        " rating INTEGER, pinned INTEGER NOT NULL, version INTEGER NOT NULL DEFAULT 1)"));
    const auto insert =
        "INSERT INTO column_notes (" + kNote.insert_names() + ") VALUES (" + kNote.insert_placeholders() + ")";
    for (const auto& n : {Note{"a", "Slept well", Mood::calm, "2026-12-07T09:00:00.000Z", std::nullopt, false},
                          Note{"b", "Called my sister", Mood::worn_out, std::nullopt, 2, true}}) {
      store::Params p;
      kNote.insert_values(n, p);
      TRY(c.exec(insert, p));
    }
    store::Params p;
    kNote.update_values(Note{"b", "Called my sister again", Mood::hopeful, std::nullopt, 5, true}, p);
    p.emplace_back("b");
    TRY(c.exec("UPDATE column_notes SET " + kNote.assignments() + ", version = version + 1 WHERE id = ?", p));
    std::vector<Note> out;
    for (const auto& r : TRY(c.query("SELECT " + kNote.select_list() + " FROM column_notes ORDER BY id")))
      out.push_back(kNote.read(r));
    return out;
  });
  ASSERT_TRUE(done) << done.error().title;
  ASSERT_EQ(done->size(), 2u);
  const auto& a = (*done)[0];
  EXPECT_EQ(a.text, "Slept well");
  EXPECT_EQ(a.mood, Mood::calm);
  EXPECT_EQ(a.seen_at, "2026-12-07T09:00:00.000Z");
  EXPECT_FALSE(a.rating);
  EXPECT_FALSE(a.pinned);
  EXPECT_EQ(a.version, 1);
  const auto& b = (*done)[1];
  EXPECT_EQ(b.text, "Called my sister again");
  EXPECT_EQ(b.mood, Mood::hopeful);
  EXPECT_FALSE(b.seen_at);
  EXPECT_EQ(b.rating, 5);
  EXPECT_TRUE(b.pinned);
  EXPECT_EQ(b.version, 2);
}

}  // namespace
}  // namespace trellis::test
