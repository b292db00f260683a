// SPDX-License-Identifier: MIT
// SQLite's search index (schema 013, 014): an FTS5 row per case, rebuilt once per transaction for
// the cases that triggers noted in case_search_pending. PostgreSQL's pg_trgm indexes need none
// of this.
#pragma once

namespace ent110 {

class Store;

/// Whether a case waits for its search index row (false on PostgreSQL).
bool search_rows_pending(Store& store);

/// Rebuilds the index rows of the noted cases from case_file and their events' texts (in event
/// order, as 013 built them), and clears the notes. Runs inside the caller's write transaction.
void rebuild_pending_search_rows(Store& store);

}  // namespace ent110
