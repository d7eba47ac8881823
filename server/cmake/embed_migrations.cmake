# Writes a C++ file holding every migration as (name, dialect, sql), sorted by name.
#
# One folder, one file per migration: NNNN_name.sql runs on both databases. Where the dialects
# truly differ the migration is a pair instead, NNNN_name.sqlite.sql and NNNN_name.postgres.sql,
# each the whole migration for its database. Either way it is recorded as NNNN_name.sql, the name
# the earlier one-folder-per-dialect layout recorded (docs/decisions/0020).
cmake_policy(SET CMP0057 NEW)  # if(IN_LIST), which a -P script does not get by default
file(GLOB files RELATIVE ${SRC} ${SRC}/*.sql)
list(SORT files)
set(body "")
set(shared "")
set(sqlite_only "")
set(postgres_only "")
foreach(f ${files})
  if(NOT f MATCHES "^([0-9][0-9][0-9][0-9]_[a-z0-9_]+)(\\.(sqlite|postgres))?\\.sql$")
    message(FATAL_ERROR "Migration file ${f}: name it NNNN_words.sql, or NNNN_words.sqlite.sql and NNNN_words.postgres.sql")
  endif()
  set(name "${CMAKE_MATCH_1}.sql")
  set(dialect "${CMAKE_MATCH_3}")
  if(dialect STREQUAL "")
    list(APPEND shared ${name})
  else()
    list(APPEND ${dialect}_only ${name})
  endif()
  file(READ ${SRC}/${f} sql)
  string(APPEND body "  {\"${name}\", \"${dialect}\", R\"TRELLIS_SQL(${sql})TRELLIS_SQL\"},\n")
endforeach()

# A migration is either shared or a full pair; anything else would give the two databases
# different histories.
foreach(name ${sqlite_only} ${postgres_only})
  if(name IN_LIST shared)
    message(FATAL_ERROR "Migration ${name} has both a shared file and a per-dialect file; keep one or the other")
  endif()
endforeach()
foreach(name ${sqlite_only})
  if(NOT name IN_LIST postgres_only)
    message(FATAL_ERROR "Migration ${name} has a .sqlite.sql file but no .postgres.sql file")
  endif()
endforeach()
foreach(name ${postgres_only})
  if(NOT name IN_LIST sqlite_only)
    message(FATAL_ERROR "Migration ${name} has a .postgres.sql file but no .sqlite.sql file")
  endif()
endforeach()

file(WRITE ${OUT}.tmp "#include \"store/migrations.hpp\"\nnamespace trellis::store {\nconst std::vector<EmbeddedMigration>& embedded_migrations() {\n  static const std::vector<EmbeddedMigration> all = {\n${body}  };\n  return all;\n}\n}\n")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
