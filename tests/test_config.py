"""The configuration file: where it is found, what it may say, and the command line over it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.align import AlignSettings
from factcheck.cli import FailOn, settings
from factcheck.config import Config, load_config
from factcheck.errors import InputError

FULL = """
select = ["N", "C101"]
ignore = ["a"]
fail_on = "medium"
default_timezone = "America/Chicago"

[thresholds]
same_text = 0.8
same_facts = 0.5
current_event = 0
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def test_no_file_gives_the_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path) == Config()


def test_factcheck_toml_sets_every_key(tmp_path: Path) -> None:
    path = write(tmp_path, "factcheck.toml", FULL)
    config = load_config(tmp_path)
    assert config.select == ("N", "C101") and config.ignore == ("A",)
    assert config.fail_on == "medium"
    assert config.default_timezone == "America/Chicago"
    assert config.thresholds == AlignSettings(same_text=0.8, same_facts=0.5, current_event=0.0)
    assert config.path == path and config.warnings == ()


def test_pyproject_tool_table_is_read(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[project]\nname = "desk"\n\n[tool.factcheck]\nfail_on = "low"\n')
    assert load_config(tmp_path).fail_on == "low"


def test_pyproject_without_a_tool_table_gives_the_defaults(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[project]\nname = "desk"\n\n[tool.other]\nfail_on = "low"\n')
    assert load_config(tmp_path) == Config()


def test_factcheck_toml_wins_over_pyproject_and_they_are_not_merged(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.factcheck]\nfail_on = "low"\nignore = ["T"]\n')
    write(tmp_path, "factcheck.toml", 'fail_on = "never"\n')
    config = load_config(tmp_path)
    assert config.fail_on == "never" and config.ignore == ()


def test_thresholds_not_given_keep_their_defaults(tmp_path: Path) -> None:
    write(tmp_path, "factcheck.toml", "[thresholds]\nsame_text = 0.9\n")
    assert load_config(tmp_path).thresholds == AlignSettings(same_text=0.9)


def test_unknown_keys_are_warnings_naming_the_file_and_the_nearest_key(tmp_path: Path) -> None:
    path = write(tmp_path, "factcheck.toml", 'fail-on = "low"\ncolour = true\n[thresholds]\nsame_txt = 0.9\n')
    warnings = load_config(tmp_path).warnings
    assert warnings == (
        f"{path}: unknown key `fail-on` ignored (did you mean `fail_on`?)",
        f"{path}: unknown key `colour` ignored",
        f"{path}: unknown key `thresholds.same_txt` ignored (did you mean `thresholds.same_text`?)",
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('select = "N"', "`select` must be a list of rule codes"),
        ("ignore = [101]", "`ignore` must be a list of rule codes"),
        ('select = ["Q"]', "`select` names no rule: Q"),
        ('ignore = ["N999"]', "`ignore` names no rule: N999"),
        ('fail_on = "severe"', "`fail_on` must be one of high, medium, low, never, not 'severe'"),
        ("fail_on = 1", "`fail_on` must be one of"),
        ('default_timezone = "Chicago"', "`default_timezone` is not an IANA time zone"),
        ('default_timezone = "America"', "`default_timezone` is not an IANA time zone"),
        ("default_timezone = 5", "`default_timezone` is not an IANA time zone"),
        ("thresholds = 0.5", "`thresholds` must be a table"),
        ("[thresholds]\nsame_text = 1.5", "`thresholds.same_text` must be a similarity between 0 and 1, not 1.5"),
        ('[thresholds]\nsame_facts = "high"', "`thresholds.same_facts` must be a similarity"),
        ("[thresholds]\ncurrent_event = true", "`thresholds.current_event` must be a similarity"),
        ("fail_on = ", "malformed TOML"),
    ],
)
def test_a_bad_value_is_an_input_error_naming_the_file(tmp_path: Path, text: str, problem: str) -> None:
    path = write(tmp_path, "factcheck.toml", text + "\n")
    with pytest.raises(InputError) as raised:
        load_config(tmp_path)
    assert raised.value.path == path and problem in str(raised.value)
    assert len(str(raised.value).splitlines()) == 1


def test_a_bad_value_in_pyproject_names_its_place_in_the_file(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.factcheck]\nfail_on = "always"\n')
    with pytest.raises(InputError, match=r"pyproject.toml: `tool.factcheck.fail_on` must be one of"):
        load_config(tmp_path)


def test_command_line_options_override_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "factcheck.toml", FULL)
    monkeypatch.chdir(tmp_path)
    config = settings(select="T", ignore=None, fail_on=FailOn.never)
    assert config.select == ("T",) and config.ignore == ("A",) and config.fail_on == "never"
    assert config.default_timezone == "America/Chicago" and config.thresholds.same_text == 0.8


def test_options_not_given_leave_the_file_in_force(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "factcheck.toml", FULL)
    monkeypatch.chdir(tmp_path)
    assert settings(select=None, ignore=None, fail_on=None) == load_config(tmp_path)


def run_in(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args], cwd=folder, capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def conflicting(tmp_path: Path) -> Path:
    """A folder whose two reports conflict on a casualty figure only (rule kind C)."""
    articles = tmp_path / "articles"
    articles.mkdir()
    write(articles, "a.txt", "Seven miners were killed in the collapse at the coal mine on Tuesday.\n")
    write(articles, "b.txt", "No miners were killed in the collapse at the coal mine on Tuesday.\n")
    return tmp_path


def test_the_file_in_the_working_folder_steers_check(conflicting: Path) -> None:
    assert run_in(conflicting, "check", "articles", "--no-cache").returncode == 1
    path = write(conflicting, "factcheck.toml", 'select = ["N"]\nspeed = 3\n')
    result = run_in(conflicting, "check", "articles", "--no-cache")
    assert result.returncode == 0
    assert f"factcheck: warning: {path}: unknown key `speed` ignored" in result.stderr


def test_fail_on_given_on_the_command_line_beats_the_file(conflicting: Path) -> None:
    write(conflicting, "factcheck.toml", 'fail_on = "never"\n')
    assert run_in(conflicting, "check", "articles", "--no-cache").returncode == 0
    assert run_in(conflicting, "check", "articles", "--no-cache", "--fail-on", "high").returncode == 1


def test_a_bad_file_stops_check_with_one_line_and_exit_2(tmp_path: Path) -> None:
    path = write(tmp_path, "factcheck.toml", 'default_timezone = "Mars/Olympus"\n')
    write(tmp_path, "a.txt", "A bridge collapsed on Monday.\n")
    result = run_in(tmp_path, "check", "a.txt", "--no-cache")
    assert result.returncode == 2
    problem = "`default_timezone` is not an IANA time zone (such as Europe/Paris): 'Mars/Olympus'"
    assert result.stderr == f"factcheck: error: {path}: {problem}\n"
