# Filled by the Bookings work: gymgate_add_test(...)
