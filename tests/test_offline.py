"""The tool opens no network connection: the whole pipeline runs with sockets blocked."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.embed import SentenceTransformerEncoder
from factcheck.pipeline import CheckOptions, check
from factcheck.report import render_json, render_markdown


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every way out to the network raises, and is recorded in case something swallows the error."""
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network access is blocked in this test")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_the_whole_pipeline_runs_with_the_real_model_and_no_network(tmp_path: Path, no_network: list[object]) -> None:
    (tmp_path / "a.txt").write_text(
        "A train derailed near the border town on Tuesday, killing 9 passengers, railway officials said.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "At least 12 passengers died when a train came off the tracks near the border on Tuesday, police said.\n",
        encoding="utf-8",
    )
    encoder = SentenceTransformerEncoder()  # loaded here, inside the blocked context
    result = check([tmp_path], options=CheckOptions(cache=False), encoder=encoder)
    assert render_markdown(result) and render_json(result)
    assert result.discrepancies, "the two death tolls should be compared"
    assert no_network == []


def test_plain_text_input_never_imports_the_html_stack(tmp_path: Path) -> None:
    """A broken or missing HTML extra (lxml's cleaner under pip 23) must not stop `.txt` input."""
    (tmp_path / "a.txt").write_text("A bridge collapsed on Tuesday, killing 9 people, police said.\n", encoding="utf-8")
    probe = (
        "import sys; from pathlib import Path; from factcheck.ingest import read_sources; "
        f"read_sources([Path({str(tmp_path)!r})]); "
        "print(sorted(m for m in ('trafilatura', 'justext', 'lxml') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
