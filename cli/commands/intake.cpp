// SPDX-License-Identifier: MIT
#include "app.hpp"
#include "commands.hpp"
#include "render/case_json.hpp"
#include "render/case_view.hpp"
#include "render/output.hpp"
#include "session.hpp"

#include <ent110/cases/intake_file.hpp>
#include <ent110/core/error.hpp>
#include <ent110/search/search.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <ostream>

namespace ent110::cli {
namespace {

struct IntakeOptions {
  IntakeRequest request;
  std::string type;
  std::string channel;
  std::optional<std::string> body;
  std::optional<std::string> body_file;
  std::string from;
  std::string project;
  std::string source_id;
  bool dry_run = false;
  std::string on_duplicate = "warn";
};

// The cases of a bulk intake as the "cases" member of its --json document, kept in a temporary
// file while the batch runs (a later bad record still refuses everything, so nothing is printed
// before the end) so that memory does not grow with the file.
class JsonCases {
 public:
  JsonCases() : m_file(std::tmpfile(), &std::fclose) {
    if (!m_file) {
      throw StoreError(MessageId::cannot_write_file, {"tmpfile", std::strerror(errno)});
    }
  }

  void add(const nlohmann::json& kase) {
    // Each line as the whole document's dump(2) indents an element of a top-level array.
    std::string text = m_count++ == 0 ? "    " : ",\n    ";
    for (char c : kase.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)) {
      text += c;
      if (c == '\n') {
        text += "    ";
      }
    }
    std::fwrite(text.data(), 1, text.size(), m_file.get());
  }

  /// `document` (whose "cases" is empty) printed as emit_json would print it with the cases.
  void emit(Session& s, const nlohmann::json& document) {
    const std::string text = document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    constexpr std::string_view k_empty = "\n  \"cases\": []";
    const std::size_t at = text.find(k_empty);
    if (m_count == 0 || at == std::string::npos) {
      s.out() << text << '\n';
      return;
    }
    const std::size_t open = at + k_empty.size() - 1;
    s.out() << std::string_view(text).substr(0, open) << "\n";
    std::rewind(m_file.get());
    char buffer[1 << 16];
    while (const std::size_t read = std::fread(buffer, 1, sizeof buffer, m_file.get())) {
      s.out().write(buffer, static_cast<std::streamsize>(read));
    }
    s.out() << "\n  " << std::string_view(text).substr(open) << '\n';
  }

 private:
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> m_file;
  std::size_t m_count = 0;
};

int run_intake_file(const IntakeOptions& options, Session& s) {
  IntakeFile records(options.from, s.zone());
  std::int64_t taken = 0;
  std::string first;
  std::string last;
  std::optional<JsonCases> json_cases;
  if (s.json()) {
    json_cases.emplace();
  }
  const LocalDate today = s.zone().local_date(s.now());
  const BatchIntake batch = case_service(s).intake_each(
      records, s.actor(), s.now(), options.dry_run, *parse_on_duplicate(options.on_duplicate),
      [&](const Case& kase, const std::optional<std::string>& likely) {
        if (++taken == 1) {
          first = kase.id;
        }
        last = kase.id;
        if (json_cases) {
          nlohmann::json one = to_json(kase, today, s.zone(), s.calendar());
          one["likely_duplicate_of"] = likely ? nlohmann::json(*likely) : nlohmann::json(nullptr);
          json_cases->add(one);
        }
      });
  if (taken == 0 && batch.already_present.empty() && batch.skipped_duplicates == 0) {
    throw BadInput(MessageId::case_import_empty, {options.from});
  }
  for (const Message& warning : batch.warnings) {
    s.warn(warning.id, warning.args);
  }
  for (const Clock& clock : batch.provisional) {
    s.warn(MessageId::case_clock_provisional,
           {std::string(to_string(clock.name)), clock.case_id, format_date(clock.due),
            std::to_string(static_cast<int>(date::year_month_day{clock.due}.year()))});
  }
  if (json_cases) {
    json_cases->emit(s, {{"file", options.from},
                         {"dry_run", batch.dry_run},
                         {"cases", nlohmann::json::array()},
                         {"already_present", batch.already_present.size()},
                         {"already_present_ids", batch.already_present},
                         {"skipped_duplicates", batch.skipped_duplicates}});
    return 0;
  }
  const std::string present = std::to_string(batch.already_present.size());
  if (taken > 0) {
    const std::string count = std::to_string(taken);
    if (batch.already_present.empty()) {
      s.out() << s.tr(batch.dry_run ? MessageId::case_import_dry_run : MessageId::case_import_done,
                      {options.from, count, first, last});
    } else {
      s.out() << s.tr(
          batch.dry_run ? MessageId::export_import_dry_run : MessageId::export_import_done,
          {options.from, count, first, last, present});
    }
    s.out() << '\n';
  } else if (!batch.already_present.empty() || batch.skipped_duplicates == 0) {
    s.out() << s.tr(MessageId::export_import_nothing_new, {options.from, present}) << '\n';
  }
  if (batch.skipped_duplicates > 0) {
    s.out() << s.tr(MessageId::merge_import_skipped,
                    {options.from, std::to_string(batch.skipped_duplicates)})
            << '\n';
  }
  return 0;
}

// A consult like one answered before may get the same answer: up to three such cases, on stderr
// (a hint, never a decision) or as the JSON member "similar".
nlohmann::json intake_similar_hint(Session& s, const Case& kase) {
  if (kase.type != CaseType::consult) {
    return nlohmann::json::object();
  }
  const std::vector<SimilarCase> similar = similar_answered(s.store(), kase.title, kase.id);
  nlohmann::json cases = nlohmann::json::array();
  for (const SimilarCase& like : similar) {
    if (!s.json()) {
      s.err() << s.tr(MessageId::search_hint_similar,
                      {like.id, like.unit, like.title, like.answer_line})
              << '\n';
    }
    cases.push_back({{"id", like.id},
                     {"title", like.title},
                     {"unit", like.unit},
                     {"answer", like.answer_line}});
  }
  return {{"similar", cases}};
}

int run_intake(const IntakeOptions& options, Session& s) {
  if (!options.from.empty()) {
    return run_intake_file(options, s);
  }
  if (options.request.enterprise.empty() || options.type.empty() || options.channel.empty() ||
      options.request.title.empty()) {
    throw UsageError(MessageId::case_intake_needs);
  }
  IntakeRequest request = options.request;
  request.type = *parse_case_type(options.type);
  request.channel = *parse_channel(options.channel);
  if (!options.project.empty()) {
    request.project = options.project;
  }
  if (!options.source_id.empty()) {
    request.source_id = options.source_id;
  }
  if (options.body || options.body_file) {
    request.body = text_from(options.body, options.body_file, "--body", "--body-file");
  }
  const ActionResult result = case_service(s).intake(request, s.actor(), s.now());
  return print_action_result(s, result, intake_similar_hint(s, result.kase));
}

}  // namespace

