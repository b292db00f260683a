// SPDX-License-Identifier: MIT
#include <ent110/calendar/holiday_file.hpp>
#include <ent110/config/toml.hpp>
#include <ent110/core/error.hpp>
#include <ent110/core/input.hpp>

#include <algorithm>
#include <fstream>
#include <map>

namespace ent110 {
namespace {

SourcePlace place_of(const toml::source_region& region) {
  return SourcePlace{static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}

std::vector<std::string> located(const std::string& file, SourcePlace place) {
  return {file, std::to_string(place.line), std::to_string(place.column)};
}

[[noreturn]] void fail(MessageId id,
                       const std::string& file,
                       SourcePlace place,
                       std::vector<std::string> args = {}) {
  std::vector<std::string> all = located(file, place);
  all.insert(all.end(), std::make_move_iterator(args.begin()), std::make_move_iterator(args.end()));
  throw BadInput(id, std::move(all));
}

int year_of(LocalDate day) {
  return static_cast<int>(date::year_month_day{day}.year());
}

std::string join(const std::vector<std::string_view>& items) {
  std::string out;
  for (std::string_view item : items) {
    out += out.empty() ? "" : ", ";
    out += item;
  }
  return out;
}

// One TOML table read against its allowed keys: unknown keys are refused where they stand,
// missing keys are reported at the table.
class TableReader {
 public:
  TableReader(const std::string& file,
              const toml::table& table,
              std::vector<std::string_view> required,
              std::vector<std::string_view> optional)
      : m_file(file), m_table(table), m_required(std::move(required)) {
    std::vector<std::string_view> allowed = m_required;
    allowed.insert(allowed.end(), optional.begin(), optional.end());
    for (const auto& [key, node] : table) {
      if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
        fail(MessageId::holiday_unknown_key, m_file, place_of(key.source()),
             {std::string(key.str()), join(allowed)});
      }
    }
    for (std::string_view key : m_required) {
      if (!table.contains(key)) {
        fail(MessageId::holiday_missing_key, m_file, place_of(table.source()),
             {std::string(key), join(m_required)});
      }
    }
  }

  const toml::node* find(std::string_view key) const { return m_table.get(key); }

  std::string string(std::string_view key) const {
    const toml::node* node = find(key);
    if (node == nullptr) {
      return {};
    }
    if (!node->is_string()) {
      fail(MessageId::holiday_want_string, m_file, place_of(node->source()), {std::string(key)});
    }
    return *node->value<std::string>();
  }

  LocalDate date(std::string_view key) const { return date_of(*find(key), key); }

  std::optional<LocalDate> optional_date(std::string_view key) const {
    const toml::node* node = find(key);
    return node == nullptr ? std::nullopt : std::optional<LocalDate>(date_of(*node, key));
  }

  LocalDate date_of(const toml::node& node, std::string_view key) const {
    if (!node.is_date()) {
      fail(MessageId::holiday_want_date, m_file, place_of(node.source()), {std::string(key)});
    }
    const toml::date value = *node.value<toml::date>();
    const date::year_month_day day{date::year{value.year}, date::month{value.month},
                                   date::day{value.day}};
    if (!day.ok()) {
      fail(MessageId::holiday_want_date, m_file, place_of(node.source()), {std::string(key)});
    }
    return LocalDate{day};
  }

  bool boolean(std::string_view key) const {
    const toml::node* node = find(key);
    if (node == nullptr) {
      return false;
    }
    if (!node->is_boolean()) {
      fail(MessageId::holiday_want_boolean, m_file, place_of(node->source()), {std::string(key)});
    }
    return *node->value<bool>();
  }

  const toml::table& table(std::string_view key, MessageId want) const {
    const toml::node* node = find(key);
    if (!node->is_table()) {
      fail(want, m_file, place_of(node->source()), {std::string(key)});
    }
    return *node->as_table();
  }

  // An array of tables ([[key]]); empty when the key is absent.
  std::vector<const toml::table*> tables(std::string_view key) const {
    std::vector<const toml::table*> out;
    const toml::node* node = find(key);
    if (node == nullptr) {
      return out;
    }
    if (!node->is_array_of_tables()) {
      fail(MessageId::holiday_want_blocks, m_file, place_of(node->source()), {std::string(key)});
    }
    for (const toml::node& item : *node->as_array()) {
      out.push_back(item.as_table());
    }
    return out;
  }

 private:
  const std::string& m_file;
  const toml::table& m_table;
  std::vector<std::string_view> m_required;
};

HolidayBlock read_block(const std::string& file, const toml::table& table) {
  const TableReader reader(file, table, {"name", "name_en", "off"}, {"work", "cross_year"});
  HolidayBlock block;
  block.name = reader.string("name");
  block.name_en = reader.string("name_en");
  block.cross_year = reader.boolean("cross_year");

  const toml::table& off = reader.table("off", MessageId::holiday_want_off);
  const TableReader off_reader(file, off, {"from", "to"}, {});
  block.off_from = off_reader.date("from");
  block.off_to = off_reader.date("to");
  block.off_place = place_of(off.source());
  if (block.off_to < block.off_from) {
    fail(MessageId::holiday_off_reversed, file, block.off_place,
         {format_date(block.off_from), format_date(block.off_to)});
  }

  if (const toml::node* work = reader.find("work")) {
    if (!work->is_array()) {
      fail(MessageId::holiday_want_work, file, place_of(work->source()), {"work"});
    }
    for (const toml::node& item : *work->as_array()) {
      if (!item.is_date()) {
        fail(MessageId::holiday_want_work, file, place_of(item.source()), {"work"});
      }
      block.work.push_back(reader.date_of(item, "work"));
      block.work_places.push_back(place_of(item.source()));
    }
  }
  return block;
}

// A date must lie in the file's year; a block marked cross_year may reach into the year before or
// after (a New Year block that starts on 30 December), never further.
void check_in_year(const std::string& file,
                   int year,
                   const HolidayBlock& block,
                   LocalDate day,
                   SourcePlace place) {
  const int day_year = year_of(day);
  if (day_year == year) {
    return;
  }
  if (!block.cross_year || (day_year != year - 1 && day_year != year + 1)) {
    fail(block.cross_year ? MessageId::holiday_date_far : MessageId::holiday_date_outside, file,
         place, {format_date(day), std::to_string(year)});
  }
}

void check_blocks(const HolidaySchedule& schedule) {
  const std::string& file = schedule.file;
  // Every stated day with where it was stated, to refuse a day listed twice.
  std::map<LocalDate, SourcePlace> seen;
  const auto claim = [&](LocalDate day, SourcePlace place) {
    if (auto [it, inserted] = seen.emplace(day, place); !inserted) {
      fail(MessageId::holiday_day_twice, file, place,
           {format_date(day), std::to_string(it->second.line), std::to_string(it->second.column)});
    }
  };
  for (const HolidayBlock& block : schedule.holidays) {
    check_in_year(file, schedule.year, block, block.off_from, block.off_place);
    check_in_year(file, schedule.year, block, block.off_to, block.off_place);
    for (LocalDate day = block.off_from; day <= block.off_to; day += date::days{1}) {
      claim(day, block.off_place);
    }
  }
  for (const HolidayBlock& block : schedule.holidays) {
    for (std::size_t i = 0; i < block.work.size(); ++i) {
      const LocalDate day = block.work[i];
      const SourcePlace place = block.work_places[i];
      check_in_year(file, schedule.year, block, day, place);
      if (!is_weekend(day)) {
        fail(MessageId::holiday_work_not_weekend, file, place, {format_date(day)});
      }
      if (auto it = seen.find(day); it != seen.end()) {
        const bool off = std::any_of(schedule.holidays.begin(), schedule.holidays.end(),
                                     [&](const HolidayBlock& other) {
                                       return other.off_from <= day && day <= other.off_to;
                                     });
        fail(
            off ? MessageId::holiday_off_and_work : MessageId::holiday_day_twice, file, place,
            {format_date(day), std::to_string(it->second.line), std::to_string(it->second.column)});
      }
      seen.emplace(day, place);
    }
  }
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw BadInput(MessageId::holiday_path_unreadable, {path.string()});
  }
  return read_bounded(in, k_max_settings_file_bytes, path.string());
}

}  // namespace

