// SPDX-License-Identifier: MIT
// Golden-file comparison for report tests: tests/data/golden/NAME byte for byte.
// ENT110_UPDATE_GOLDEN=1 rewrites the files instead (review the diff before committing).
#pragma once

#include "support/test_support.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace ent110::test {

inline std::filesystem::path golden_path(const std::string& name) {
  return source_dir() / "tests" / "data" / "golden" / name;
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

/// The first line where `actual` and `expected` differ, for a readable failure.
inline std::string first_difference(const std::string& actual, const std::string& expected) {
  std::istringstream a(actual);
  std::istringstream e(expected);
  std::string line_a;
  std::string line_e;
  for (int line = 1;; ++line) {
    const bool more_a = static_cast<bool>(std::getline(a, line_a));
    const bool more_e = static_cast<bool>(std::getline(e, line_e));
    if (!more_a && !more_e) {
      return "no line differs (line ends or final newline differ)";
    }
    if (line_a != line_e || more_a != more_e) {
      return "line " + std::to_string(line) + ":\n  actual:   " + line_a +
             "\n  expected: " + line_e;
    }
  }
}

inline void check_golden(const std::string& name, const std::string& actual) {
  const std::filesystem::path path = golden_path(name);
  if (std::getenv("ENT110_UPDATE_GOLDEN") != nullptr) {
    write_file(path, actual);
  }
  const std::string expected = read_file(path);
  INFO("golden file " << path.string());
  if (actual != expected) {
    FAIL(first_difference(actual, expected));
  }
  SUCCEED();
}

}  // namespace ent110::test
