# Filled by the Bookings work: target_sources(gymgate_ui PRIVATE ...)
