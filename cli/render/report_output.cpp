// SPDX-License-Identifier: MIT
#include "render/report_output.hpp"

#include "session.hpp"

#include <ent110/report/output_file.hpp>

#include <ostream>

namespace ent110::cli {

ReportFormat report_format(const Session& session, const std::optional<std::string>& format) {
  if (session.json()) {
    return ReportFormat::json;
  }
  return format ? parse_report_format(*format).value_or(ReportFormat::text) : ReportFormat::text;
}

void emit_report(Session& session,
                 const ReportDocument& document,
                 ReportFormat format,
                 const std::string& output) {
  // "-" is stdout, as for most Unix tools; /dev/stdout is written through like any device.
  if (!output.empty() && output != "-") {
    write_report_file(output, render_report(document, format), session.config().file_mode);
    return;
  }
  session.out() << render_report(document, format, session.terminal_width());
}

}  // namespace ent110::cli
