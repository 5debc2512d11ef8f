"""Cross-border transfer assessment tool: the core (no Qt)."""

__version__ = "0.1.0"
