# lab_db.cmake — the shared blocking-libpq library (labctl, later labworker).
#
# Included from ctl/CMakeLists.txt until the top level gets add_subdirectory(db);
# paths are relative to this file so the move is a one-line change.
#
# The schema migrations are embedded at build time: list every schema file
# here, in order (no GLOB, so adding one is a reviewed change).
set(LAB_MIGRATIONS
    ${CMAKE_SOURCE_DIR}/schema/0001_core.sql
    ${CMAKE_SOURCE_DIR}/schema/0002_grading.sql
    ${CMAKE_SOURCE_DIR}/schema/0003_live.sql
    ${CMAKE_SOURCE_DIR}/schema/0004_feedback.sql
)

set(LAB_DB_GEN ${CMAKE_CURRENT_BINARY_DIR}/gen/db)
list(JOIN LAB_MIGRATIONS "|" lab_migrations_arg)
add_custom_command(
    OUTPUT ${LAB_DB_GEN}/migrations.c
    COMMAND ${CMAKE_COMMAND} -E make_directory ${LAB_DB_GEN}
    COMMAND ${CMAKE_COMMAND} -DOUT=${LAB_DB_GEN}/migrations.c "-DFILES=${lab_migrations_arg}"
            -P ${CMAKE_CURRENT_LIST_DIR}/embed_sql.cmake
    DEPENDS ${LAB_MIGRATIONS} ${CMAKE_CURRENT_LIST_DIR}/embed_sql.cmake
    COMMENT "embedding schema migrations"
    VERBATIM)

add_library(lab_db STATIC
    ${CMAKE_CURRENT_LIST_DIR}/pg.c
    ${CMAKE_CURRENT_LIST_DIR}/migrate.c
    ${LAB_DB_GEN}/migrations.c)
target_link_libraries(lab_db PUBLIC lab_common PostgreSQL::PostgreSQL PRIVATE lab_warnings)

add_executable(test_db ${CMAKE_CURRENT_LIST_DIR}/test_db.c)
target_link_libraries(test_db PRIVATE lab_db PkgConfig::CHECK lab_warnings)
target_compile_definitions(test_db PRIVATE LAB_SCHEMA_DIR="${CMAKE_SOURCE_DIR}/schema")
add_test(NAME unit.db COMMAND test_db)
set_tests_properties(unit.db PROPERTIES TIMEOUT 60 LABELS unit)
