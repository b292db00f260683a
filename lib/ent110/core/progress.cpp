// SPDX-License-Identifier: MIT
#include <ent110/core/progress.hpp>

namespace ent110 {
namespace {

ProgressSink* g_sink = nullptr;

}  // namespace

void set_progress_sink(ProgressSink* sink) noexcept {
  g_sink = sink;
}

ProgressSink* progress_sink() noexcept {
  return g_sink;
}

}  // namespace ent110
