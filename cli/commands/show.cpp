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
  const Case kase = case_service(s).get(options.id);
  if (s.json()) {
    emit_json(s, to_json(kase, s.zone().local_date(s.now()), s.zone(), s.calendar()));
  } else {
    print_case(s, kase);
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
