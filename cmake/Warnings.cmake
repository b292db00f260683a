# Our own targets link ent110_warnings; third-party code never does, and its headers are SYSTEM.
add_library(ent110_warnings INTERFACE)
target_compile_options(ent110_warnings INTERFACE -Wall -Wextra -Wpedantic)
if(ENT110_WARNINGS_AS_ERRORS)
  target_compile_options(ent110_warnings INTERFACE -Werror)
endif()
