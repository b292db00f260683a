// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/config/config.hpp>
#include <ent110/core/time.hpp>
#include <ent110/registry/officers.hpp>
#include <ent110/registry/projects.hpp>
#include <ent110/report/document.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ent110 {

class Store;

/// The day coverage is measured on and the period its visits and cases are counted over: the
/// calendar month of `day` from its first day up to and including `day`.
struct CoveragePeriod {
  LocalDate day;
  LocalDate first;  ///< the first day of day's month
  Instant begin;    ///< the instant `first` begins (local midnight)
  Instant end;      ///< the instant the day after `day` begins (exclusive)
};

/// The period of coverage day `day` in `zone`.
CoveragePeriod coverage_period(LocalDate day, const Zone& zone);

/// The coverage day of `month` as seen at `now`: its last day, today inside it (the first day for
/// a month still to come).
LocalDate coverage_day(date::year_month month, const Zone& zone, Instant now);

/// Covered of all above-scale enterprises and of all projects under construction in one county or
/// area, or in total.
struct CoverageRow {
  std::string county;  ///< unit code; empty for "no county" and for the total
  std::string county_name;
  Rate enterprises;  ///< above-scale enterprises with a serving officer of all above-scale ones
  Rate projects;     ///< projects under construction with a serving officer of all of them
};

/// What a subject (an enterprise or a project) is, as the coverage lists name it.
enum class SubjectKind { enterprise, project };

/// An above-scale enterprise or a project under construction without a serving officer.
struct CoverageGap {
  SubjectKind kind = SubjectKind::enterprise;
  std::string key;  ///< enterprise id or project code
  std::string name;
  std::string county;
  std::string county_name;
  bool key_subject = false;  ///< a key enterprise, or a project with a key level
};

/// An officer as a coverage list names them.
struct CoverageOfficer {
  std::int64_t id = 0;
  std::string name;
  OfficerLevel level = OfficerLevel::department_leader;
  std::string unit;
};

/// A key enterprise or a key project not completed that no serving city or county leader contacts
/// (Art. 3), with the officers it does have.
struct LeaderGap {
  SubjectKind kind = SubjectKind::enterprise;
  std::string key;
  std::string name;
  std::string county;
  std::string county_name;
  std::optional<ProjectKey> key_level;  ///< a project's; none for an enterprise
  std::vector<CoverageOfficer> officers;
};

/// An officer serving on the day and what they did in the period.
struct OfficerLoad {
  CoverageOfficer officer;
  std::string unit_name;
  std::int64_t enterprises = 0;  ///< enterprises served on the day
  std::int64_t projects = 0;     ///< projects served on the day
  std::int64_t visits = 0;       ///< visits in the period
};

/// How the cases received in the period went, for one side of the comparison.
struct CaseOutcomes {
  std::int64_t received = 0;
  std::int64_t answered = 0;  ///< state answered or evaluated
  std::int64_t open = 0;      ///< any open state, a disputed responsibility included
  std::int64_t rejected = 0;
  std::int64_t satisfied = 0;  ///< rated satisfied
};

/// The coverage of Art. 3 (首席服务员全覆盖) on one day.
struct CoverageReport {
  CoveragePeriod period;
  std::vector<CoverageRow> counties;  ///< by county code, "no county" last
  CoverageRow total;
  std::vector<CoverageGap> gaps;       ///< enterprises first, each by county and name
  std::vector<LeaderGap> leader_gaps;  ///< enterprises first, each by county and name
  std::vector<OfficerLoad> officers;   ///< by level (city, county, department), then id
  std::int64_t visits = 0;             ///< all visits in the period
  CaseOutcomes covered_cases;          ///< whose subject had a serving officer on receipt
  CaseOutcomes uncovered_cases;        ///< the others
};

/// Whether compute_coverage compares the period's cases, which reads each case received in it.
enum class CaseComparison { included, left_out };

/// The coverage on `day` in `zone`, read in one snapshot (or the caller's transaction); with
/// CaseComparison::left_out the case figures stay 0 and the work does not grow with the cases.
CoverageReport compute_coverage(Store& store,
                                const Zone& zone,
                                LocalDate day,
                                CaseComparison cases = CaseComparison::included);

/// The coverage report as a document in `lang`, issued on `issued`.
ReportDocument coverage_document(const CoverageReport& report,
                                 const Config& config,
                                 Lang lang,
                                 LocalDate issued);

/// The monthly report's short coverage section (as at `report`'s day).
ReportSection coverage_summary_section(const CoverageReport& report, Lang lang);

/// What the assessment's coverage score (Art. 3) is computed from, per unit code, as at one day.
struct UnitCoverage {
  /// Per county or area: its above-scale enterprises and projects under construction with a
  /// serving officer, of all of them.
  std::map<std::string, Rate> areas;
  /// Per unit: its officers serving on the day who serve at least one enterprise or project, of
  /// all its officers serving on the day.
  std::map<std::string, Rate> officers;
};

/// The coverage of each unit on `day` in `zone`; runs in the caller's read.
UnitCoverage unit_coverage(Store& store, const Zone& zone, LocalDate day);

}  // namespace ent110
