// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/case_view.hpp"
#include "session.hpp"

#include <ent110/search/search.hpp>

#include <ostream>

namespace ent110::cli {
namespace {

struct ForwardOptions {
  std::string id;
  ForwardRequest request;
  int within = 0;
  std::string due;
};

// The unit that answered most cases like this one: a hint on stderr (or the JSON member
// "suggested_unit"), never a change to where the case goes.
nlohmann::json forward_unit_hint(Session& s, const Case& kase) {
  const std::optional<SuggestedUnit> suggested = suggest_unit(s.store(), kase.title, kase.id);
  if (!suggested) {
    return {{"suggested_unit", nullptr}};
  }
  if (!s.json()) {
    s.err() << s.tr(MessageId::search_hint_unit, {suggested->unit, std::to_string(suggested->cases),
                                                  std::to_string(suggested->similar)})
            << '\n';
  }
  return {
      {"suggested_unit",
       {{"unit", suggested->unit}, {"cases", suggested->cases}, {"similar", suggested->similar}}}};
}

int run_forward(const ForwardOptions& options, Session& s) {
  const ActionResult result =
      case_service(s).forward(options.id, options.request, s.actor(), s.now());
  return print_action_result(s, result, forward_unit_hint(s, result.kase));
}

}  // namespace

void add_forward(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<ForwardOptions>();
  CLI::App* cmd = app.add_subcommand("forward", tr(lang, MessageId::case_cmd_forward));
  cmd->add_option("id", options->id, tr(lang, MessageId::case_opt_id))->required();
  cmd->add_option("--to", options->request.to_unit, tr(lang, MessageId::case_opt_to_unit))
      ->required()
      ->type_name("UNIT");
  cmd->add_option("--with", options->request.with_units, tr(lang, MessageId::case_opt_with_units))
      ->delimiter(',')
      ->type_name("UNIT,...");
  CLI::Option* within =
      cmd->add_option("--within", options->within, tr(lang, MessageId::case_opt_within))
          ->check(CLI::Range(1, 999))
          ->type_name("N");
  CLI::Option* due = cmd->add_option("--due", options->due, tr(lang, MessageId::case_opt_due))
                         ->excludes(within)
                         ->type_name("DATE");
  cmd->add_option("--note", options->request.note, tr(lang, MessageId::case_opt_note));
  cmd->add_flag("--redo", options->request.redo, tr(lang, MessageId::case_opt_redo));
  inv.on(cmd, Needs::store_write, [options, within, due](Session& s) {
    if (within->count() > 0) {
      options->request.within_days = options->within;
    }
    if (due->count() > 0) {
      options->request.due = parse_date(options->due);
    }
    return run_forward(*options, s);
  });
}

}  // namespace ent110::cli
