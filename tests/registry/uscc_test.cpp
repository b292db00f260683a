// SPDX-License-Identifier: MIT
#include <ent110/core/error.hpp>
#include <ent110/registry/uscc.hpp>

#include <catch2/catch.hpp>

using namespace ent110;

TEST_CASE("uscc_problem: published codes pass GB 32100-2015", "[uscc]") {
  // The standard's own example and two real enterprises' codes.
  for (const char* code : {"91350100M000100Y43", "91110000600037341L", "91440300708461136T"}) {
    INFO(code);
    CHECK_FALSE(uscc_problem(code).has_value());
  }
}

TEST_CASE("uscc_problem: a changed character fails the check character", "[uscc]") {
  CHECK(uscc_problem("91350100M000100Y44") == UsccProblem::check_character);
  CHECK(uscc_problem("91350100M000101Y43") == UsccProblem::check_character);
  CHECK(uscc_check_character("91350100M000100Y4") == '3');
}

TEST_CASE("uscc_problem: wrong length and forbidden letters are named", "[uscc]") {
  CHECK(uscc_problem("91350100M000100Y4") == UsccProblem::length);
  CHECK(uscc_problem("") == UsccProblem::length);
  CHECK(uscc_problem("91350100M0001O0Y43") == UsccProblem::character);  // letter O
  CHECK(uscc_problem("91350100m000100Y43") == UsccProblem::character);  // lowercase
}

TEST_CASE("validate_uscc: the error says which check character would be right", "[uscc]") {
  try {
    validate_uscc("91350100M000100Y44");
    FAIL("accepted");
  } catch (const BadInput& error) {
    CHECK(std::string(error.what()).find("would be '3'") != std::string::npos);
    CHECK(error.exit_code() == ExitCode::bad_input);
  }
}
