// SPDX-License-Identifier: MIT
#include "fuzz_support.hpp"

#include <ent110/config/config.hpp>
#include <ent110/registry/registry.hpp>
#include <ent110/setup/init.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>
#include <unistd.h>

namespace ent110::fuzz {
namespace {

// The scratch directory of this process; libFuzzer ends a run through exit(), which runs this
// destructor, so a run leaves nothing behind (a crash may leave the directory, as it should).
// In memory when the system has /dev/shm: ext4 flushes a file truncated and written again at
// close, which made each input cost milliseconds of disk time.
class ScratchDirectory {
 public:
  ScratchDirectory() {
    const std::filesystem::path shared_memory = "/dev/shm";
    const std::filesystem::path parent = std::filesystem::is_directory(shared_memory)
                                             ? shared_memory
                                             : std::filesystem::temp_directory_path();
    std::string pattern = (parent / "ent110-fuzz.XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      std::abort();
    }
    m_path = pattern;
  }
  ~ScratchDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
  }
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;

  const std::filesystem::path& path() const { return m_path; }

 private:
  std::filesystem::path m_path;
};

}  // namespace

std::filesystem::path scratch_file(std::string_view name, std::string_view content) {
  static const ScratchDirectory directory;
  const std::filesystem::path path = directory.path() / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!out.flush()) {
    std::abort();  // the harness cannot work, which is no finding about the parser
  }
  return path;
}

void property_failed(const std::string& what) {
  std::fprintf(stderr, "property: %s\n", what.c_str());
  std::abort();
}

const Zone& default_zone() {
  static const Zone zone{Config{}.time_zone};
  return zone;
}

Actor office_actor() {
  return Actor{"fuzz", Config{}.office_unit};
}

Instant fixed_now() {
  return parse_instant("2025-06-02T09:00", default_zone());
}

Store& initialized_store() {
  static Store store = [] {
    Store prepared = Store::open_in_memory();
    initialize(prepared, Config{}, std::nullopt, office_actor(), fixed_now());
    Enterprise enterprise;
    enterprise.name = "信阳示例机械有限公司";
    add_enterprise(prepared, enterprise, office_actor(), fixed_now());
    return prepared;
  }();
  return store;
}

}  // namespace ent110::fuzz
