# Filled by the Members work: target_sources(gymgate_ui PRIVATE ...)
