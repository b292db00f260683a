// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/calendar/calendar.hpp>
#include <ent110/core/embedded.hpp>
#include <ent110/core/time.hpp>

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

/// The holidays/*.toml files compiled into the program (cmake/Embed.cmake).
std::span<const EmbeddedFile> embedded_holidays();

/// A place in a holiday file, for `file:line:col` messages.
struct SourcePlace {
  int line = 0;
  int column = 0;
};

/// A later notice that changed a year's schedule (e.g. 国办发明电〔2020〕1号).
struct HolidayAmendment {
  std::string notice;
  std::string title;
  LocalDate issued;
  std::string url;
  std::string note;  ///< what it changed, or empty
};

/// One `[[holiday]]` block: a festival, its days off and the weekend days made working days.
struct HolidayBlock {
  std::string name;     ///< Chinese, as the notice names it
  std::string name_en;  ///< English
  LocalDate off_from;   ///< first day off
  LocalDate off_to;     ///< last day off (inclusive)
  SourcePlace off_place;
  std::vector<LocalDate> work;  ///< made-up working days (调休), each a Saturday or Sunday
  std::vector<SourcePlace> work_places;
  bool cross_year = false;  ///< whether the block may reach into the neighbouring year
};

/// One validated holidays/YYYY.toml: the year, its provenance and its blocks.
struct HolidaySchedule {
  std::string file;  ///< the name used in messages and stored as the source
  int year = 0;
  std::string notice;
  std::string title;
  LocalDate issued;
  std::string url;
  std::optional<LocalDate> retrieved;
  std::vector<HolidayAmendment> amendments;
  std::vector<HolidayBlock> holidays;
};

/// Parses and validates the text of one holiday file named `file`. Throws BadInput naming
/// `file:line:col`: TOML syntax, unknown or missing keys, wrong types, a date outside the year
/// (a block reaches into the neighbouring year only with `cross_year = true`), a made-up working
/// day that is not a Saturday or Sunday, a day both off and working, a day in two blocks.
HolidaySchedule parse_holiday_file(std::string_view text, const std::string& file);

/// Checks a set of schedules loaded together: one file per year, no day in two files.
/// Throws BadInput naming the later `file:line:col`.
void check_holiday_set(const std::vector<HolidaySchedule>& schedules);

/// Reads `paths` (files, or directories whose *.toml files are read in name order), parses each
/// and checks the set. Throws BadInput when a path cannot be read or any file is invalid.
std::vector<HolidaySchedule> read_holiday_files(const std::vector<std::filesystem::path>& paths);

/// The schedules compiled into the program, parsed and checked.
std::vector<HolidaySchedule> embedded_holiday_schedules();

/// The days `schedule` states: every day off as `holiday`, every made-up working day as
/// `adjusted_workday`, each with its festival's names and the schedule's year.
std::vector<OfficialDay> official_days(const HolidaySchedule& schedule);

}  // namespace ent110
