# Filled by the Staff work: target_sources(gymgate_store PRIVATE ...)
