# ent110_embed(<target> <namespace-qualified-function> <files...>) generates a .cpp defining
#   std::span<const ent110::EmbeddedFile> <function>()
# with each file's name (relative to the source tree) and bytes, and adds it to <target>.
# The files are read at build time, so the binary needs none of them at run time.
set(ENT110_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed_files.cmake)

function(ent110_embed target function)
  set(files ${ARGN})
  string(MAKE_C_IDENTIFIER "${function}" stem)
  set(output ${CMAKE_CURRENT_BINARY_DIR}/embedded_${stem}.cpp)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DFUNCTION=${function}
            -DROOT=${PROJECT_SOURCE_DIR} "-DFILES=${files}" -P ${ENT110_EMBED_SCRIPT}
    DEPENDS ${files} ${ENT110_EMBED_SCRIPT}
    COMMENT "Embedding ${function}"
    VERBATIM)
  target_sources(${target} PRIVATE ${output})
  # Each generated file names its tables alike, in an anonymous namespace: one per unit.
  set_source_files_properties(${output} PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
endfunction()
