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
  // In slices of cases, each statement's own journal (SQLite keeps it in memory during a bulk
  // intake) holds the index pages of one slice: with one statement for all of them, a bulk
  // intake's memory grew with its file (29 MiB for 100 000 records into 1 000 000 cases).
  constexpr std::int64_t k_slice_cases = 2000;
  Statement slice_end(store,
                      "SELECT max(rowid) FROM (SELECT rowid FROM case_search_pending "
                      "WHERE rowid > ? ORDER BY rowid LIMIT ?)");
  Statement remove(store,
                   "DELETE FROM case_search WHERE rowid IN (SELECT rowid FROM case_search_pending "
                   "WHERE rowid > ?1 AND rowid <= ?2)");
  // group_concat joins in the order of its ordered subquery, which SQLite does not flatten into
  // an aggregate: each note in event order, as 013's triggers appended them.
  Statement insert(
      store,
      "INSERT INTO case_search (rowid, case_id, title, body, answer, notes) "
      "SELECT f.rowid, f.id, f.title, f.body, coalesce(f.answer_text, ''), "
      "coalesce((SELECT group_concat(n.text, ' ') FROM (SELECT e.text FROM case_event AS e "
      "WHERE e.case_id = f.id AND e.text <> '' ORDER BY e.case_seq) AS n), '') "
      "FROM case_search_pending AS p JOIN case_file AS f ON f.rowid = p.rowid "
      "WHERE p.rowid > ?1 AND p.rowid <= ?2 ORDER BY p.rowid");
  std::int64_t done_through = 0;  // rowids start at 1
  while (true) {
    slice_end.bind(1, done_through).bind(2, k_slice_cases);
    if (!slice_end.step() || slice_end.is_null(0)) {
      break;
    }
    const std::int64_t last = slice_end.int64(0);
    slice_end.reset();
    remove.bind(1, done_through).bind(2, last).run();
    remove.reset();
    insert.bind(1, done_through).bind(2, last).run();
    insert.reset();
    done_through = last;
  }
  Statement(store, "DELETE FROM case_search_pending").run();
}

}  // namespace ent110
