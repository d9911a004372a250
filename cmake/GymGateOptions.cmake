# One INTERFACE target carries the language standard, warnings and Qt defines for every
# GymGate target, so no target can drift to other flags.
add_library(gymgate_options INTERFACE)
add_library(GymGate::options ALIAS gymgate_options)

target_compile_features(gymgate_options INTERFACE cxx_std_23)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_options(gymgate_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough
  $<$<BOOL:${GYMGATE_WERROR}>:-Werror>)

target_compile_definitions(gymgate_options INTERFACE
  QT_NO_CAST_TO_ASCII
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_NO_FOREACH
  QT_USE_QSTRINGBUILDER
  QT_DISABLE_DEPRECATED_UP_TO=0x060400
  SPDLOG_FMT_EXTERNAL)

if(GYMGATE_SANITIZE)
  target_compile_options(gymgate_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                   -fno-sanitize-recover=undefined)
  target_link_options(gymgate_options INTERFACE -fsanitize=address,undefined)
endif()