void add_intake(CLI::App& app, Invocation& inv, Lang lang) {
  auto options = std::make_shared<IntakeOptions>();
  auto raw = std::make_shared<std::pair<std::string, std::string>>();
  CLI::App* cmd = app.add_subcommand("intake", tr(lang, MessageId::case_cmd_intake));
  CLI::Option* enterprise = cmd->add_option("--enterprise", options->request.enterprise,
                                            tr(lang, MessageId::case_opt_enterprise))
                                ->type_name("ID|USCC|NAME");
  CLI::Option* type = cmd->add_option("--type", options->type, tr(lang, MessageId::case_opt_type))
                          ->check(one_of(case_type_names()));
  CLI::Option* major =
      cmd->add_flag("--major", options->request.major, tr(lang, MessageId::case_opt_major));
  CLI::Option* channel =
      cmd->add_option("--channel", options->channel, tr(lang, MessageId::case_opt_channel))
          ->check(one_of(channel_names()));
  CLI::Option* title =
      cmd->add_option("--title", options->request.title, tr(lang, MessageId::case_opt_title));
  CLI::Option* body = cmd->add_option("--body", raw->first, tr(lang, MessageId::case_opt_body));
  CLI::Option* body_file =
      cmd->add_option("--body-file", raw->second, tr(lang, MessageId::case_opt_body_file))
          ->type_name("FILE")
          ->excludes(body);
  CLI::Option* from = cmd->add_option("--from", options->from, tr(lang, MessageId::case_opt_from))
                          ->type_name("FILE.ndjson|FILE.csv");
  for (CLI::Option* single : {enterprise, type, major, channel, title, body, body_file}) {
    from->excludes(single);
  }
  CLI::Option* project =
      cmd->add_option("--project", options->project, tr(lang, MessageId::visits_opt_project))
          ->type_name("CODE");
  from->excludes(project);
  CLI::Option* source_id =
      cmd->add_option("--source-id", options->source_id, tr(lang, MessageId::export_opt_source_id))
          ->type_name("ID");
  from->excludes(source_id);
  from->excludes(cmd->add_flag("--confidential", options->request.confidential,
                               tr(lang, MessageId::case_opt_confidential)));
  cmd->add_flag("--dry-run", options->dry_run, tr(lang, MessageId::case_opt_dry_run))->needs(from);
  cmd->add_option("--on-duplicate", options->on_duplicate,
                  tr(lang, MessageId::merge_opt_on_duplicate))
      ->check(one_of(on_duplicate_names()))
      ->needs(from);
  inv.on(cmd, Needs::store_write, [options, raw, body, body_file](Session& s) {
    options->body = body->count() > 0 ? std::optional(raw->first) : std::nullopt;
    options->body_file = body_file->count() > 0 ? std::optional(raw->second) : std::nullopt;
    return run_intake(*options, s);
  });
}

}  // namespace ent110::cli
