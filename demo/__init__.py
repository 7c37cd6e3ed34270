"""The deterministic demo data set (`seed_demo`, `create_demo_admin`): synthetic records for `make run`,
tests and benchmarks, written through interchange's record writer."""
