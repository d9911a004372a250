# The dashboard and the reports (docs/desk/REPORTS.md).
target_sources(gymgate_store PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/../SqlDashboardSource.h ${CMAKE_CURRENT_LIST_DIR}/../SqlDashboardSource.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../SqlReportDesk.h ${CMAKE_CURRENT_LIST_DIR}/../SqlReportDesk.cpp)
