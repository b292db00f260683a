// SPDX-License-Identifier: MIT
#pragma once

#include <date/date.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace ent110 {

struct ZoneRules;

/// A moment in time, UTC, to the second. Stored instants are always UTC.
using Instant = date::sys_seconds;
/// A civil calendar date with no zone attached (a day of the local calendar).
using LocalDate = date::sys_days;

/// The configured zone that turns instants into local dates (default Asia/Shanghai).
class Zone {
 public:
  /// Loads the IANA zone `name` from its one TZif file under /usr/share/zoneinfo; throws
  /// UsageError(unknown_time_zone) when there is no such zone.
  explicit Zone(std::string_view name);

  /// The zone's IANA name.
  std::string_view name() const;
  /// The local calendar date of `instant` in this zone.
  LocalDate local_date(Instant instant) const;
  /// The instant at which local date `day` begins (00:00 local).
  Instant start_of(LocalDate day) const;
  /// `instant` as local ISO-8601 with offset, e.g. "2025-09-30T20:15:00+08:00".
  std::string format_local(Instant instant) const;
  /// `instant` as local "YYYY-MM-DD HH:MM", for tables.
  std::string format_local_short(Instant instant) const;

 private:
  std::string m_name;
  std::shared_ptr<const ZoneRules> m_rules;
};

/// The years an `--at` or `received_at` may name: one year inside the schema's CHECK (1900 to
/// 9999), so that neither an offset nor a deadline computed from it leaves the stored range.
inline constexpr int k_first_instant_year = 1901;
/// See k_first_instant_year.
inline constexpr int k_last_instant_year = 9998;

/// Parses `--at`/`ENT110_NOW`: "YYYY-MM-DD" (start of that local day), "YYYY-MM-DDTHH:MM[:SS]"
/// or with a space instead of 'T' (local), each optionally followed by "Z" or "+HH:MM"/"-HH:MM",
/// in the years k_first_instant_year to k_last_instant_year; throws UsageError(bad_instant).
Instant parse_instant(std::string_view text, const Zone& zone);

/// Parses "YYYY-MM-DD" into a valid date; nullopt otherwise.
std::optional<LocalDate> try_parse_date(std::string_view text);
/// Parses "YYYY-MM-DD"; throws UsageError(bad_date).
LocalDate parse_date(std::string_view text);
/// Parses "YYYY-MM"; throws UsageError(bad_month).
date::year_month parse_month(std::string_view text);

/// "YYYY-MM-DD".
std::string format_date(LocalDate day);
/// "YYYY-MM".
std::string format_month(date::year_month month);
/// UTC ISO-8601 with 'Z', the storage form: "2025-09-30T12:15:00Z".
std::string format_utc(Instant instant);
/// Parses the storage form written by format_utc; throws StoreError on anything else.
Instant parse_utc(std::string_view text);

/// The wall clock. The only function in ent110 that reads it; `--at` replaces its answer.
Instant wall_clock_now();

}  // namespace ent110
