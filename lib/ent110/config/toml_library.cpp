// SPDX-License-Identifier: MIT
// toml++'s implementation, built into ent110: Debian ships it only as a shared library, which
// cost every command its loading at start-up (issue 15). Every other translation unit includes
// toml++ with TOML_HEADER_ONLY=0 (the ent110_toml target), so only this one compiles the parser.
#define TOML_IMPLEMENTATION
#include <ent110/config/toml.hpp>
