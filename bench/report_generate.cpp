// SPDX-License-Identifier: MIT
// Builds a large ent110 database for timing the reports:
//   ent110_report_generate FILE [CASES] [FIRST_YEAR] [LAST_YEAR]
// e.g. `ent110_report_generate /tmp/big.db 10000000` (2013–2025, some fifteen minutes), then
// `hyperfine 'ent110 --db /tmp/big.db --at 2026-01-02 report monthly --month 2025-06'`.
#include "report_generator.hpp"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
  if (argc < 2 || argc > 5) {
    std::cerr << "usage: ent110_report_generate FILE [CASES] [FIRST_YEAR] [LAST_YEAR]\n";
    return 2;
  }
  const std::filesystem::path file = argv[1];
  if (std::filesystem::exists(file)) {
    std::cerr << "ent110_report_generate: error: '" << file.string()
              << "' exists; give a new file\n";
    return 2;
  }
  ent110::bench::GeneratorOptions options;
  if (argc > 2) {
    options.cases = std::stoll(argv[2]);
  }
  if (argc > 3) {
    options.first_year = std::stoi(argv[3]);
  }
  if (argc > 4) {
    options.last_year = std::stoi(argv[4]);
  }
  const auto started = std::chrono::steady_clock::now();
  auto seconds = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  };
  options.progress = [&](std::int64_t written) {
    std::cerr << "\r" << written << " cases, " << static_cast<int>(seconds()) << " s" << std::flush;
  };
  ent110::bench::GeneratorSummary summary;
  try {
    summary = ent110::bench::generate_report_database(file, options);
  } catch (const std::exception& error) {
    std::cerr << "\nent110_report_generate: error: " << error.what() << "\n";
    std::filesystem::remove(file);
    return 1;
  }
  std::cerr << "\n";
  std::cout << summary.cases << " cases, " << summary.clocks << " clocks, " << summary.events
            << " events in " << static_cast<int>(seconds()) << " s; "
            << std::filesystem::file_size(file) / (1024 * 1024) << " MiB\n";
  return 0;
}
