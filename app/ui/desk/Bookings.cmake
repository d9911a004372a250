# Bookings: the schedule (venues, maintenance, courses, slots), booking at the desk, the calendar.
target_sources(gymgate_ui PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/BookingsPage.h ${CMAKE_CURRENT_LIST_DIR}/BookingsPage.cpp
  ${CMAKE_CURRENT_LIST_DIR}/CalendarView.h ${CMAKE_CURRENT_LIST_DIR}/CalendarView.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SchedulePage.h ${CMAKE_CURRENT_LIST_DIR}/SchedulePage.cpp)