HolidaySchedule parse_holiday_file(std::string_view text, const std::string& file) {
  require_utf8_file(text, file);
  toml::table root;
  try {
    root = toml::parse(text, file);
  } catch (const toml::parse_error& error) {
    fail(MessageId::holiday_syntax, file, place_of(error.source()),
         {std::string(error.description())});
  }
  const TableReader reader(file, root, {"year", "source", "holiday"}, {"amendment"});
  HolidaySchedule schedule;
  schedule.file = file;

  const toml::node& year = *reader.find("year");
  const std::optional<std::int64_t> year_value =
      year.is_integer() ? year.value<std::int64_t>() : std::nullopt;
  if (!year_value || *year_value < 1900 || *year_value > 9999) {
    fail(MessageId::holiday_want_year, file, place_of(year.source()));
  }
  schedule.year = static_cast<int>(*year_value);
  // A file named for a year (2025.toml) must hold that year, so a copied file is not mistaken.
  const std::string stem = std::filesystem::path(file).stem().string();
  if (stem.size() == 4 &&
      std::all_of(stem.begin(), stem.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
      std::stoi(stem) != schedule.year) {
    fail(MessageId::holiday_year_mismatch, file, place_of(year.source()),
         {std::to_string(schedule.year), stem});
  }

  const TableReader source(file, reader.table("source", MessageId::holiday_want_table),
                           {"notice", "title", "issued", "url"}, {"retrieved"});
  schedule.notice = source.string("notice");
  schedule.title = source.string("title");
  schedule.issued = source.date("issued");
  schedule.url = source.string("url");
  schedule.retrieved = source.optional_date("retrieved");

  for (const toml::table* table : reader.tables("amendment")) {
    const TableReader amendment(file, *table, {"notice", "title", "issued", "url"}, {"note"});
    schedule.amendments.push_back(HolidayAmendment{
        amendment.string("notice"), amendment.string("title"), amendment.date("issued"),
        amendment.string("url"), amendment.string("note")});
  }
  for (const toml::table* table : reader.tables("holiday")) {
    schedule.holidays.push_back(read_block(file, *table));
  }
  check_blocks(schedule);
  return schedule;
}

void check_holiday_set(const std::vector<HolidaySchedule>& schedules) {
  std::map<int, const HolidaySchedule*> years;
  struct Claim {
    const HolidaySchedule* schedule;
    SourcePlace place;
  };
  std::map<LocalDate, Claim> days;
  for (const HolidaySchedule& schedule : schedules) {
    if (auto [it, inserted] = years.emplace(schedule.year, &schedule); !inserted) {
      fail(MessageId::holiday_year_twice, schedule.file, SourcePlace{1, 1},
           {std::to_string(schedule.year), it->second->file});
    }
    for (const HolidayBlock& block : schedule.holidays) {
      const auto claim = [&](LocalDate day, SourcePlace place) {
        if (auto [it, inserted] = days.emplace(day, Claim{&schedule, place}); !inserted) {
          fail(MessageId::holiday_day_in_two_files, schedule.file, place,
               {format_date(day), it->second.schedule->file, std::to_string(it->second.place.line),
                std::to_string(it->second.place.column)});
        }
      };
      for (LocalDate day = block.off_from; day <= block.off_to; day += date::days{1}) {
        claim(day, block.off_place);
      }
      for (std::size_t i = 0; i < block.work.size(); ++i) {
        claim(block.work[i], block.work_places[i]);
      }
    }
  }
}

std::vector<HolidaySchedule> read_holiday_files(const std::vector<std::filesystem::path>& paths) {
  std::vector<std::filesystem::path> files;
  for (const std::filesystem::path& path : paths) {
    std::error_code error;
    if (!std::filesystem::is_directory(path, error)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::filesystem::path> in_directory;
    for (const auto& entry : std::filesystem::directory_iterator(path, error)) {
      if (entry.path().extension() == ".toml") {
        in_directory.push_back(entry.path());
      }
    }
    if (in_directory.empty()) {
      throw BadInput(MessageId::holiday_directory_empty, {path.string()});
    }
    std::sort(in_directory.begin(), in_directory.end());
    files.insert(files.end(), in_directory.begin(), in_directory.end());
  }
  std::vector<HolidaySchedule> schedules;
  for (const std::filesystem::path& file : files) {
    schedules.push_back(parse_holiday_file(read_text(file), file.string()));
  }
  check_holiday_set(schedules);
  return schedules;
}

std::vector<HolidaySchedule> embedded_holiday_schedules() {
  std::vector<HolidaySchedule> schedules;
  for (const EmbeddedFile& file : embedded_holidays()) {
    schedules.push_back(parse_holiday_file(file.content, std::string(file.name)));
  }
  std::sort(schedules.begin(), schedules.end(),
            [](const HolidaySchedule& a, const HolidaySchedule& b) { return a.year < b.year; });
  check_holiday_set(schedules);
  return schedules;
}

std::vector<OfficialDay> official_days(const HolidaySchedule& schedule) {
  std::vector<OfficialDay> days;
  for (const HolidayBlock& block : schedule.holidays) {
    for (LocalDate day = block.off_from; day <= block.off_to; day += date::days{1}) {
      days.push_back(OfficialDay{day, DayKind::holiday, block.name, block.name_en, schedule.year});
    }
    for (LocalDate day : block.work) {
      days.push_back(
          OfficialDay{day, DayKind::adjusted_workday, block.name, block.name_en, schedule.year});
    }
  }
  std::sort(days.begin(), days.end(),
            [](const OfficialDay& a, const OfficialDay& b) { return a.date < b.date; });
  return days;
}

}  // namespace ent110
