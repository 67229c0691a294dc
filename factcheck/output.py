"""Writing a report without ever losing what the user had."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from factcheck.errors import InputError
from factcheck.ingest import ARTICLE_SUFFIXES


def write_atomically(path: Path, text: str, inputs: list[Path]) -> None:
    """Write `text` to `path` through a temporary file and a rename.

    A failure midway leaves the previous report intact. `inputs` are the files and
    folders the user gave: none of their articles is ever taken as the output, even one
    left out of the comparison (a duplicate), nor is a new article file put in their folders.
    """
    target = path.resolve()
    for given in (p.resolve() for p in inputs):
        if target == given or (target.parent == given and target.suffix.lower() in ARTICLE_SUFFIXES):
            if target.exists():
                raise InputError(path, "is an input article; refusing to overwrite it with the report")
            raise InputError(path, "is in an input folder, where the next check would read it as an article; write the report elsewhere")
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
