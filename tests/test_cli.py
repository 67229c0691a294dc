"""The command line: exit codes, one-line errors, the rule documentation."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.rules import RULES

runner = CliRunner()


FACTCHECK = Path(sys.executable).with_name("factcheck")
"""The installed entry point, beside the interpreter running the tests (the venv's `bin`)."""


def run(*args: str) -> subprocess.CompletedProcess:
    """The installed command, as an editor types it: a dependency's release cannot hide behind a test runner."""
    return subprocess.run([str(FACTCHECK), *args], capture_output=True, text=True, timeout=300)


def test_rules_lists_every_code() -> None:
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0
    assert all(code in result.output for code in RULES)


def test_rules_code_prints_its_three_part_documentation() -> None:
    result = runner.invoke(app, ["rules", "n101"])
    assert result.exit_code == 0
    assert "What it flags:" in result.output and "Why an editor cares:" in result.output and "Example:" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "no/such/folder"], "no/such/folder: no such file or folder"),
        (["rules", "Z999"], "no rule 'Z999'"),
        (["check", "--select", "Q", "README.md"], "unknown rule code or letter: Q"),
    ],
)
def test_user_mistakes_are_one_line_and_exit_2(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check"], "Missing argument 'paths'"),
        (["check", "--format", "xml", "README.md"], "'xml' is not one of 'md', 'json'"),
        (["check", "--frobnicate", "README.md"], "No such option: --frobnicate"),
        (["chekc"], "No such command 'chekc'"),
    ],
)
def test_usage_mistakes_show_the_usage_line_and_the_error_and_exit_2(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stderr.startswith("Usage: factcheck")
    assert message in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) < 10


def test_bare_command_shows_the_help() -> None:
    result = run()
    assert result.returncode == 2
    assert "Usage: factcheck" in result.stdout + result.stderr
    assert all(command in result.stdout + result.stderr for command in ("check", "claims", "rules"))
    assert "Traceback" not in result.stderr


def test_version_prints_the_installed_version() -> None:
    from importlib.metadata import version

    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"factcheck {version('factcheck')}"


def test_an_undecodable_file_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x00binary")
    result = run("check", str(bad))
    assert result.returncode == 2 and str(bad) in result.stderr


def test_a_single_article_is_not_an_error(tmp_path: Path) -> None:
    (tmp_path / "only.txt").write_text("A landslide buried 12 homes on Tuesday, police said.\n", encoding="utf-8")
    result = run("check", str(tmp_path), "--no-cache")
    assert result.returncode == 0
    assert "no other report to compare" in result.stdout


def test_fail_on_sets_the_exit_code(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Seven miners were killed in the collapse at the coal mine on Tuesday.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("No miners were killed in the collapse at the coal mine on Tuesday.\n", encoding="utf-8")
    assert run("check", str(tmp_path), "--no-cache").returncode == 1
    assert run("check", str(tmp_path), "--no-cache", "--fail-on", "never").returncode == 0


def test_the_report_never_overwrites_an_input(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("A bridge collapsed on Monday.\n", encoding="utf-8")
    result = run("check", str(tmp_path), "--out", str(article), "--no-cache")
    assert result.returncode == 2
    assert article.read_text("utf-8") == "A bridge collapsed on Monday.\n"


FLOOD = {
    "valley-news.txt": "Flash floods killed 14 people in the river valley on Saturday night, the regional governor said.\n\n"
    "About 2,000 homes were flooded and 300 people were moved to schools, officials said.\n",
    "coast-daily.md": "---\noutlet: Coast Daily\ntimezone: Europe/Madrid\n---\nFloods killed at least 21 people in the valley on Sunday, rescuers said.\n\n"
    "Some 3,500 homes were damaged, the civil protection agency said.\n",
    "wire.txt": "Flash flooding in the river valley has killed 14 people, the governor said on Sunday.\n\n"
    "Nearly 2,000 homes were under water and no one was missing, police said.\n",
}


def run_with(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args], capture_output=True, text=True, timeout=300, env={**os.environ, **env}
    )


def test_reports_are_byte_identical_across_runs_and_hash_seeds(tmp_path: Path) -> None:
    corpus = tmp_path / "flood"
    corpus.mkdir()
    for name, text in FLOOD.items():
        (corpus / name).write_text(text, encoding="utf-8")
    reports: dict[str, set[bytes]] = {"md": set(), "json": set()}
    # the first seed fills a fresh cache, the second reads from it: neither may change a byte
    for seed in ("0", "4242"):
        env = {"PYTHONHASHSEED": seed, "FACTCHECK_CACHE_DIR": str(tmp_path / "cache")}
        for form in reports:
            out = tmp_path / f"{seed}.{form}"
            done = run_with(env, "check", str(corpus), "--format", form, "--out", str(out), "--fail-on", "never")
            assert done.returncode == 0, done.stderr
            reports[form].add(out.read_bytes())
    assert all(len(versions) == 1 for versions in reports.values())
    assert b"valley-news.txt" in reports["md"].pop()


def test_a_folder_of_odd_files_is_checked_and_every_file_left_out_is_named(tmp_path: Path) -> None:
    story = "A chemical plant exploded outside the port on Thursday, killing 6 workers, the fire service said.\r\n"
    (tmp_path / "plant.txt").write_bytes(story.encode("utf-8"))
    (tmp_path / "plant-copy.txt").write_bytes(story.encode("utf-8"))
    (tmp_path / "harbour.txt").write_bytes(
        "Eight workers died when the chemical plant blew up on Thursday, the port\u2019s owner said.\n".encode("cp1252")
    )
    (tmp_path / "tribune.txt").write_bytes(
        "\ufeffThe blast at the chemical plant on Thursday killed 6\u00a0workers, officials said.\n".encode("utf-16")
    )
    (tmp_path / "menu.md").write_text("Home\n\nLatest\n\nWeather\n", encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    result = run("check", str(tmp_path), "--no-cache", "--fail-on", "never", "--format", "json")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    assert report["skipped"] == [
        f"{tmp_path / 'scan.pdf'}: not an article file; only .txt, .md, .markdown, .html, .htm files directly in a folder are read",
        f"{tmp_path / 'plant.txt'}: the same text as {tmp_path / 'plant-copy.txt'}, so it is compared once",
    ]
    assert any(note.startswith(f"{tmp_path / 'harbour.txt'} is not UTF-8; it was read as cp1252") for note in report["notes"])
    assert any(note.startswith(f"{tmp_path / 'menu.md'} has no sentences to compare") for note in report["notes"])
    decoded = run("claims", str(tmp_path / "harbour.txt"), str(tmp_path / "tribune.txt"), "--text").stdout
    assert "the port\u2019s owner said" in decoded and "killed 6\u00a0workers" in decoded
