"""Reports are written atomically: a failure midway leaves the previous report, and inputs are never overwritten."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import pipeline, report
from factcheck.cli import app
from factcheck.errors import InputError
from factcheck.output import write_atomically
from factcheck.types import CheckResult

PREVIOUS = "# the previous report\n"


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    out = tmp_path / "out" / "report.md"
    out.parent.mkdir()
    out.write_text(PREVIOUS, encoding="utf-8")
    return out


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "report.md")


def test_a_report_replaces_the_previous_one(previous: Path) -> None:
    write_atomically(previous, "# new\n", [])
    assert previous.read_text("utf-8") == "# new\n" and leftovers(previous.parent) == []


def test_a_write_failing_midway_leaves_the_previous_report_and_no_temporary_file(previous: Path) -> None:
    with pytest.raises(UnicodeEncodeError):
        write_atomically(previous, "x" * 100_000 + "\ud800", [])
    assert previous.read_text("utf-8") == PREVIOUS and leftovers(previous.parent) == []


def test_a_failing_rename_is_one_clear_error_and_the_previous_report_stays(
    previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(InputError, match="cannot write the report .*previous one is intact"):
        write_atomically(previous, "# new\n", [])
    assert previous.read_text("utf-8") == PREVIOUS and leftovers(previous.parent) == []


def test_an_input_file_is_never_overwritten_even_through_a_link(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("A bridge collapsed on Monday.\n", encoding="utf-8")
    link = tmp_path / "report.md"
    link.symlink_to(article)
    for out in (article, link):
        with pytest.raises(InputError, match="is an input article"):
            write_atomically(out, "# report\n", [article])
    assert article.read_text("utf-8") == "A bridge collapsed on Monday.\n"


def test_a_folder_as_the_output_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder; give the report a file name"):
        write_atomically(tmp_path, "# report\n", [])


def test_a_renderer_failing_midway_leaves_the_previous_report(
    previous: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text("A bridge collapsed on Monday.\n", encoding="utf-8")
    empty = CheckResult(articles=(), claims=(), groups=(), discrepancies=(), model="stand-in")

    def broken(result: CheckResult) -> str:
        raise RuntimeError("renderer failed")

    monkeypatch.setattr(pipeline, "check", lambda *args, **kwargs: empty)
    monkeypatch.setattr(report, "render_markdown", broken)
    result = CliRunner().invoke(app, ["check", str(tmp_path / "a.txt"), "--out", str(previous)])
    assert isinstance(result.exception, RuntimeError)
    assert previous.read_text("utf-8") == PREVIOUS and leftovers(previous.parent) == []


def test_a_duplicate_left_out_of_the_comparison_is_still_never_overwritten(tmp_path: Path) -> None:
    """The inputs are the paths the user gave, so every article file in a given folder is protected."""
    article = tmp_path / "copy.txt"
    article.write_text("A bridge collapsed on Monday.\n", encoding="utf-8")
    with pytest.raises(InputError, match="is an input article"):
        write_atomically(article, "# report\n", [tmp_path])
    assert article.read_text("utf-8") == "A bridge collapsed on Monday.\n"


def test_a_new_article_file_in_an_input_folder_is_refused_but_other_names_are_not(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="next check would read it as an article; write the report elsewhere"):
        write_atomically(tmp_path / "report.md", "# report\n", [tmp_path])
    write_atomically(tmp_path / "report.json", "{}\n", [tmp_path])
    assert (tmp_path / "report.json").read_text("utf-8") == "{}\n"
