// SPDX-License-Identifier: MIT
#include "support/test_support.hpp"

#include "run.hpp"

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

namespace ent110::test {

CliResult run_cli(std::vector<std::string> args) {
  for (const char* variable :
       {"ENT110_DB", "ENT110_USER", "ENT110_NOW", "ENT110_LANG", "LC_ALL", "LC_MESSAGES", "LANG"}) {
    ::unsetenv(variable);
  }
  ::setenv("ENT110_CONFIG", "/dev/null", 1);
  std::ostringstream out;
  std::ostringstream err;
  const int code = cli::run_main(args, out, err);
  return CliResult{code, out.str(), err.str()};
}

TempDir::TempDir() {
  std::random_device random;
  m_path = std::filesystem::temp_directory_path() / ("ent110-test-" + std::to_string(random()));
  std::filesystem::create_directories(m_path);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(m_path, ignored);
}

void write_file(const std::filesystem::path& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

std::filesystem::path source_dir() {
  return ENT110_SOURCE_DIR;
}

std::vector<std::string> man_table_rows(const std::string& page, const std::string& section) {
  std::ifstream in(source_dir() / page);
  std::string line;
  std::vector<std::string> rows;
  bool in_section = false;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line.starts_with(".SH")) {
      in_section = line == section;
    } else if (in_section && line == "_") {
      inside = true;
    } else if (line == ".TE") {
      inside = false;
    } else if (inside) {
      std::string plain;
      for (std::size_t i = 0; i < line.size(); ++i) {
        if (line.compare(i, 2, "\\-") != 0) {
          plain += line[i];
        }
      }
      rows.push_back(plain);
    }
  }
  return rows;
}

}  // namespace ent110::test
