# Members: search as you type, register and edit, block, history, QR codes and the printable
# member card (docs/desk/MEMBERS.md). The QR images come from gymgate_scan's encoder.
target_sources(gymgate_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/MembersPage.h ${CMAKE_CURRENT_LIST_DIR}/MembersPage.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MemberCardPdf.h ${CMAKE_CURRENT_LIST_DIR}/MemberCardPdf.cpp)
target_link_libraries(gymgate_ui PUBLIC gymgate_scan)
