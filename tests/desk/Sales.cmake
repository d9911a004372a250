# Filled by the Sales work: gymgate_add_test(...)
