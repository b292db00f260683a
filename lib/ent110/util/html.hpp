// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace ent110 {

/// `text` safe inside HTML text and quoted attribute values: & < > " ' as character references.
std::string html_escape(std::string_view text);

}  // namespace ent110
