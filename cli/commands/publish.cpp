// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/output.hpp"
#include "session.hpp"

#include <ent110/publish/publication.hpp>

#include <ostream>

namespace ent110::cli {
namespace {

struct PublishOptions {
  std::string since;
  std::string output;
};

int run_publish(const PublishOptions& options, Session& s) {
  PublishRequest request{options.output, std::nullopt};
  if (!options.since.empty()) {
    request.since = parse_instant(options.since, s.zone());
  }
  const std::vector<PublishedCase> cases = publish(s.store(), request, s.zone(), s.lang());
  if (s.json()) {
    nlohmann::json ids = nlohmann::json::array();
    for (const PublishedCase& kase : cases) {
      ids.push_back(kase.id);
    }
    emit_json(s, {{"directory", options.output}, {"cases", ids}});
    return 0;
  }
  s.out() << s.tr(MessageId::publish_done, {std::to_string(cases.size()), options.output}) << '\n';
  return 0;
}

}  // namespace

void add_publish(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<PublishOptions>();
  CLI::App* cmd = app.add_subcommand("publish", tr(lang, MessageId::cmd_publish));
  cmd->add_option("--since", options->since, tr(lang, MessageId::opt_publish_since))
      ->type_name("DATE");
  cmd->add_option("-o,--output", options->output, tr(lang, MessageId::opt_publish_output))
      ->type_name("DIR")
      ->required();
  inv.on(cmd, Needs::store_read, [options](Session& s) { return run_publish(*options, s); });
}

}  // namespace ent110::cli
