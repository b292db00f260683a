// SPDX-License-Identifier: MIT
// `publish`: what the enterprise service website shows (Art. 6, 14–16), as JSON and static HTML
// written into one directory that is replaced as a whole.
#pragma once

#include <ent110/cases/state.hpp>
#include <ent110/core/messages.hpp>
#include <ent110/core/time.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ent110 {

class Store;

/// One answered case as published, every text already redacted.
struct PublishedCase {
  std::string id;
  CaseType type = CaseType::consult;
  std::string title;
  std::string body;
  std::string answer;
  std::string unit;          ///< the code of the unit responsible for the answer
  std::string unit_name;     ///< its name (the code when the unit is no longer registered)
  std::string published_by;  ///< the login of the person who published it (谁发布、谁负责)
  Instant published_at;
  /// When the answer was corrected (`correct` events on the events that published it), oldest
  /// first; empty for an answer never corrected.
  std::vector<Instant> corrected_at;
};

/// The cases the website shows, newest answer first: every case with a published answer (at or
/// after `since` when given) that is neither confidential (商业秘密) nor a duplicate following
/// another case, redacted in `lang`.
std::vector<PublishedCase> published_cases(Store& store, std::optional<Instant> since, Lang lang);

/// DIR/cases.json: every case, newest first; DIR/cases/ID.json the same object for one case.
std::string publication_json(const std::vector<PublishedCase>& cases, const Zone& zone);
std::string case_json(const PublishedCase& kase, const Zone& zone);
/// DIR/index.html and DIR/cases/ID.html: self-contained UTF-8 pages in `lang`.
std::string index_html(const std::vector<PublishedCase>& cases, const Zone& zone, Lang lang);
std::string case_html(const PublishedCase& kase, const Zone& zone, Lang lang);

/// Writes the publication of `cases` into `directory`: built beside it in DIR.tmp and swapped
/// in by one rename, so that a reader sees the old publication or the new one, never a mix,
/// and pages of cases no longer published are gone. An existing non-empty `directory` must be
/// an earlier publication (it holds cases.json): BadInput otherwise, and when it cannot be
/// written.
void write_publication(const std::filesystem::path& directory,
                       const std::vector<PublishedCase>& cases,
                       const Zone& zone,
                       Lang lang);

/// `publish`: where and since when.
struct PublishRequest {
  std::filesystem::path directory;
  std::optional<Instant> since;
};

/// Reads the published cases in one read and writes them with write_publication; returns them.
std::vector<PublishedCase> publish(Store& store,
                                   const PublishRequest& request,
                                   const Zone& zone,
                                   Lang lang);

}  // namespace ent110
