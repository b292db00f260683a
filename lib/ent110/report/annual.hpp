// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/config/config.hpp>
#include <ent110/core/time.hpp>
#include <ent110/registry/registry.hpp>
#include <ent110/report/assessment.hpp>
#include <ent110/report/document.hpp>
#include <ent110/report/monthly.hpp>

#include <optional>
#include <string>
#include <vector>

namespace ent110 {

class Store;
class WorkingCalendar;

/// How supervision findings (督导, Art. 11) bear on a unit's assessment.
enum class Supervision {
  not_applicable,  ///< a department: Art. 11 makes findings a basis for counties, districts,
                   ///< management areas and development zones only
  not_supervised,  ///< one of those kinds with no finding recorded in the year (未督导)
  supervised,      ///< one of those kinds with findings recorded in the year
};

/// The JSON spelling of `supervision` ("not_applicable", "not_supervised", "supervised").
std::string_view to_string(Supervision supervision);

/// The assessment criteria of Art. 11–12, each scored 0–100 and weighted by the config.
struct CriterionScores {
  std::optional<double> satisfaction;  ///< satisfaction rate × 100; none without ratings
  std::optional<double> timeliness;    ///< reply on-time rate × 100; none without clocks due
  std::optional<double> policy;        ///< the latest recorded policy score; none if unrecorded
  std::optional<double> supervision;   ///< 100 less the points of the year's findings, ≥ 0;
                                       ///< none unless Supervision::supervised
  std::optional<double> coverage;      ///< Art. 3 coverage at the year's end × 100 (coverage.hpp)
};

/// One member unit's year and its assessment.
struct UnitYear {
  Unit unit;
  std::int64_t forwarded = 0;  ///< forward actions to the unit in the year
  std::int64_t answered = 0;   ///< its answers published in the year
  Rate on_time;                ///< its reply clocks due in the year
  Rate satisfaction;           ///< ratings of its answers recorded in the year
  std::int64_t findings = 0;   ///< supervision findings in the year
  double finding_points = 0;   ///< their points deducted
  Supervision supervision = Supervision::not_applicable;
  CriterionScores scores;
  std::optional<double> total;  ///< weighted mean of the scores present; none when unranked
  int rank = 0;                 ///< 1-based, equal totals share a rank; 0 when unranked
  bool accountable = false;     ///< on the accountability list (Art. 13)
  bool commended = false;       ///< among the top assessment.commend_top not accountable (Art. 12)
};

/// Why a case puts its unit on the accountability list (Art. 13).
enum class AccountabilityReason {
  late,       ///< a reply or resubmit clock due in the year was missed (服务不及时)
  referred,   ///< referred to the inspection office in the year (Art. 7 督办)
  unhandled,  ///< the reply clock was missed and the unit never acted on the case (不办理)
};

/// The JSON spelling of `reason` ("late", "referred", "unhandled").
std::string_view to_string(AccountabilityReason reason);

/// A case named on the accountability list.
struct AccountableCase {
  std::string id;
  std::string title;
  AccountabilityReason reason = AccountabilityReason::late;
  LocalDate date;  ///< the missed due date, or the day of the referral
};

/// A unit on the accountability list for the supervision bureau (Art. 13), with its cases.
struct AccountableUnit {
  Unit unit;
  std::int64_t late = 0;
  std::int64_t referred = 0;
  std::int64_t unhandled = 0;
  std::vector<AccountableCase> cases;
};

/// The year-end assessment (Art. 11–13).
struct AnnualReport {
  int year = 0;
  LocalDate as_of;              ///< the year's last day, or the day of "now" inside the year
  Config weights;               ///< the configuration the scores were computed with
  std::vector<UnitYear> units;  ///< ranked units first by rank, then unranked
  std::vector<AccountableUnit> accountability;  ///< units with at least one case, by unit order
};

/// Computes the assessment of `year` as seen at `now` from recorded cases, policy scores and
/// findings, by SQL aggregation.
AnnualReport compute_annual(
    Store& store, const WorkingCalendar& calendar, const Config& config, int year, Instant now);

/// Ranks `units` in place: a unit with a timeliness score gets the weighted mean of its present
/// scores as total; equal totals share a rank. The units not `accountable` are ranked again among
/// themselves, and those within the top `commend_top` of that ranking are commended, so a unit
/// on the accountability list is never proposed for commendation (Art. 12, 13).
void rank_units(std::vector<UnitYear>& units, const Config& config);

/// The assessment as a document in `lang`.
ReportDocument annual_document(const AnnualReport& report,
                               const Config& config,
                               Lang lang,
                               LocalDate issued);

}  // namespace ent110
