# Filled by the Members work: gymgate_add_test(...)
