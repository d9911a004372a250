# Filled by the Staff work: gymgate_add_test(...)
