# Technician console: gates and their profiles, gate diagnostics (issue 8, docs/HARDWARE.md).
# The pages see only core's GateSetup and GateTester; the composition root hands them the
# adapters from app/tech.
target_sources(gymgate_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/GateEditor.h ${CMAKE_CURRENT_LIST_DIR}/GateEditor.cpp
  ${CMAKE_CURRENT_LIST_DIR}/GateFrameLog.h ${CMAKE_CURRENT_LIST_DIR}/GateFrameLog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/GatesPage.h ${CMAKE_CURRENT_LIST_DIR}/GatesPage.cpp
  ${CMAKE_CURRENT_LIST_DIR}/GateDiagnosticsPage.h ${CMAKE_CURRENT_LIST_DIR}/GateDiagnosticsPage.cpp)
# The gate service strip (docs/HARDWARE.md): emergency and out-of-order gates, for the front desk.
target_sources(gymgate_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/GateServiceBanner.h ${CMAKE_CURRENT_LIST_DIR}/GateServiceBanner.cpp)
