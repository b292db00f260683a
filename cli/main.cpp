// SPDX-License-Identifier: MIT
#include "run.hpp"

#include <csignal>
#include <iostream>
#include <unistd.h>

int main(int argc, char** argv) {
  // Ctrl-C ends with the contract's 130 as an exit status, not death by signal. An open SQLite
  // transaction is never committed then: the journal rolls it back on the next open.
  std::signal(SIGINT, [](int) { ::_exit(130); });
  return ent110::cli::run_main(std::vector<std::string>(argv + 1, argv + argc), std::cout,
                               std::cerr);
}
