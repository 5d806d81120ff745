"""Publishes the client-centric services maturity model and its playbook as a bilingual site."""

from generator.errors import ContentError, Problem

__all__ = ["ContentError", "Problem"]
__version__ = "0.1.0"
