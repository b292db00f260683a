// SPDX-License-Identifier: MIT
#include <ent110/cases/completion_repo.hpp>
#include <ent110/store/statement.hpp>

#include <algorithm>

namespace ent110 {

std::vector<std::string> completion_words(Store& store,
                                          CompletionWords words,
                                          std::string_view prefix) {
  // substr counts characters on both engines; LIKE would read '_' and '%' in the prefix and
  // ignores case on SQLite only.
  const auto characters = std::count_if(prefix.begin(), prefix.end(), [](char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
  });
  std::vector<std::string> found;
  store.read([&] {
    Statement query(store,
                    words == CompletionWords::units
                        ? "SELECT code FROM unit WHERE substr(code, 1, ?1) = ?2 ORDER BY code"
                        : "SELECT id FROM case_file WHERE substr(id, 1, ?1) = ?2 ORDER BY id");
    query.bind(1, characters).bind(2, prefix);
    while (query.step()) {
      found.push_back(query.text(0));
    }
  });
  return found;
}

}  // namespace ent110
