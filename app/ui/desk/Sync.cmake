# Sync: the Sync page, enrollment with the hub and the status bar label (docs/desk/SYNC.md).
target_sources(gymgate_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/EnrollDialog.h ${CMAKE_CURRENT_LIST_DIR}/EnrollDialog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SyncPage.h ${CMAKE_CURRENT_LIST_DIR}/SyncPage.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SyncStatusLabel.h ${CMAKE_CURRENT_LIST_DIR}/SyncStatusLabel.cpp)
