# Bookings: venues, maintenance, courses and slots, bookings and the waiting list.
target_sources(gymgate_store PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/../SqlBookingDesk.h ${CMAKE_CURRENT_LIST_DIR}/../SqlBookingDesk.cpp)
