// SPDX-License-Identifier: MIT
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace ent110::cli {

/// The whole program: parses `args` (without the program name), runs the chosen command, prints
/// to `out`/`err`, and returns the exit code of spec/cli.md. The one place errors are caught.
int run_main(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace ent110::cli
