# Web UI: every file under web/ is embedded into f5_service as a byte array
# (generated ${CMAKE_BINARY_DIR}/web_assets.c, see cmake/web_embed.cmake),
# served by GET / and friends. Regenerated whenever a web file changes.
file(GLOB F5_WEB_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/*)
set(F5_WEB_C ${CMAKE_BINARY_DIR}/web_assets.c)
add_custom_command(
  OUTPUT ${F5_WEB_C}
  COMMAND ${CMAKE_COMMAND} -DWEB_DIR=${CMAKE_SOURCE_DIR}/web -DOUT=${F5_WEB_C} -P ${CMAKE_SOURCE_DIR}/cmake/web_embed.cmake
  DEPENDS ${F5_WEB_FILES} ${CMAKE_SOURCE_DIR}/cmake/web_embed.cmake
  COMMENT "Embedding web UI files"
  VERBATIM)
target_sources(f5_service PRIVATE ${F5_WEB_C})
