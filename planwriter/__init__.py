"""planwriter: draft, review and export local plans adapted from a provincial programme."""

__version__ = "0.1.0"
