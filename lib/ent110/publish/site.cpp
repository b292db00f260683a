// SPDX-License-Identifier: MIT
// The files of a publication: JSON for machines, self-contained static pages for people.
#include <ent110/core/error.hpp>
#include <ent110/core/progress.hpp>
#include <ent110/publish/publication.hpp>
#include <ent110/util/html.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <system_error>
#include <utility>

namespace ent110 {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_style = R"(
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif;
  max-width: 50em; margin: 1.5em auto; padding: 0 1em; line-height: 1.6; color: #222; }
h1 { font-size: 1.5em; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ccc; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
dl.meta { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; }
.text { white-space: pre-wrap; }
.correction { border-left: 4px solid #c05621; padding: 0.3em 0.8em; background: #fdf3ea; }
)";

std::string local_day(const Zone& zone, Instant instant) {
  return format_date(zone.local_date(instant));
}

nlohmann::json case_object(const PublishedCase& kase, const Zone& zone) {
  nlohmann::json corrected = nlohmann::json::array();
  for (Instant at : kase.corrected_at) {
    corrected.push_back(zone.format_local(at));
  }
  return {{"id", kase.id},
          {"type", std::string(to_string(kase.type))},
          {"title", kase.title},
          {"body", kase.body},
          {"answer", kase.answer},
          {"unit", {{"code", kase.unit}, {"name", kase.unit_name}}},
          {"published_by", kase.published_by},
          {"published_at", zone.format_local(kase.published_at)},
          {"date", local_day(zone, kase.published_at)},
          {"corrected_at", corrected}};
}

std::string dump(const nlohmann::json& json) {
  return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string page(Lang lang, const std::string& title, const std::string& content) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
      lang == Lang::zh ? "zh-CN" : "en", html_escape(title), k_style, content);
}

std::string correction_note(const PublishedCase& kase, const Zone& zone, Lang lang) {
  std::string days;
  for (Instant at : kase.corrected_at) {
    days += (days.empty() ? "" : lang == Lang::zh ? "、" : ", ") + local_day(zone, at);
  }
  return tr(lang, MessageId::publish_corrected, {days});
}

// Writes `content` to a new file at `path`; throws std::system_error.
void write_new_file(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  out.close();
  if (!out) {
    throw std::system_error(errno != 0 ? errno : EIO, std::generic_category());
  }
}

// Puts the finished `built` in place of `directory`: swapped by one rename when there is an
// earlier publication (then removed with it), renamed when there is none.
void swap_into_place(const fs::path& built, const fs::path& directory) {
  if (!fs::exists(directory)) {
    fs::rename(built, directory);
    return;
  }
  if (::renameat2(AT_FDCWD, built.c_str(), AT_FDCWD, directory.c_str(), RENAME_EXCHANGE) == 0) {
    fs::remove_all(built);
    return;
  }
  if (errno != EINVAL && errno != ENOSYS) {
    throw std::system_error(errno, std::generic_category());
  }
  // A file system without atomic exchange: the old publication is moved aside for a moment.
  fs::path aside = directory;
  aside += ".old";
  fs::remove_all(aside);
  fs::rename(directory, aside);
  fs::rename(built, directory);
  fs::remove_all(aside);
}

}  // namespace

std::string case_json(const PublishedCase& kase, const Zone& zone) {
  return dump(case_object(kase, zone));
}

std::string publication_json(const std::vector<PublishedCase>& cases, const Zone& zone) {
  nlohmann::json list = nlohmann::json::array();
  for (const PublishedCase& kase : cases) {
    list.push_back(case_object(kase, zone));
  }
  return dump({{"cases", list}});
}

