# Every dependency is a Debian package; .ci/install-deps installs them.
find_package(CLI11 2.1 CONFIG REQUIRED)
find_package(SQLiteCpp 3.2 CONFIG REQUIRED)
find_package(date 3.0 CONFIG REQUIRED)
find_package(tomlplusplus 3.3 CONFIG REQUIRED)
find_package(fmt 9 CONFIG REQUIRED)
find_package(nlohmann_json 3.11 CONFIG REQUIRED)
# fmt and toml++ are compiled into ent110 (lib/ent110/util/fmt_library.cpp and
# lib/ent110/config/toml_library.cpp), each in one translation unit: Debian ships them only as
# shared libraries, whose loading, with the shared libstdc++ they need, cost every command at
# start-up (issue 15). Header-only use would compile their implementations in every includer.
add_library(ent110_fmt INTERFACE)
target_include_directories(ent110_fmt SYSTEM INTERFACE
  $<TARGET_PROPERTY:fmt::fmt,INTERFACE_INCLUDE_DIRECTORIES>)
add_library(ent110_toml INTERFACE)
target_include_directories(ent110_toml SYSTEM INTERFACE
  $<TARGET_PROPERTY:tomlplusplus::tomlplusplus,INTERFACE_INCLUDE_DIRECTORIES>)
target_compile_definitions(ent110_toml INTERFACE TOML_HEADER_ONLY=0)
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
