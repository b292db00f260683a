// SPDX-License-Identifier: MIT
#include <ent110/core/interrupt.hpp>

#include <array>
#include <atomic>
#include <cassert>
#include <cstring>
#include <unistd.h>

namespace ent110 {
namespace {

// A signal handler may only read what is already in place: fixed buffers, lock-free flags.
constexpr std::size_t k_path_capacity = 4096;  // PATH_MAX on Linux

struct Slot {
  std::array<char, k_path_capacity> path{};
  std::atomic<bool> used{false};
};

std::array<Slot, 8> g_slots;
std::atomic<bool> g_committing{false};

static_assert(std::atomic<bool>::is_always_lock_free);

}  // namespace

void mark_committing() noexcept {
  g_committing.store(true);
}

void clear_committing() noexcept {
  g_committing.store(false);
}

bool committing() noexcept {
  return g_committing.load();
}

void remove_temporary_files() noexcept {
  for (Slot& slot : g_slots) {
    if (slot.used.load()) {
      ::unlink(slot.path.data());
    }
  }
}

TemporaryFile::TemporaryFile(std::filesystem::path path) : m_path(std::move(path)), m_slot(-1) {
  const std::string& text = m_path.native();
  assert(text.size() < k_path_capacity && "temporary path longer than PATH_MAX");
  for (std::size_t i = 0; i < g_slots.size(); ++i) {
    if (!g_slots[i].used.load()) {
      std::memcpy(g_slots[i].path.data(), text.c_str(), text.size() + 1);
      g_slots[i].used.store(true);
      m_slot = static_cast<int>(i);
      return;
    }
  }
  assert(false && "more than 8 temporary files at once");
}

TemporaryFile::~TemporaryFile() {
  if (m_slot >= 0) {
    release();
    ::unlink(m_path.c_str());
  }
}

void TemporaryFile::release() noexcept {
  if (m_slot >= 0) {
    g_slots[static_cast<std::size_t>(m_slot)].used.store(false);
    m_slot = -1;
  }
}

}  // namespace ent110
