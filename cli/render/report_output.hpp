// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/report/document.hpp>

#include <optional>
#include <string>

namespace ent110::cli {

class Session;

/// The format asked for: `--json` means json, else `--format`, else text.
ReportFormat report_format(const Session& session, const std::optional<std::string>& format);

/// Renders `document` in `format` to stdout, or with a non-empty `output` atomically to that
/// file (nothing on stdout then); throws BadInput when the file cannot be written.
void emit_report(Session& session,
                 const ReportDocument& document,
                 ReportFormat format,
                 const std::string& output);

}  // namespace ent110::cli
