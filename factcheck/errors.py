"""User-facing errors: one line naming the file and the problem.

The CLI prints `str(error)` and exits with code 2; no traceback reaches an editor
for a mistake in their input.
"""

from __future__ import annotations

import sys
from pathlib import Path


class InputError(Exception):
    """A path the user gave cannot be used, and why."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = Path(path)
        self.problem = problem


class UsageError(Exception):
    """An option or argument the user gave makes no sense."""


def warn(message: str) -> None:
    """A problem the run survives (an unknown key, a guessed setting): one line on stderr."""
    print(f"factcheck: warning: {message}", file=sys.stderr)
