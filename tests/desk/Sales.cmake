# Card products and sales (docs/desk/SALES.md).
gymgate_add_test(NAME tst_salesdesk SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_salesdesk.cpp LIBS gymgate_store LABELS desk)
gymgate_add_test(NAME tst_salespage SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_salespage.cpp
  LIBS gymgate_store gymgate_ui LABELS desk)
gymgate_add_test(NAME tst_receiptpdf SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_receiptpdf.cpp LIBS gymgate_ui LABELS desk)
