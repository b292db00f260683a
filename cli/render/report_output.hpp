// SPDX-License-Identifier: MIT
#pragma once

#include <ent110/report/document.hpp>

#include <optional>
#include <string>

namespace ent110::cli {

class Session;

/// The format asked for: `--json` means json, else `--format`, else text.
ReportFormat report_format(const Session& session, const std::optional<std::string>& format);

/// Renders `document` in `format` to stdout (`output` empty or "-"), or else to that file with
/// write_report_file (nothing on stdout then, mode database.file_mode); throws BadInput when the
/// file cannot be written.
void emit_report(Session& session,
                 const ReportDocument& document,
                 ReportFormat format,
                 const std::string& output);

}  // namespace ent110::cli
