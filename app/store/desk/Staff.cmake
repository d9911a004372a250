# Staff accounts, login with lockout and the audit viewer's service (docs/desk/STAFF.md).
target_sources(gymgate_store PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/../SqlStaffDirectory.h
  ${CMAKE_CURRENT_LIST_DIR}/../SqlStaffDirectory.cpp)
