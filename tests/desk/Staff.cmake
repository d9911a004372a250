# Staff accounts, login and lockout, audit viewer (docs/desk/STAFF.md).
# Argon2id hashing (deliberately slow) in every row: a longer timeout for a busy machine.
gymgate_add_test(NAME tst_staffdirectory SOURCES tst_staffdirectory.cpp LIBS gymgate_store LABELS desk TIMEOUT 300)
gymgate_add_test(NAME tst_staffpages SOURCES tst_staffpages.cpp LIBS gymgate_store gymgate_ui LABELS desk)
