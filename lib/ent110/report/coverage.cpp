// SPDX-License-Identifier: MIT
// The coverage of Art. 3 (首席服务员全覆盖) on one day. An officer serves a subject on day D when
// an assignment runs (from_date <= D < until_date) and the officer is not retired (D <
// retired_on); the subjects and assignments are read once and matched here, so that the county
// rows, the gaps and the leader gaps cannot disagree.
#include <ent110/report/coverage.hpp>
#include <ent110/report/report_repo.hpp>
#include <ent110/store/store.hpp>

#include <algorithm>
#include <set>
#include <tuple>

namespace ent110 {
namespace {

bool serves_on(const report_repo::ServingRow& row, LocalDate day) {
  return row.from <= day && (!row.until || *row.until > day) &&
         (!row.retired_on || *row.retired_on > day);
}

using SubjectId = std::pair<bool, std::string>;  // (is a project, enterprise id or project code)

SubjectId subject_of(const report_repo::ServingRow& row) {
  return {row.project, row.subject};
}

SubjectKind kind_of(bool project) {
  return project ? SubjectKind::project : SubjectKind::enterprise;
}

// Enterprises before projects, each by county with "no county" last, then by name: the order
// every list of the report uses.
template <typename Listed>
auto place_order(const Listed& x) {
  return std::tuple<bool, bool, const std::string&, const std::string&>(
      x.kind != SubjectKind::enterprise, x.county.empty(), x.county, x.name);
}

template <typename Listed>
void sort_by_place(std::vector<Listed>& list) {
  std::stable_sort(list.begin(), list.end(), [](const Listed& a, const Listed& b) {
    return place_order(a) < place_order(b);
  });
}

void add_to(Rate& rate, bool covered) {
  ++rate.denominator;
  if (covered) {
    ++rate.numerator;
  }
}

void add_case(CaseOutcomes& outcomes, const report_repo::ReceivedCase& kase) {
  ++outcomes.received;
  if (kase.state == "answered" || kase.state == "evaluated") {
    ++outcomes.answered;
  } else if (kase.state == "rejected") {
    ++outcomes.rejected;
  } else {
    ++outcomes.open;
  }
  if (kase.rating == "satisfied") {
    ++outcomes.satisfied;
  }
}

// The officers a case's enterprise or project had on the day it was received.
bool covered_on_receipt(const report_repo::ReceivedCase& kase,
                        const std::vector<report_repo::ServingRow>& serving,
                        LocalDate received) {
  return std::any_of(serving.begin(), serving.end(), [&](const report_repo::ServingRow& row) {
    const bool same_subject =
        row.project ? kase.project == row.subject : kase.enterprise == row.subject;
    return same_subject && serves_on(row, received);
  });
}

// The officers not retired on the day, less those registered after it who served no one on it:
// an office that registers its officers today and backdates their assignments (history) sees
// them serve from the assignments' dates.
std::vector<report_repo::OfficerRow> officers_serving(Store& store,
                                                      const Zone& zone,
                                                      LocalDate day,
                                                      const std::set<std::int64_t>& assigned) {
  std::vector<report_repo::OfficerRow> officers = report_repo::officers_on(store, day);
  std::erase_if(officers, [&](const report_repo::OfficerRow& officer) {
    return zone.local_date(officer.created_at) > day && !assigned.contains(officer.id);
  });
  return officers;
}

// The county rows, the gaps and the leader gaps, from one pass over the subjects.
void add_subjects(Store& store,
                  const std::vector<report_repo::ServingRow>& serving,
                  CoverageReport& report) {
  std::map<SubjectId, std::vector<const report_repo::ServingRow*>> officers_of;
  for (const report_repo::ServingRow& row : serving) {
    if (serves_on(row, report.period.day)) {
      officers_of[subject_of(row)].push_back(&row);
    }
  }
  std::map<std::string, CoverageRow> counties;
  for (const report_repo::CoverageSubjectRow& subject : report_repo::coverage_subjects(store)) {
    const auto found = officers_of.find({subject.project, subject.key});
    const bool covered = found != officers_of.end();
    if (subject.counted) {
      CoverageRow& row = counties[subject.county];
      row.county = subject.county;
      row.county_name = subject.county_name;
      add_to(subject.project ? row.projects : row.enterprises, covered);
      add_to(subject.project ? report.total.projects : report.total.enterprises, covered);
      if (!covered) {
        report.gaps.push_back(CoverageGap{kind_of(subject.project), subject.key, subject.name,
                                          subject.county, subject.county_name,
                                          subject.key_subject});
      }
    }
    if (!subject.key_subject) {
      continue;
    }
    LeaderGap gap{
        kind_of(subject.project), subject.key, subject.name, subject.county, subject.county_name,
        subject.key_level,        {}};
    bool led = false;
    if (covered) {
      for (const report_repo::ServingRow* row : found->second) {
        led = led || is_leader(row->level);
        gap.officers.push_back(CoverageOfficer{row->officer, row->name, row->level, row->unit});
      }
    }
    if (!led) {
      report.leader_gaps.push_back(std::move(gap));
    }
  }
  // std::map puts "" (no county) first; the report lists it last.
  for (auto& [county, row] : counties) {
    if (!county.empty()) {
      report.counties.push_back(std::move(row));
    }
  }
  if (const auto none = counties.find(""); none != counties.end()) {
    report.counties.push_back(std::move(none->second));
  }
  sort_by_place(report.gaps);
  sort_by_place(report.leader_gaps);
}

void add_officers(Store& store,
                  const Zone& zone,
                  const std::vector<report_repo::ServingRow>& serving,
                  CoverageReport& report) {
  const CoveragePeriod& period = report.period;
  const std::map<std::int64_t, std::int64_t> visits =
      report_repo::visits_by_officer(store, period.begin, period.end);
  for (const auto& [officer, n] : visits) {
    report.visits += n;
  }
  std::map<std::int64_t, OfficerLoad> loads;
  std::set<std::int64_t> assigned;
  for (const report_repo::ServingRow& row : serving) {
    if (serves_on(row, period.day)) {
      OfficerLoad& load = loads[row.officer];
      ++(row.project ? load.projects : load.enterprises);
      assigned.insert(row.officer);
    }
  }
  for (const report_repo::OfficerRow& officer :
       officers_serving(store, zone, period.day, assigned)) {
    OfficerLoad load = loads[officer.id];
    load.officer = CoverageOfficer{officer.id, officer.name, officer.level, officer.unit};
    load.unit_name = officer.unit_name;
    if (const auto found = visits.find(officer.id); found != visits.end()) {
      load.visits = found->second;
    }
    report.officers.push_back(std::move(load));
  }
  std::stable_sort(report.officers.begin(), report.officers.end(),
                   [](const OfficerLoad& a, const OfficerLoad& b) {
                     // OfficerLevel is declared city, county, department.
                     return a.officer.level < b.officer.level;
                   });
}

void add_cases(Store& store,
               const Zone& zone,
               const std::vector<report_repo::ServingRow>& serving,
               CoverageReport& report) {
  const date::year_month_day ymd{report.period.day};
  for (const report_repo::ReceivedCase& kase :
       report_repo::received_before(store, ymd.year() / ymd.month(), report.period.end)) {
    add_case(covered_on_receipt(kase, serving, zone.local_date(kase.received_at))
                 ? report.covered_cases
                 : report.uncovered_cases,
             kase);
  }
}

}  // namespace

CoveragePeriod coverage_period(LocalDate day, const Zone& zone) {
  const date::year_month_day ymd{day};
  CoveragePeriod period;
  period.day = day;
  period.first = LocalDate{ymd.year() / ymd.month() / 1};
  period.begin = zone.start_of(period.first);
  period.end = zone.start_of(day + date::days{1});
  return period;
}

LocalDate coverage_day(date::year_month month, const Zone& zone, Instant now) {
  return std::clamp(zone.local_date(now), LocalDate{month / 1}, LocalDate{month / date::last});
}

CoverageReport compute_coverage(Store& store,
                                const Zone& zone,
                                LocalDate day,
                                CaseComparison cases) {
  CoverageReport report;
  report.period = coverage_period(day, zone);
  store.read([&] {
    const std::vector<report_repo::ServingRow> serving =
        report_repo::serving_between(store, report.period.first, day);
    add_subjects(store, serving, report);
    add_officers(store, zone, serving, report);
    if (cases == CaseComparison::included) {
      add_cases(store, zone, serving, report);
    }
  });
  return report;
}

UnitCoverage unit_coverage(Store& store, const Zone& zone, LocalDate day) {
  UnitCoverage coverage;
  const std::vector<report_repo::ServingRow> serving =
      report_repo::serving_between(store, day, day);
  std::set<SubjectId> covered;
  std::set<std::int64_t> serving_someone;
  for (const report_repo::ServingRow& row : serving) {
    covered.insert(subject_of(row));
    serving_someone.insert(row.officer);
  }
  for (const report_repo::CoverageSubjectRow& subject : report_repo::coverage_subjects(store)) {
    if (subject.counted && !subject.county.empty()) {
      add_to(coverage.areas[subject.county], covered.contains({subject.project, subject.key}));
    }
  }
  for (const report_repo::OfficerRow& officer :
       officers_serving(store, zone, day, serving_someone)) {
    add_to(coverage.officers[officer.unit], serving_someone.contains(officer.id));
  }
  return coverage;
}

}  // namespace ent110
