"""A desk's standing choices, kept next to its material instead of retyped as options.

Read from `factcheck.toml` (top-level keys) or else `[tool.factcheck]` of `pyproject.toml`
in the working folder; `factcheck.toml` wins when both exist, and the files are never
merged. Options given on the command line override what a file says. A mistake in the
file is an `InputError` naming it; a key the tool does not know is only a warning, so
an older factcheck still runs with a newer desk's file.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from difflib import get_close_matches
from pathlib import Path
from typing import Any
from zoneinfo import available_timezones

from factcheck.align import AlignSettings
from factcheck.errors import InputError
from factcheck.rules import unknown_codes
from factcheck.rules.common import SEVERITIES

FAIL_ON = (*SEVERITIES, "never")
THRESHOLDS = tuple(f.name for f in fields(AlignSettings))
KEYS = ("select", "ignore", "fail_on", "default_timezone", "thresholds")


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "high"
    default_timezone: str | None = None
    """IANA zone for articles that do not state where they were written."""
    thresholds: AlignSettings = field(default_factory=AlignSettings)
    path: Path | None = None
    """The file these settings were read from; None for the defaults."""
    warnings: tuple[str, ...] = ()
    """One line each, naming the file: keys that were ignored."""


def load_config(folder: Path) -> Config:
    """The settings of `folder`'s `factcheck.toml`, else of its `pyproject.toml`, else defaults."""
    own, project = folder / "factcheck.toml", folder / "pyproject.toml"
    if own.is_file():
        return parse_config(own, read_toml(own), prefix="")
    if project.is_file():
        table = read_toml(project).get("tool", {}).get("factcheck")
        if table is not None:
            return parse_config(project, table, prefix="tool.factcheck.")
    return Config()


def read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot be read ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise InputError(path, f"malformed TOML ({error})") from None


def parse_config(path: Path, table: Any, prefix: str) -> Config:
    """Validated settings from one file's table; `prefix` is where the table sits in the file."""
    if not isinstance(table, dict):
        raise InputError(path, f"`{prefix.rstrip('.')}` is not a table of settings")
    problem = lambda key, text: InputError(path, f"`{prefix}{key}` {text}")  # noqa: E731
    warnings = unknown_keys(path, prefix, table, KEYS)
    codes = {}
    for key in ("select", "ignore"):
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(c, str) for c in value):
            raise problem(key, 'must be a list of rule codes or kind letters, e.g. ["N", "C101"]')
        if bad := unknown_codes(value):
            raise problem(key, f"names no rule: {', '.join(bad)} (see `factcheck rules`)")
        codes[key] = tuple(c.strip().upper() for c in value)
    fail_on = table.get("fail_on", "high")
    if fail_on not in FAIL_ON:
        raise problem("fail_on", f"must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    zone = table.get("default_timezone")
    if zone is not None and not is_zone(zone):
        raise problem("default_timezone", f"is not an IANA time zone (such as Europe/Paris): {zone!r}")
    limits = table.get("thresholds", {})
    if not isinstance(limits, dict):
        raise problem("thresholds", f"must be a table of {', '.join(THRESHOLDS)}")
    warnings += unknown_keys(path, f"{prefix}thresholds.", limits, THRESHOLDS)
    for key in THRESHOLDS:
        value = limits.get(key, 0.0)
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise problem(f"thresholds.{key}", f"must be a similarity between 0 and 1, not {value!r}")
    return Config(
        select=codes["select"],
        ignore=codes["ignore"],
        fail_on=fail_on,
        default_timezone=zone,
        thresholds=AlignSettings(**{k: float(v) for k, v in limits.items() if k in THRESHOLDS}),
        path=path,
        warnings=warnings,
    )


def unknown_keys(path: Path, prefix: str, table: dict[str, Any], known: tuple[str, ...]) -> tuple[str, ...]:
    """A warning for each key of `table` not in `known`, with the closest known key if one is near."""
    warnings = []
    for key in table:
        if key not in known:
            near = get_close_matches(key.replace("-", "_"), known, n=1)
            hint = f" (did you mean `{prefix}{near[0]}`?)" if near else ""
            warnings.append(f"{path}: unknown key `{prefix}{key}` ignored{hint}")
    return tuple(warnings)


def is_zone(name: Any) -> bool:
    # a membership test, not ZoneInfo(name): "America" opens a folder and raises IsADirectoryError
    return isinstance(name, str) and name in available_timezones()
