// SPDX-License-Identifier: MIT
#include <ent110/publish/publish_repo.hpp>
#include <ent110/store/statement.hpp>

namespace ent110 {

std::vector<std::string> publishable_case_ids(Store& store, std::optional<Instant> since) {
  Statement query(store, std::string("SELECT id FROM case_file WHERE answer_text IS NOT NULL "
                                     "AND confidential = 0 AND merged_into IS NULL ") +
                             (since ? "AND answer_at >= ? " : "") +
                             "ORDER BY answer_at DESC, id DESC");
  if (since) {
    query.bind(1, format_utc(*since));
  }
  std::vector<std::string> ids;
  while (query.step()) {
    ids.push_back(query.text(0));
  }
  return ids;
}

}  // namespace ent110
