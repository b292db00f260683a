// SPDX-License-Identifier: MIT
#include <ent110/audit/audit_log.hpp>
#include <ent110/calendar/calendar_repo.hpp>
#include <ent110/core/error.hpp>
#include <ent110/store/statement.hpp>
#include <ent110/store/store.hpp>

#include <algorithm>
#include <set>

namespace ent110 {
namespace {

LocalDate stored_date(const std::string& text) {
  if (auto day = try_parse_date(text)) {
    return *day;
  }
  throw StoreError(MessageId::calendar_stored_date_bad, {"calendar", text});
}

DayKind stored_kind(const std::string& text) {
  if (auto kind = parse_day_kind(text)) {
    return *kind;
  }
  throw StoreError(MessageId::calendar_stored_date_bad, {"calendar", text});
}

std::string amendments_of(const HolidaySchedule& schedule) {
  std::string out;
  for (const HolidayAmendment& amendment : schedule.amendments) {
    out += out.empty() ? "" : "; ";
    out += amendment.notice;
  }
  return out;
}

std::int64_t new_revision(Store& store,
                          const std::string& what,
                          const std::string& detail,
                          const std::string& actor,
                          Instant now) {
  Statement insert(store,
                   "INSERT INTO calendar_revision (at, actor, what, detail) "
                   "VALUES (?, ?, ?, ?) RETURNING revision");
  insert.bind(1, format_utc(now)).bind(2, actor).bind(3, what).bind(4, detail);
  return insert.scalar_int64();
}

std::int64_t current_revision(Store& store) {
  return Statement(store, "SELECT coalesce(max(revision), 0) FROM calendar_revision")
      .scalar_int64();
}

// Whether the stored year equals `schedule` in provenance and in every stated day.
bool is_stored_as(Store& store, const HolidaySchedule& schedule) {
  Statement year(store,
                 "SELECT file, notice, title, issued, url, amendments FROM calendar_year "
                 "WHERE year = ?");
  year.bind(1, schedule.year);
  if (!year.step() || year.text(0) != schedule.file || year.text(1) != schedule.notice ||
      year.text(2) != schedule.title || year.text(3) != format_date(schedule.issued) ||
      year.text(4) != schedule.url || year.text(5) != amendments_of(schedule)) {
    return false;
  }
  Statement days(store,
                 "SELECT date, kind, name, name_en FROM calendar_day WHERE year = ? "
                 "ORDER BY date");
  days.bind(1, schedule.year);
  for (const OfficialDay& day : official_days(schedule)) {
    if (!days.step() || days.text(0) != format_date(day.date) ||
        days.text(1) != to_string(day.kind) || days.text(2) != day.name ||
        days.text(3) != day.name_en) {
      return false;
    }
  }
  return !days.step();
}

// A day another stored year already states cannot be stated again (no day in two files).
void check_against_stored(Store& store, const std::vector<HolidaySchedule>& schedules) {
  std::set<int> replaced;
  for (const HolidaySchedule& schedule : schedules) {
    replaced.insert(schedule.year);
  }
  Statement other(store,
                  "SELECT d.year, y.file FROM calendar_day d JOIN calendar_year y USING "
                  "(year) WHERE d.date = ?");
  const auto check = [&](const HolidaySchedule& schedule, LocalDate day, SourcePlace place) {
    other.bind(1, format_date(day));
    if (other.step() && !replaced.contains(other.int32(0))) {
      throw BadInput(MessageId::holiday_day_stored,
                     {schedule.file, std::to_string(place.line), std::to_string(place.column),
                      format_date(day), other.text(1)});
    }
    other.reset();
  };
  for (const HolidaySchedule& schedule : schedules) {
    for (const HolidayBlock& block : schedule.holidays) {
      for (LocalDate day = block.off_from; day <= block.off_to; day += date::days{1}) {
        check(schedule, day, block.off_place);
      }
      for (std::size_t i = 0; i < block.work.size(); ++i) {
        check(schedule, block.work[i], block.work_places[i]);
      }
    }
  }
}

void replace_year(Store& store, const HolidaySchedule& schedule, std::int64_t revision) {
  Statement remove_days(store, "DELETE FROM calendar_day WHERE year = ?");
  remove_days.bind(1, schedule.year);
  remove_days.run();
  Statement remove_year(store, "DELETE FROM calendar_year WHERE year = ?");
  remove_year.bind(1, schedule.year);
  remove_year.run();

  Statement year(store,
                 "INSERT INTO calendar_year (year, file, notice, title, issued, url, "
                 "amendments, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  year.bind(1, schedule.year);
  year.bind(2, schedule.file);
  year.bind(3, schedule.notice);
  year.bind(4, schedule.title);
  year.bind(5, format_date(schedule.issued));
  year.bind(6, schedule.url);
  year.bind(7, amendments_of(schedule));
  year.bind(8, revision);
  year.run();

  Statement day(store,
                "INSERT INTO calendar_day (date, kind, name, name_en, year) "
                "VALUES (?, ?, ?, ?, ?)");
  for (const OfficialDay& official : official_days(schedule)) {
    day.bind(1, format_date(official.date));
    day.bind(2, std::string(to_string(official.kind)));
    day.bind(3, official.name);
    day.bind(4, official.name_en);
    day.bind(5, official.year);
    day.run();
    day.reset();
  }
}

// Returns the new row's id. The statement ends with the function: one with a row left unread
// is still in progress and would keep the transaction's savepoints from being released.
std::int64_t insert_override(Store& store,
                             LocalDate day,
                             const std::string& kind,
                             const std::string& reason,
                             const std::string& actor,
                             Instant now,
                             std::int64_t revision) {
  Statement insert(store,
                   "INSERT INTO calendar_override (date, kind, reason, actor, at, revision) "
                   "VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
  insert.bind(1, format_date(day)).bind(2, kind).bind(3, reason).bind(4, actor);
  insert.bind(5, format_utc(now)).bind(6, revision);
  return insert.scalar_int64();
}

}  // namespace

WorkingCalendar load_calendar(Store& store) {
  std::vector<CalendarYear> years;
  std::vector<OfficialDay> days;
  std::vector<LocalOverride> overrides;
  std::int64_t revision = 0;
  store.read([&] {
    Statement year_rows(store,
                        "SELECT year, file, notice, title, issued, url, amendments "
                        "FROM calendar_year ORDER BY year");
    while (year_rows.step()) {
      years.push_back(CalendarYear{year_rows.int32(0), year_rows.text(1), year_rows.text(2),
                                   year_rows.text(3), stored_date(year_rows.text(4)),
                                   year_rows.text(5), year_rows.text(6)});
    }
    Statement day_rows(store, "SELECT date, kind, name, name_en, year FROM calendar_day");
    while (day_rows.step()) {
      days.push_back(OfficialDay{stored_date(day_rows.text(0)), stored_kind(day_rows.text(1)),
                                 day_rows.text(2), day_rows.text(3), day_rows.int32(4)});
    }
    // The latest row of each date rules; 'official' means no override.
    Statement override_rows(
        store,
        "SELECT o.date, o.kind, o.reason, o.actor, o.at FROM calendar_override o "
        "WHERE o.id = (SELECT max(id) FROM calendar_override WHERE date = o.date) "
        "AND o.kind <> 'official'");
    while (override_rows.step()) {
      overrides.push_back(LocalOverride{stored_date(override_rows.text(0)),
                                        stored_kind(override_rows.text(1)), override_rows.text(2),
                                        override_rows.text(3), parse_utc(override_rows.text(4))});
    }
    revision = current_revision(store);
  });
  return WorkingCalendar(std::move(years), std::move(days), std::move(overrides), revision);
}

LoadSummary store_holiday_schedules(Store& store,
                                    const std::vector<HolidaySchedule>& schedules,
                                    const Actor& actor,
                                    Instant now,
                                    CalendarFollower* follower,
                                    bool only_if_changed) {
  LoadSummary summary;
  std::string files;
  for (const HolidaySchedule& schedule : schedules) {
    summary.years.push_back(schedule.year);
    files += files.empty() ? "" : " ";
    files += schedule.file;
  }
  std::sort(summary.years.begin(), summary.years.end());
  if (only_if_changed &&
      std::all_of(schedules.begin(), schedules.end(),
                  [&](const HolidaySchedule& schedule) { return is_stored_as(store, schedule); })) {
    summary.changed = false;
    summary.revision = current_revision(store);
    return summary;
  }
  check_against_stored(store, schedules);
  const WorkingCalendar before = load_calendar(store);
  summary.revision = new_revision(store, "load", files, actor.login, now);
  for (const HolidaySchedule& schedule : schedules) {
    const std::string year = std::to_string(schedule.year);
    std::optional<std::string> stored = audit_row(store, AuditSubject::calendar_year, year);
    replace_year(store, schedule, summary.revision);
    // The year's row carries its days, so a day added behind the tool's back shows in verify.
    record_change(store, actor, "calendar load", AuditSubject::calendar_year, year,
                  std::move(stored), now);
  }
  if (follower != nullptr && !summary.years.empty()) {
    // A year's notice may also close the last days of the December before (New Year).
    const WorkingCalendar after = load_calendar(store);
    const LocalDate from = date::year{summary.years.front() - 1} / date::December / 1;
    const LocalDate to = date::year{summary.years.back()} / date::December / 31;
    summary.moved = follower->follow(after, changed_days(before, after, from, to));
  }
  return summary;
}

LoadSummary load_holidays(Store& store,
                          const std::vector<std::filesystem::path>& paths,
                          const Actor& actor,
                          Instant now,
                          CalendarFollower* follower) {
  // Every file is read and validated before the transaction begins: one bad file loads nothing.
  const std::vector<HolidaySchedule> schedules =
      paths.empty() ? embedded_holiday_schedules() : read_holiday_files(paths);
  LoadSummary summary;
  store.write([&] { summary = store_holiday_schedules(store, schedules, actor, now, follower); });
  return summary;
}

std::optional<OverrideChoice> parse_override_choice(std::string_view text) {
  if (text == "work") {
    return OverrideChoice::work;
  }
  if (text == "off") {
    return OverrideChoice::off;
  }
  if (text == "official") {
    return OverrideChoice::official;
  }
  return std::nullopt;
}

OverrideSummary set_override(Store& store,
                             LocalDate day,
                             OverrideChoice choice,
                             const std::string& reason,
                             const Actor& actor,
                             Instant now,
                             CalendarFollower* follower) {
  if (std::all_of(reason.begin(), reason.end(), [](char c) { return c == ' ' || c == '\t'; })) {
    throw UsageError(MessageId::calendar_reason_empty, {format_date(day)});
  }
  const std::string kind = choice == OverrideChoice::work  ? "local-work"
                           : choice == OverrideChoice::off ? "local-off"
                                                           : "official";
  OverrideSummary summary;
  store.write([&] {
    const WorkingCalendar before = load_calendar(store);
    if (choice == OverrideChoice::official && !before.overrides().contains(day)) {
      throw NotFound(MessageId::calendar_no_override, {format_date(day)});
    }
    summary.revision =
        new_revision(store, "override", format_date(day) + " " + kind, actor.login, now);
    const std::int64_t id =
        insert_override(store, day, kind, reason, actor.login, now, summary.revision);
    record_change(store, actor, "calendar set", AuditSubject::calendar_override, std::to_string(id),
                  std::nullopt, now);
    const WorkingCalendar calendar = load_calendar(store);
    summary.day = calendar.days_between(day, day).front();
    if (follower != nullptr) {
      summary.moved = follower->follow(calendar, changed_days(before, calendar, day, day));
    }
  });
  return summary;
}

CalendarCheck check_calendar(const WorkingCalendar& calendar, LocalDate today) {
  CalendarCheck check;
  check.loaded = calendar.years();
  check.overrides = calendar.overrides().size();
  check.revision = calendar.revision();
  const date::year_month_day ymd{today};
  const int this_year = static_cast<int>(ymd.year());
  const int first = check.loaded.empty() ? this_year : check.loaded.front().year;
  for (int year = first; year <= this_year; ++year) {
    if (!calendar.is_year_loaded(year)) {
      check.missing.push_back(year);
    }
  }
  if (static_cast<unsigned>(ymd.month()) >= k_next_year_warning_month &&
      !calendar.is_year_loaded(this_year + 1)) {
    check.next_year_missing = this_year + 1;
  }
  return check;
}

}  // namespace ent110
