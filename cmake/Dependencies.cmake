# Every dependency is a Debian package; .ci/install-deps installs them.
find_package(CLI11 2.1 CONFIG REQUIRED)
find_package(SQLiteCpp 3.2 CONFIG REQUIRED)
find_package(date 3.0 CONFIG REQUIRED)
find_package(tomlplusplus 3.3 CONFIG REQUIRED)
find_package(fmt 9 CONFIG REQUIRED)
find_package(nlohmann_json 3.11 CONFIG REQUIRED)
find_package(OpenSSL 3 REQUIRED COMPONENTS Crypto)
find_package(PkgConfig REQUIRED)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)

# libcsv ships neither a CMake package nor a pkg-config file.
find_path(CSV_INCLUDE_DIR csv.h REQUIRED)
find_library(CSV_LIBRARY csv REQUIRED)
add_library(ent110_csv INTERFACE)
target_include_directories(ent110_csv SYSTEM INTERFACE ${CSV_INCLUDE_DIR})
target_link_libraries(ent110_csv INTERFACE ${CSV_LIBRARY})

if(ENT110_BUILD_TESTS)
  find_package(Catch2 2.13 CONFIG REQUIRED)
endif()
if(ENT110_BUILD_BENCH)
  find_package(benchmark CONFIG REQUIRED)
endif()
