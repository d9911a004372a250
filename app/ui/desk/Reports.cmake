# The dashboard and the reports (docs/desk/REPORTS.md).
target_sources(gymgate_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/ReportTableModel.h ${CMAKE_CURRENT_LIST_DIR}/ReportTableModel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/DashboardPage.h
  ${CMAKE_CURRENT_LIST_DIR}/DashboardPage.cpp)
target_sources(gymgate_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/ReportChart.h ${CMAKE_CURRENT_LIST_DIR}/ReportChart.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ReportPdf.h ${CMAKE_CURRENT_LIST_DIR}/ReportPdf.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ReportsPage.h ${CMAKE_CURRENT_LIST_DIR}/ReportsPage.cpp)
