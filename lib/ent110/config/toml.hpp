// SPDX-License-Identifier: MIT
// toml++ as ent110 includes it, everywhere (toml_library.cpp compiles its implementation).
#pragma once

// Its internal asserts stay off, as in Debian's shared build: with them, a table header that
// starts with a character no key may start with ("[=", "[`", "[\0") aborts in parse_key instead
// of being refused with a syntax error (found by libFuzzer once toml++ was compiled in).
#define TOML_ASSERT(expr) static_cast<void>(0)
#include <toml++/toml.h>
