// SPDX-License-Identifier: MIT
#include <ent110/cases/labels.hpp>

#include <catch2/catch.hpp>

using namespace ent110;

TEST_CASE("label: English labels keep the JSON spelling, Chinese ones translate",
          "[cases][labels]") {
  // Walking every value proves each table has one label per enum value, in order.
  for (State state : all_states()) {
    CHECK(label(Lang::en, state) == to_string(state));
    CHECK(label(Lang::zh, state) != to_string(state));
  }
  CHECK(label(Lang::zh, State::forwarded) == "已转办");
  CHECK(label(Lang::zh, Action::escalate_inspection) == "提交督办");
  CHECK(label(Lang::zh, CaseType::coordinate) == "协调解决类");
  CHECK(label(Lang::zh, Channel::hotline) == "热线电话");
  CHECK(label(Lang::zh, Rating::basic) == "基本满意");
  CHECK(label(Lang::zh, RejectReason::unclear) == "问题不明");
  CHECK(label(Lang::zh, ClockName::resubmit) == "重新报送");
  CHECK(label(Lang::zh, ClockStatus::cancelled) == "已取消");
  CHECK(label(Lang::en, ClockStatus::due_today) == "due-today");
}

TEST_CASE("detail_label: stored enum spellings read as words, other details as stored",
          "[cases][labels]") {
  const auto event = [](Action action, std::string detail) {
    Event e;
    e.action = action;
    e.detail = std::move(detail);
    return e;
  };
  CHECK(detail_label(Lang::zh, event(Action::intake, "coordinate")) == "协调解决类");
  CHECK(detail_label(Lang::zh, event(Action::intake, "consult major")) == "咨询类（重大）");
  CHECK(detail_label(Lang::en, event(Action::intake, "consult major")) == "consult (major)");
  CHECK(detail_label(Lang::zh, event(Action::reject, "unlawful")) == "不符合法律法规");
  CHECK(detail_label(Lang::zh, event(Action::evaluate, "satisfied")) == "满意");
  CHECK(detail_label(Lang::zh, event(Action::approve, "edited")) == "经办公室修改");
  CHECK(detail_label(Lang::zh, event(Action::approve, "")).empty());
  CHECK(detail_label(Lang::zh, event(Action::forward, "FGW with JXW")) == "FGW with JXW");
  CHECK(detail_label(Lang::zh, event(Action::evaluate, "unknown")) == "unknown");
}
