// SPDX-License-Identifier: MIT
#pragma once

#include <span>
#include <string_view>

namespace ent110 {

/// A file compiled into the binary by cmake/Embed.cmake; `name` is relative to the source tree.
struct EmbeddedFile {
  std::string_view name;
  std::string_view content;
};

}  // namespace ent110
