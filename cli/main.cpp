// SPDX-License-Identifier: MIT
#include "run.hpp"

#include <iostream>

int main(int argc, char** argv) {
  return ent110::cli::run_main(std::vector<std::string>(argv + 1, argv + argc), std::cout,
                               std::cerr);
}
