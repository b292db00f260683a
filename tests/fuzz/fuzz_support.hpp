// SPDX-License-Identifier: MIT
// What the fuzz targets share: the bytes as text, scratch files for parsers that read a path, a
// database prepared as `ent110 init` leaves it, and the rule that an ent110 Error is an expected
// refusal while anything else escapes to libFuzzer as a finding.
#pragma once

#include <ent110/audit/audit_log.hpp>
#include <ent110/core/error.hpp>
#include <ent110/core/time.hpp>
#include <ent110/store/store.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace ent110::fuzz {

/// The fuzzer's input as text (any bytes, not necessarily UTF-8).
inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Writes `content` to the file `name` in this process's scratch directory (created on first use
/// in /dev/shm, else the temp directory; removed at exit) and returns its path; for parsers that
/// only read files.
std::filesystem::path scratch_file(std::string_view name, std::string_view content);

/// Runs `parse`. A refusal (ent110::Error, exit 2–6) is the expected answer to bad input; any
/// other exception, a crash or a sanitizer report escapes and libFuzzer records the input.
template <class Parse>
void parse_or_refuse(Parse&& parse) {
  try {
    parse();
  } catch (const Error&) {
  }
}

/// Reports a broken property of an accepted input ("property: " and `what` on stderr) and aborts,
/// which libFuzzer records as a finding.
[[noreturn]] void property_failed(const std::string& what);

/// The zone of the default configuration, Asia/Shanghai.
const Zone& default_zone();

/// The actor of the imports, the office acting for itself.
Actor office_actor();

/// A fixed instant (2025-06-02 09:00 local) at which the imports are recorded.
Instant fixed_now();

/// An in-memory database as `ent110 init` leaves it, with one enterprise; the same one for every
/// input of a run.
Store& initialized_store();

/// Runs `work` inside a transaction that is always rolled back, so that every input meets the
/// same database.
template <class Work>
void rolled_back(Store& store, Work&& work) {
  store.connection().begin_write();
  try {
    work();
  } catch (...) {
    store.connection().rollback();
    throw;
  }
  store.connection().rollback();
}

}  // namespace ent110::fuzz
