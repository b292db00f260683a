// SPDX-License-Identifier: MIT
#include <ent110/access/access.hpp>
#include <ent110/core/error.hpp>
#include <ent110/registry/user_repo.hpp>

namespace ent110 {
namespace {

// The registered user `login`. A login nobody registered is not a user who may not act but no
// user at all: NotFound (exit 3), in one message whatever was tried.
User registered_user(Store& store, std::string_view login) {
  std::optional<User> user = find_user(store, login);
  if (!user) {
    throw NotFound(MessageId::access_unknown_login, {std::string(login)});
  }
  return *user;
}

// Art. 4 and 12: the office keeps the registers and the calendar and records the assessment, so
// every duty needs the office role today; a duty that comes to need another says so here.
constexpr Role required_role(Duty /*duty*/) {
  return Role::office;
}

// The one refusal of a registered user: who it is, what it tried, which role may.
[[noreturn]] void refuse_role(const User& user, const std::string& attempt, Role needed) {
  throw Refused(MessageId::access_needs_role,
                {user.login, user.unit, std::string(to_string(user.role)), attempt,
                 std::string(to_string(needed))});
}

}  // namespace

void require_known_login(Store& store, std::string_view login) {
  if (has_users(store)) {
    registered_user(store, login);
  }
}

Actor authorize(Store& store,
                std::string_view login,
                Duty duty,
                std::string_view attempt,
                std::string_view office_unit) {
  if (!has_users(store)) {
    return Actor{std::string(login), std::string(office_unit)};
  }
  const Role needed = required_role(duty);
  const User user = registered_user(store, login);
  if (user.role != needed) {
    refuse_role(user, std::string(attempt), needed);
  }
  return Actor{user.login, user.unit};
}

std::string authorize_case_action(Store& store,
                                  std::string_view login,
                                  CaseParty party,
                                  std::string_view attempt,
                                  const CaseParties& parties) {
  if (!has_users(store)) {
    switch (party) {
      case CaseParty::office:
        return parties.office_unit;
      case CaseParty::lead_unit:
        return parties.lead_unit;
      case CaseParty::co_unit:
        return {};
    }
  }
  const std::string what(attempt);
  switch (party) {
    case CaseParty::office: {
      const User user = registered_user(store, login);
      if (user.role != Role::office) {
        refuse_role(user, what, Role::office);
      }
      return user.unit;
    }
    case CaseParty::lead_unit: {
      const User user = registered_user(store, login);
      if (user.role != Role::unit || user.unit != parties.lead_unit) {
        throw Refused(MessageId::access_needs_lead_unit,
                      {user.login, user.unit, std::string(to_string(user.role)), what,
                       parties.case_id, parties.lead_unit});
      }
      return user.unit;
    }
    case CaseParty::co_unit: {
      const User user = registered_user(store, login);
      if (user.role != Role::unit) {
        throw Refused(
            MessageId::access_needs_co_unit,
            {user.login, user.unit, std::string(to_string(user.role)), what, parties.case_id});
      }
      return user.unit;
    }
  }
  return {};
}

Actor authorize_visit(Store& store,
                      std::string_view login,
                      std::string_view officer_unit,
                      bool problem,
                      std::string_view office_unit) {
  if (!has_users(store)) {
    return Actor{std::string(login), std::string(office_unit)};
  }
  const User user = registered_user(store, login);
  if (problem && user.role != Role::office) {
    throw Refused(MessageId::visits_problem_needs_office,
                  {user.login, user.unit, std::string(to_string(user.role))});
  }
  const bool own_unit = user.role == Role::unit && user.unit == officer_unit;
  if (user.role != Role::office && !own_unit) {
    throw Refused(
        MessageId::visits_needs_officer_unit,
        {user.login, user.unit, std::string(to_string(user.role)), std::string(officer_unit)});
  }
  return Actor{user.login, user.unit};
}

}  // namespace ent110
