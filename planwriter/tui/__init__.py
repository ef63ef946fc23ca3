"""The terminal interface: ``planwriter`` with no arguments. Only calls the core."""
