// SPDX-License-Identifier: MIT
// Who may change what: the one place every permission is decided (spec/rules.md, "Who acts").
// With no user registered one person acts for everyone (a small office); once users exist, the
// login must be a registered user (else NotFound, exit 3, one message wherever it acts) with the
// role the change needs, else one refusal (Refused, exit 4) in one message shape: the login, its
// unit and role, what it tried, who may.
#pragma once

#include <ent110/audit/audit_log.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace ent110 {

class Store;

/// A change outside case events; each needs the office role once users exist (Art. 4: the
/// office keeps the registers and the calendar; Art. 12: it organises the assessment).
enum class Duty {
  registers,   ///< units, users, enterprises
  calendar,    ///< holiday loads and local overrides: they move every running due date
  assessment,  ///< year-end assessment inputs (policy scores, supervision findings)
};

/// Checks that `login`, named with --as or ENT110_USER, is someone: once users are registered it
/// must be one of them, for reading as for changing, so that a typo never reads as another view.
/// Throws NotFound.
void require_known_login(Store& store, std::string_view login);

/// Decides whether `login` may make a change of `duty`; `attempt` names it for the refusal
/// (e.g. "calendar set"). Returns the actor to record: the user and its unit, or `login` acting
/// for `office_unit` while no user is registered. Throws NotFound for a login that is not a
/// registered user, Refused for one without the role.
Actor authorize(Store& store,
                std::string_view login,
                Duty duty,
                std::string_view attempt,
                std::string_view office_unit);

/// Who owns a case action in the transition table.
enum class CaseParty {
  office,     ///< the office's users
  lead_unit,  ///< the users of the case's lead unit (主办)
  co_unit,    ///< the users of one of the case's co-units (协办)
};

/// The case a case action is tried on, as far as permissions go.
struct CaseParties {
  std::string case_id;
  std::string office_unit;
  std::string lead_unit;  ///< empty before the case is forwarded
};

/// Decides whether `login` may take an action that `party` owns on `parties`' case; `attempt`
/// names the action for the refusal (e.g. "forward"). Returns the unit the login acts for: its
/// own, or while no user is registered the owner's (the office or the lead unit; empty for a
/// co-unit action, whose caller names the co-unit). For a co-unit action the caller also checks
/// that the unit is one of the case's co-units. Throws NotFound for a login that is not a
/// registered user, Refused for one of another party.
std::string authorize_case_action(Store& store,
                                  std::string_view login,
                                  CaseParty party,
                                  std::string_view attempt,
                                  const CaseParties& parties);

/// Decides whether `login` may record a visit of an officer of `officer_unit` (上门服务, Art. 3):
/// office users may record any officer's visit, unit users their own unit's officers'; with
/// `problem` (a problem found on it taken in as a case) only office users, since intake is the
/// office's (Art. 7). Returns the actor to record, like authorize. Throws NotFound for a login
/// that is not a registered user, Refused for one without the right.
Actor authorize_visit(Store& store,
                      std::string_view login,
                      std::string_view officer_unit,
                      bool problem,
                      std::string_view office_unit);

}  // namespace ent110
