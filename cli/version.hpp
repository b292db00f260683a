// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/core/messages.hpp>

#include <optional>
#include <string>
#include <vector>

namespace ent110::cli {

/// Whether `args` ask for `--version` and nothing else but global options: then whether in JSON.
/// Answered before the command tree is built, so that --version stays a command of a millisecond.
std::optional<bool> version_requested(const std::vector<std::string>& args);

/// `ent110 --version`: the program's version, the schema version it writes, the calendar years
/// built in and the libraries' versions, one per line.
std::string version_text(Lang lang);

/// The same as one JSON document.
std::string version_json();

}  // namespace ent110::cli
