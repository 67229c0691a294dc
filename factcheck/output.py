"""Writing a report without ever losing what the user had."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from factcheck.errors import InputError


def write_atomically(path: Path, text: str, inputs: list[Path]) -> None:
    """Write `text` to `path` through a temporary file and a rename.

    A failure midway leaves the previous report intact, and an input file is never
    taken as the output.
    """
    target = path.resolve()
    if any(target == p.resolve() for p in inputs):
        raise InputError(path, "is an input article; refusing to overwrite it with the report")
    if target.is_dir():
        raise InputError(path, "is a folder; give the report a file name, such as report.md")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise InputError(path, f"cannot write the report here ({error.strerror or error}); choose another --out") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(temporary, target)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise InputError(path, f"cannot write the report ({error.strerror or error}); the previous one is intact") from None
        raise
