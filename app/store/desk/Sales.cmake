# Filled by the Sales work: target_sources(gymgate_store PRIVATE ...)
