"""API tokens for external systems: issued by the secretariat, stored hashed, scoped."""
