// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/case_json.hpp"
#include "render/case_view.hpp"
#include "render/output.hpp"
#include "session.hpp"

namespace ent110::cli {
namespace {

struct ShowOptions {
  std::string id;
};

int run_show(const ShowOptions& options, Session& s) {
  const LocalDate today = s.zone().local_date(s.now());
  const CaseDetail detail = case_service(s).detail(options.id, today);
  if (s.json()) {
    emit_json(s, to_json(detail, today, s.zone(), s.calendar()));
  } else {
    print_case(s, detail);
  }
  return 0;
}

}  // namespace

void add_show(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<ShowOptions>();
  CLI::App* cmd = app.add_subcommand("show", tr(lang, MessageId::case_cmd_show));
  cmd->add_option("id", options->id, tr(lang, MessageId::case_opt_id))->required();
  inv.on(cmd, Needs::store_read, [options](Session& s) { return run_show(*options, s); });
}

}  // namespace ent110::cli
