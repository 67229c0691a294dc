"""Ingest: metadata, page chrome left out by general cues, offsets into the file, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.errors import InputError
from factcheck.ingest import body_spans, read_article, read_articles
from tests.conftest import SAMPLE


def body_text(text: str) -> list[str]:
    return [text[s:e] for s, e in body_spans(text)]


def test_front_matter_gives_metadata_and_offsets_count_the_whole_file(tmp_path: Path) -> None:
    text = "---\noutlet: Harbour Gazette\npublished: 2024-03-02T10:00:00+01:00\ntimezone: Europe/Lisbon\n---\nThe ferry sank at dawn.\n"
    path = tmp_path / "ferry.md"
    path.write_text(text, encoding="utf-8")
    article = read_article(path)
    assert article.outlet == "Harbour Gazette"
    assert article.published is not None and article.published.utcoffset().total_seconds() == 3600
    (start, end), = article.body
    assert article.text[start:end] == "The ferry sank at dawn."
    assert start == text.index("The ferry")


def test_front_matter_wins_over_manifest(tmp_path: Path) -> None:
    (tmp_path / "manifest.toml").write_text(
        '[[article]]\nfile = "a.txt"\noutlet = "From Manifest"\ntitle = "Manifest title"\n', encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text("---\noutlet: From Front Matter\n---\nA bridge collapsed on Monday.\n", encoding="utf-8")
    article = read_article(tmp_path / "a.txt")
    assert article.outlet == "From Front Matter"
    assert article.title == "Manifest title"


def test_without_metadata_the_outlet_is_the_file_stem(tmp_path: Path) -> None:
    (tmp_path / "river-daily.txt").write_text("The river burst its banks overnight.\n", encoding="utf-8")
    assert read_article(tmp_path / "river-daily.txt").outlet == "river-daily"


@pytest.mark.parametrize(
    "chrome",
    [
        "Skip to main content",
        "Read Next: Mayor Resigns After Budget Row",
        "Related: Storm Season Starts Early",
        "Story Continues",
        "Source: Read Full Article",
        "Firefighters at the scene on Tuesday. (Photo: Jane Roe / City Herald)",
        "Maria Lopez and Tom Hale contributed reporting to this story.",
        "Sign up for our morning newsletter.",
        "Quake Flattens Villages Near Coast",
    ],
)
def test_page_chrome_is_left_out_of_the_body(chrome: str) -> None:
    text = f"{chrome}\n\nThe earthquake struck at 4.45 a.m. on Tuesday, officials said.\n"
    assert body_text(text) == ["The earthquake struck at 4.45 a.m. on Tuesday, officials said."]


def test_a_newsletter_footer_is_cut_as_a_whole() -> None:
    text = (
        "Rescuers pulled 14 people from the rubble, the fire service said.\n\n"
        "Join thousands of readers who get our briefing.\n\nWhat you get:\n\n• Daily Digest\n\n• Weekend Read\n\n"
        "Our writers explain the week in depth.\n\nStart your free trial today.\n"
    )
    assert body_text(text) == ["Rescuers pulled 14 people from the rubble, the fire service said."]


def test_hard_wrapped_sentences_stay_one_line() -> None:
    text = (
        "Floodwater reached the second floor of the hospital on Sunday night, forcing staff\n"
        "to move patients to the roof, the regional health office said in a statement issued\n"
        "on Monday morning after the river peaked at levels not seen since records began.\n"
        "Power was cut to the whole district for most of the night and roads were closed in\n"
        "both directions between the two towns, police said, adding that no one was missing.\n"
    )
    assert len(body_spans(text)) == 2


def test_the_sample_corpus_reads_with_its_manifest() -> None:
    articles = read_articles([SAMPLE])
    assert [a.id for a in articles] == sorted(p.stem for p in SAMPLE.glob("*.txt"))
    assert {a.version for a in articles if a.outlet == "The Washington Post"} == {1, 2}
    for article in articles:
        assert article.published is None
        for start, end in article.body:
            assert article.text[start:end].strip() == article.text[start:end]


@pytest.mark.parametrize(
    ("content", "problem"),
    [(b"", "is empty"), (b"   \n\n", "is empty"), (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"), (b"caf\xe9 \xff\xfe ok", "not UTF-8")],
)
def test_unusable_files_are_one_clear_error(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=problem) as error:
        read_article(path)
    assert str(path) in str(error.value)


def test_missing_path_and_empty_folder_are_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_articles([tmp_path / "missing"])
    with pytest.raises(InputError, match="no article files"):
        read_articles([tmp_path])


def test_a_manifest_entry_outside_the_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "manifest.toml").write_text('[[article]]\nfile = "../elsewhere.txt"\noutlet = "X"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("A fire broke out on Friday.\n", encoding="utf-8")
    with pytest.raises(InputError, match="outside the folder"):
        read_article(tmp_path / "a.txt")
