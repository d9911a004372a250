# Bookings: the service over a real SQLite file, and the pages offscreen.
gymgate_add_test(NAME tst_bookingdesk SOURCES tst_bookingdesk.cpp LIBS gymgate_store LABELS desk)
gymgate_add_test(NAME tst_bookingspage SOURCES tst_bookingspage.cpp LIBS gymgate_store gymgate_ui LABELS desk)
gymgate_add_test(NAME tst_schedulepage SOURCES tst_schedulepage.cpp LIBS gymgate_store gymgate_ui LABELS desk)
