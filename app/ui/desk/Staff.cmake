# Staff: first-run wizard, login, staff accounts and the audit viewer (docs/desk/STAFF.md).
target_sources(gymgate_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/AuditPage.h ${CMAKE_CURRENT_LIST_DIR}/AuditPage.cpp
  ${CMAKE_CURRENT_LIST_DIR}/FirstRunWizard.h ${CMAKE_CURRENT_LIST_DIR}/FirstRunWizard.cpp
  ${CMAKE_CURRENT_LIST_DIR}/LoginDialog.h ${CMAKE_CURRENT_LIST_DIR}/LoginDialog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/StaffAccountDialog.h ${CMAKE_CURRENT_LIST_DIR}/StaffAccountDialog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/StaffPage.h ${CMAKE_CURRENT_LIST_DIR}/StaffPage.cpp
  ${CMAKE_CURRENT_LIST_DIR}/StaffPasswordDialog.h ${CMAKE_CURRENT_LIST_DIR}/StaffPasswordDialog.cpp)
