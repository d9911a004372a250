# Members: register, edit, block, search as you type, history, member QR codes (docs/desk/MEMBERS.md).
target_sources(gymgate_store PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/../SqlMemberDirectory.h
  ${CMAKE_CURRENT_LIST_DIR}/../SqlMemberDirectory.cpp)
