# Manual check-in page over the real entry service and a simulated turnstile.
gymgate_add_test(NAME tst_checkinpage SOURCES tst_checkinpage.cpp
  LIBS gymgate_ui gymgate_store gymgate_bridge Qt6::Network LABELS desk)
target_compile_definitions(tst_checkinpage PRIVATE GYMGATE_GATESIM_PATH="$<TARGET_FILE:gymgate-gatesim>")
add_dependencies(tst_checkinpage gymgate-gatesim)
