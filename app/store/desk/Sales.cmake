# Card products and sales (docs/desk/SALES.md).
target_sources(gymgate_store PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/../SqlSalesDesk.h ${CMAKE_CURRENT_LIST_DIR}/../SqlSalesDesk.cpp)
