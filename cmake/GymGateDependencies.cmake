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
