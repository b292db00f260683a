// SPDX-License-Identifier: MIT
#include <ent110/store/search_index.hpp>
#include <ent110/store/statement.hpp>
#include <ent110/store/store.hpp>

namespace ent110 {

bool search_rows_pending(Store& store) {
  if (store.engine() != Engine::sqlite) {
    return false;
  }
  // max() reads one end of the rowid tree, where EXISTS would plan a scan.
  return Statement(store, "SELECT max(rowid) IS NOT NULL FROM case_search_pending")
             .scalar_int64() != 0;
}

void rebuild_pending_search_rows(Store& store) {
  if (!search_rows_pending(store)) {
    return;
  }
  Statement(store, "DELETE FROM case_search WHERE rowid IN (SELECT rowid FROM case_search_pending)")
      .run();
  // group_concat joins in the order of its ordered subquery, which SQLite does not flatten into
  // an aggregate: each note in event order, as 013's triggers appended them.
  Statement(store,
            "INSERT INTO case_search (rowid, case_id, title, body, answer, notes) "
            "SELECT f.rowid, f.id, f.title, f.body, coalesce(f.answer_text, ''), "
            "coalesce((SELECT group_concat(n.text, ' ') FROM (SELECT e.text FROM case_event AS e "
            "WHERE e.case_id = f.id AND e.text <> '' ORDER BY e.case_seq) AS n), '') "
            "FROM case_search_pending AS p JOIN case_file AS f ON f.rowid = p.rowid "
            "ORDER BY p.rowid")
      .run();
  Statement(store, "DELETE FROM case_search_pending").run();
}

}  // namespace ent110
