# Which generator compiles a network, by its name: for the build (GhostNetLibraries.cmake) and for
# the scripts that include GhostNetAutotuned.cmake (ctest's autotune tests run in script mode).
include_guard(GLOBAL)

# ghostnet_pipeline_generator(<out var> <network>): the generator that compiles a network named as
# runtime/network_name.h names it: ghostnet_q8 for "_q8" names, else ghostnet. (The generator parses
# the name with the one rule and refuses a name that is not one, or of the other precision.)
function(ghostnet_pipeline_generator OUT network)
  if (network MATCHES "_q8$")
    set(${OUT} ghostnet_q8 PARENT_SCOPE)
  else ()
    set(${OUT} ghostnet PARENT_SCOPE)
  endif ()
endfunction()
