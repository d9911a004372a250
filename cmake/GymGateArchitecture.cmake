# The layer rules of docs/ARCHITECTURE.md, checked on the link graph at configure time.
# A library may only link what its row allows; anything else stops the configure.
set(GYMGATE_LAYER_FORBIDDEN_gymgate_core
    Qt6::Gui Qt6::Widgets Qt6::Sql Qt6::Network Qt6::WebSockets Qt6::SerialPort Qt6::HttpServer
    Qt6::Charts PkgConfig::SQLite3 PkgConfig::Modbus gymgate_store gymgate_scan gymgate_sync gymgate_ui)
set(GYMGATE_LAYER_FORBIDDEN_gymgate_store
    Qt6::Gui Qt6::Widgets Qt6::Network Qt6::WebSockets Qt6::SerialPort Qt6::HttpServer Qt6::Charts
    gymgate_scan gymgate_sync gymgate_ui)

# Reports read the domain tables of the desk or the hub: SQL, nothing else.
set(GYMGATE_LAYER_FORBIDDEN_gymgate_reports
    Qt6::Gui Qt6::Widgets Qt6::Network Qt6::WebSockets Qt6::SerialPort Qt6::HttpServer Qt6::Charts
    PkgConfig::Modbus gymgate_store gymgate_scan gymgate_sync gymgate_ui gymgate_hub gymgate_bridge)

set(GYMGATE_LAYER_FORBIDDEN_gymgate_bridge_protocol
    Qt6::Gui Qt6::Widgets Qt6::Sql Qt6::Network Qt6::WebSockets Qt6::SerialPort Qt6::HttpServer Qt6::Charts
    PkgConfig::Modbus PkgConfig::SQLite3 gymgate_store gymgate_bridge)
set(GYMGATE_LAYER_FORBIDDEN_gymgate_bridge
    Qt6::Gui Qt6::Widgets Qt6::Sql Qt6::WebSockets Qt6::HttpServer Qt6::Charts PkgConfig::SQLite3 gymgate_store)
set(GYMGATE_LAYER_FORBIDDEN_gymgate_scan
    Qt6::Widgets Qt6::Sql Qt6::Network Qt6::WebSockets Qt6::HttpServer Qt6::Charts PkgConfig::SQLite3
    PkgConfig::Modbus gymgate_store gymgate_sync gymgate_ui gymgate_bridge)
# Sync talks to the hub and writes the local database; it never draws, drives gates or serves.
set(GYMGATE_LAYER_FORBIDDEN_gymgate_sync
    Qt6::Gui Qt6::Widgets Qt6::SerialPort Qt6::HttpServer Qt6::Charts PkgConfig::Modbus gymgate_ui gymgate_scan
    gymgate_bridge gymgate_bridge_protocol gymgate_hub)
# Screens see the core's interfaces only: the composition root hands them real adapters. The
# scan layer is allowed for QR images (printed member cards), never the store or the network.
set(GYMGATE_LAYER_FORBIDDEN_gymgate_ui
    Qt6::Sql Qt6::Network Qt6::WebSockets Qt6::HttpServer PkgConfig::SQLite3 PkgConfig::Modbus
    gymgate_store gymgate_sync gymgate_tech gymgate_bridge gymgate_bridge_protocol)

# The technician console's adapters: the store and the gate bridge, never screens or the network.
set(GYMGATE_LAYER_FORBIDDEN_gymgate_tech
    Qt6::Gui Qt6::Widgets Qt6::Network Qt6::WebSockets Qt6::HttpServer Qt6::Charts gymgate_ui gymgate_sync
    gymgate_scan gymgate_hub)

# The hub is a server: no widgets, no gate hardware, and not the sites' local database.
set(GYMGATE_LAYER_FORBIDDEN_gymgate_hub
    Qt6::Widgets Qt6::SerialPort PkgConfig::Modbus gymgate_store gymgate_ui gymgate_scan gymgate_bridge
    gymgate_bridge_protocol)

function(gymgate_check_layer_rules)
  foreach(lib gymgate_core gymgate_reports gymgate_store gymgate_bridge_protocol gymgate_bridge gymgate_scan gymgate_sync gymgate_tech
           gymgate_ui gymgate_hub)
    if(NOT TARGET ${lib})
      continue()
    endif()
    get_target_property(linked ${lib} LINK_LIBRARIES)
    foreach(dep IN LISTS linked)
      if(dep IN_LIST GYMGATE_LAYER_FORBIDDEN_${lib})
        message(FATAL_ERROR "Layer rule broken: ${lib} links ${dep} (see docs/ARCHITECTURE.md)")
      endif()
    endforeach()
  endforeach()
endfunction()