std::string index_html(const std::vector<PublishedCase>& cases, const Zone& zone, Lang lang) {
  const std::string title = tr(lang, MessageId::publish_site_title);
  std::string html = "<h1>" + html_escape(title) + "</h1>\n";
  if (cases.empty()) {
    return page(lang, title,
                html + "<p>" + html_escape(tr(lang, MessageId::publish_none)) + "</p>\n");
  }
  html += fmt::format(
      "<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
      html_escape(tr(lang, MessageId::publish_label_date)),
      html_escape(tr(lang, MessageId::publish_label_case)),
      html_escape(tr(lang, MessageId::publish_label_question)),
      html_escape(tr(lang, MessageId::publish_label_unit)));
  for (const PublishedCase& kase : cases) {
    html += fmt::format(
        "<tr id=\"{0}\"><td>{1}</td><td>{0}</td><td><a href=\"cases/{0}.html\">{2}</a>{3}</td>"
        "<td>{4}</td></tr>\n",
        html_escape(kase.id), local_day(zone, kase.published_at), html_escape(kase.title),
        kase.corrected_at.empty()
            ? ""
            : " <small class=\"corrected\">(" + html_escape(correction_note(kase, zone, lang)) +
                  ")</small>",
        html_escape(kase.unit_name));
  }
  return page(lang, title, html + "</tbody>\n</table>\n");
}

std::string case_html(const PublishedCase& kase, const Zone& zone, Lang lang) {
  std::string html = "<p><a href=\"../index.html\">" +
                     html_escape(tr(lang, MessageId::publish_back)) + "</a></p>\n";
  html += "<h1>" + html_escape(kase.title) + "</h1>\n<dl class=\"meta\">\n";
  const std::pair<MessageId, std::string> fields[] = {
      {MessageId::publish_label_case, kase.id},
      {MessageId::publish_label_date, local_day(zone, kase.published_at)},
      {MessageId::publish_label_unit, kase.unit_name},
      {MessageId::publish_label_person, kase.published_by}};
  for (const auto& [label_id, value] : fields) {
    html += "<dt>" + html_escape(tr(lang, label_id)) + "</dt><dd>" + html_escape(value) + "</dd>\n";
  }
  html += "</dl>\n<section id=\"question\">\n<h2>" +
          html_escape(tr(lang, MessageId::publish_label_question)) + "</h2>\n<p class=\"text\">" +
          html_escape(kase.body.empty() ? kase.title : kase.body) + "</p>\n</section>\n";
  html += "<section id=\"answer\">\n<h2>" + html_escape(tr(lang, MessageId::publish_label_answer)) +
          "</h2>\n";
  if (!kase.corrected_at.empty()) {
    html += "<p class=\"correction\">" + html_escape(correction_note(kase, zone, lang)) + "</p>\n";
  }
  html += "<p class=\"text\">" + html_escape(kase.answer) + "</p>\n</section>\n";
  return page(lang, kase.title, html);
}

void write_publication(const fs::path& directory,
                       const std::vector<PublishedCase>& cases,
                       const Zone& zone,
                       Lang lang) {
  const fs::path target = directory.has_filename() ? directory : directory.parent_path();
  fs::path built = target;
  built += ".tmp";
  try {
    if (fs::exists(target) && (!fs::is_directory(target) ||
                               (!fs::is_empty(target) && !fs::exists(target / "cases.json")))) {
      throw BadInput(MessageId::publish_not_a_publication, {directory.string()});
    }
    // What an interrupted run left behind.
    fs::remove_all(built);
    fs::create_directories(built / "cases");
    ProgressTask progress(ProgressWork::publish, cases.size());
    for (const PublishedCase& kase : cases) {
      write_new_file(built / "cases" / (kase.id + ".json"), case_json(kase, zone));
      write_new_file(built / "cases" / (kase.id + ".html"), case_html(kase, zone, lang));
      progress.update(static_cast<std::uint64_t>(&kase - cases.data()) + 1);
    }
    write_new_file(built / "index.html", index_html(cases, zone, lang));
    // Written last: its presence marks a complete publication.
    write_new_file(built / "cases.json", publication_json(cases, zone));
    swap_into_place(built, target);
  } catch (const std::system_error& error) {
    std::error_code ignored;
    fs::remove_all(built, ignored);
    throw BadInput(MessageId::publish_cannot_write,
                   {directory.string(), std::strerror(error.code().value())});
  }
}

}  // namespace ent110
