// SPDX-License-Identifier: MIT
// Labels and header pieces shared by the monthly, meeting and annual documents (internal).
#pragma once

#include <ent110/config/config.hpp>
#include <ent110/report/document.hpp>

#include <string>
#include <utility>
#include <vector>

namespace ent110 {

/// "2025年9月" (zh) or "2025-09" (en).
std::string month_label(Lang lang, date::year_month month);

/// The reader's name of stored action `name` ("escalate-inspection" → "提交督办").
std::string action_label(Lang lang, std::string_view name);

/// A document with the configured title, issuer, recipients and copies, issued on `issued`.
ReportDocument document_header(const Config& config, Lang lang, LocalDate issued);

/// The unit code and name columns, then one right-aligned column per (key, header) in `figures`.
std::vector<ReportColumn> unit_columns(
    Lang lang, const std::vector<std::pair<std::string, MessageId>>& figures);

/// The definition of the satisfaction rate in force (report.basic_counts_as_satisfied).
ReportDefinition satisfaction_definition(Lang lang, bool basic_counts_as_satisfied);

}  // namespace ent110
