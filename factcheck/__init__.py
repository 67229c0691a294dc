"""factcheck: cross-check several reports of one event and cite where they disagree."""

__version__ = "0.1.0"
