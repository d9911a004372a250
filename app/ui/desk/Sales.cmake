# Card products and sales (docs/desk/SALES.md).
target_sources(gymgate_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/ProductsPage.h ${CMAKE_CURRENT_LIST_DIR}/ProductsPage.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ReceiptPdf.h ${CMAKE_CURRENT_LIST_DIR}/ReceiptPdf.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SalesPage.h ${CMAKE_CURRENT_LIST_DIR}/SalesPage.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ShiftReportPage.h ${CMAKE_CURRENT_LIST_DIR}/ShiftReportPage.cpp)
