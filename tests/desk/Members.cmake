# Members: service rules and permissions, the members page, the printable member card (docs/desk/MEMBERS.md).
gymgate_add_test(NAME tst_memberdirectory SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_memberdirectory.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MemberTestRig.h LIBS gymgate_store LABELS desk)
gymgate_add_test(NAME tst_memberspage SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_memberspage.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MemberTestRig.h LIBS gymgate_store gymgate_ui LABELS desk)
# Renders the PDF with pdftoppm (poppler-utils) and decodes it with zbarimg (zbar-tools).
gymgate_add_test(NAME tst_membercardpdf SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_membercardpdf.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MemberTestRig.h LIBS gymgate_store gymgate_ui LABELS desk)
