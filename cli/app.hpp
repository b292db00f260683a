// SPDX-License-Identifier: MIT
#pragma once

#include "invocation.hpp"

#include <ent110/core/messages.hpp>

#include <CLI/CLI.hpp>

#include <memory>

namespace ent110::cli {

/// The whole command tree with help texts in `lang`; parsing it fills `inv`.
std::unique_ptr<CLI::App> make_app(Invocation& inv, Lang lang);

/// Turns a CLI11 enumeration check into one whose allowed values come from the library's table.
CLI::IsMember one_of(const std::vector<std::string>& names);

}  // namespace ent110::cli
