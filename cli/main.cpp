// SPDX-License-Identifier: MIT
#include "run.hpp"

#include <ent110/core/error.hpp>
#include <ent110/core/interrupt.hpp>

#include <csignal>
#include <iostream>
#include <unistd.h>

namespace {

// Before the commit, an interrupt ends the run: an open SQLite transaction is never committed
// then (the journal rolls it back on the next open) and no temporary file is left. After it, the
// work is done and the run finishes with its own exit status, so that a retry repeats nothing.
extern "C" void on_interrupt(int signal) {
  if (ent110::committing()) {
    return;
  }
  ent110::remove_temporary_files();
  ::_exit(static_cast<int>(signal == SIGINT ? ent110::ExitCode::interrupted
                                            : ent110::ExitCode::terminated));
}

void install_interrupt_handler() {
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  // Both signals masked while either runs, so that the temporary files are removed once.
  sigaddset(&action.sa_mask, SIGINT);
  sigaddset(&action.sa_mask, SIGTERM);
  action.sa_flags = SA_RESTART;
  ::sigaction(SIGINT, &action, nullptr);
  ::sigaction(SIGTERM, &action, nullptr);
}

}  // namespace

int main(int argc, char** argv) {
  // First of all: Ctrl-C must end with the contract's 130, never death by signal.
  install_interrupt_handler();
  return ent110::cli::run_main(std::vector<std::string>(argv + 1, argv + argc), std::cout,
                               std::cerr);
}
