# Every dependency is a Debian package; .ci/install-deps installs them.
find_package(CLI11 2.1 CONFIG REQUIRED)
find_package(SQLiteCpp 3.2 CONFIG REQUIRED)
find_package(date 3.0 CONFIG REQUIRED)
find_package(tomlplusplus 3.3 CONFIG REQUIRED)
find_package(fmt 9 CONFIG REQUIRED)
find_package(nlohmann_json 3.11 CONFIG REQUIRED)
# Linked statically where Debian ships the archive (SQLite, libcrypto, libcsv, utf8proc): each
# shared library costs every command its loading and relocation at start-up (issue 15).
set(OPENSSL_USE_STATIC_LIBS TRUE)
find_package(OpenSSL 3 REQUIRED COMPONENTS Crypto)
find_library(SQLITE3_STATIC_LIBRARY libsqlite3.a REQUIRED)
set_target_properties(SQLite::SQLite3 PROPERTIES IMPORTED_LOCATION ${SQLITE3_STATIC_LIBRARY})
set_property(TARGET SQLite::SQLite3 APPEND PROPERTY INTERFACE_LINK_LIBRARIES m)
find_package(PkgConfig REQUIRED)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
find_library(UTF8PROC_STATIC_LIBRARY libutf8proc.a REQUIRED)
set_property(TARGET PkgConfig::UTF8PROC PROPERTY INTERFACE_LINK_LIBRARIES ${UTF8PROC_STATIC_LIBRARY})

# libcsv ships neither a CMake package nor a pkg-config file.
find_path(CSV_INCLUDE_DIR csv.h REQUIRED)
find_library(CSV_LIBRARY NAMES libcsv.a csv REQUIRED)
add_library(ent110_csv INTERFACE)
target_include_directories(ent110_csv SYSTEM INTERFACE ${CSV_INCLUDE_DIR})
target_link_libraries(ent110_csv INTERFACE ${CSV_LIBRARY})

if(ENT110_BUILD_TESTS)
  find_package(Catch2 2.13 CONFIG REQUIRED)
endif()
if(ENT110_BUILD_BENCH)
  find_package(benchmark CONFIG REQUIRED)
endif()
