# Every dependency comes from a Debian 12 package (see scripts/bootstrap).
find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Widgets Network Sql Test SerialPort HttpServer
                                        WebSockets Charts PrintSupport LinguistTools)
find_package(PkgConfig REQUIRED)
pkg_check_modules(Sodium REQUIRED IMPORTED_TARGET libsodium>=1.0.18)
pkg_check_modules(Modbus REQUIRED IMPORTED_TARGET libmodbus>=3.1.6)
pkg_check_modules(SQLite3 REQUIRED IMPORTED_TARGET sqlite3>=3.40)
find_package(spdlog 1.10 REQUIRED)
find_package(ZXing 1.4 REQUIRED)
find_package(Threads REQUIRED)

# Optional: the camera scan source and kiosk sounds need Qt Multimedia (qt6-multimedia-dev).
find_package(Qt6 6.4 QUIET OPTIONAL_COMPONENTS Multimedia)
if(TARGET Qt6::Multimedia)
  set(_gymgate_camera_default ON)
else()
  set(_gymgate_camera_default OFF)
endif()
option(GYMGATE_CAMERA "Build the camera scan source (needs Qt Multimedia)" ${_gymgate_camera_default})
if(GYMGATE_CAMERA AND NOT TARGET Qt6::Multimedia)
  message(FATAL_ERROR "GYMGATE_CAMERA is ON but Qt Multimedia was not found (install qt6-multimedia-dev)")
endif()

# Optional: zbar, only for the decode benchmark's side-by-side comparison (libzbar-dev).
pkg_check_modules(ZBar QUIET IMPORTED_TARGET zbar)
