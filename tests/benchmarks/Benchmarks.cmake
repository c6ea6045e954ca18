# The benchmarks that scripts/bench runs beside bench_store, bench_queue_view and
# bench_sync: code reading (ZXing, and zbarimg as the baseline), cold start of sidep-portal
# to its sign-in window, and the GUI's peak memory over a large store. Included by
# CMakeLists.txt in this folder. Not CTest tests: they print figures.

# TubeLabelPrinter (in ui) draws the labels that are read back.
add_executable(bench_decode ${CMAKE_CURRENT_LIST_DIR}/BenchDecode.cpp)
target_link_libraries(bench_decode PRIVATE sidep_ui)
sidep_target_defaults(bench_decode)

# The baseline of the start-up and memory figures: Qt Widgets and nothing of the project.
add_executable(bench_empty_window ${CMAKE_CURRENT_LIST_DIR}/BenchEmptyWindow.cpp)
target_link_libraries(bench_empty_window PRIVATE Qt6::Widgets)
sidep_target_defaults(bench_empty_window)

# Starts the real sidep-portal (and bench_empty_window) on Xvfb; links no widget itself.
add_executable(bench_startup ${CMAKE_CURRENT_LIST_DIR}/BenchStartup.cpp)
target_link_libraries(bench_startup PRIVATE sidep_test_support)
sidep_target_defaults(bench_startup)
add_dependencies(bench_startup sidep-portal bench_empty_window)

add_executable(bench_gui_memory ${CMAKE_CURRENT_LIST_DIR}/BenchGuiMemory.cpp)
target_link_libraries(bench_gui_memory PRIVATE sidep_ui sidep_test_support)
sidep_target_defaults(bench_gui_memory)
add_dependencies(bench_gui_memory bench_empty_window)
