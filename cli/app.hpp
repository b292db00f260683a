// SPDX-License-Identifier: MIT
#pragma once

#include "invocation.hpp"

#include <ent110/core/messages.hpp>

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

namespace ent110::cli {

/// The whole command tree with help texts in `lang`; parsing it fills `inv`.
std::unique_ptr<CLI::App> make_app(Invocation& inv, Lang lang);

/// The tree with only the branch of the command that `args` name after global options: building
/// all of them was a fifth of a command's work (issue 15). Null when `args` name no command so
/// plainly, or one that reads the whole tree. A parse it fails must be redone on make_app's tree,
/// whose help and errors know every command.
std::unique_ptr<CLI::App> make_app_for(Invocation& inv,
                                       Lang lang,
                                       const std::vector<std::string>& args);

/// Turns a CLI11 enumeration check into one whose allowed values come from the library's table.
CLI::IsMember one_of(const std::vector<std::string>& names);

}  // namespace ent110::cli
