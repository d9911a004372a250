# The dashboard and the reports (docs/desk/REPORTS.md).
gymgate_add_test(NAME tst_dashboardpage SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_dashboardpage.cpp
  LIBS gymgate_store gymgate_ui LABELS desk)
gymgate_add_test(NAME tst_reportspage SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_reportspage.cpp
  LIBS gymgate_store gymgate_ui LABELS desk)
gymgate_add_test(NAME tst_reportpdf SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_reportpdf.cpp LIBS gymgate_ui LABELS desk)
