# The runtime's source lists, in one place for the two projects that compile them: the main
# build (CMakeLists.txt: ghostnet_arch and ghostnet_runtime) and the fuzzers (fuzz/CMakeLists.txt,
# which compile the readers with sanitizers). Absolute paths, so either can include this file.
set(_dir "${CMAKE_CURRENT_LIST_DIR}")
# The architecture specs and network names (no I/O): what the generators link too.
set(GHOSTNET_ARCH_SOURCES
  ${_dir}/ghostnet_arch.cpp ${_dir}/network_name.cpp ${_dir}/layer_group.cpp ${_dir}/plug_and_play_arch.cpp)
# The readers of files users give from anywhere (what fuzz/ fuzzes), with GHOSTNET_ARCH_SOURCES.
set(GHOSTNET_READER_SOURCES
  ${_dir}/file_io.cpp ${_dir}/safetensors.cpp ${_dir}/npy.cpp ${_dir}/image.cpp ${_dir}/model_description.cpp)
# The rest of the runtime library (ghostnet_runtime = readers + these).
set(GHOSTNET_RUNTIME_SOURCES
  ${GHOSTNET_READER_SOURCES}
  ${_dir}/idx.cpp
  ${_dir}/weights.cpp
  ${_dir}/q8_arithmetic.cpp
  ${_dir}/quantization.cpp
  ${_dir}/q8_model_file.cpp
  ${_dir}/q8_pack.cpp
  ${_dir}/q8_reference.cpp
  ${_dir}/q8_report.cpp
  ${_dir}/calibration.cpp
  ${_dir}/model.cpp
  ${_dir}/evaluate.cpp
  ${_dir}/complexity.cpp
  ${_dir}/halide_allocator.cpp
  ${_dir}/halide_errors.cpp
  ${_dir}/pipeline_call.cpp
  ${_dir}/plug_and_play.cpp
  ${_dir}/cpu_features.cpp
  ${_dir}/cpu_id.cpp
  ${_dir}/profile.cpp
  ${_dir}/thread_pool.cpp
  ${_dir}/float_env.cpp)
unset(_dir)
