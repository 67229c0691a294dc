"""Knowledge kept as data: TOML tables loaded once and shared read-only.

Code never tests for a word of a particular story; it asks these tables
(number words, quantifiers, the event taxonomy, place aliases, time zones, cues).
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """The table `factcheck/knowledge/<name>.toml`."""
    return tomllib.loads(resources.files(__name__).joinpath(f"{name}.toml").read_text("utf-8"))
