"""Ingest: metadata, page chrome left out by general cues, offsets into the file, clear errors."""

from __future__ import annotations

import codecs
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import ingest
from factcheck.errors import InputError
from factcheck.ingest import layout, read_article, read_articles, read_sources, reading_notes
from factcheck.pipeline import claims_of
from factcheck.segment import MAX_SENTENCE_CHARS, segment
from tests.conftest import SAMPLE


def body_text(text: str) -> list[str]:
    return [text[s:e] for s, e in layout(text).body]


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
    assert len(layout(text).body) == 2


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
    [(b"", "is empty"), (b"   \n\n", "is empty"), (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"), (bytes(range(0x80, 0x100)) * 4, "binary")],
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


QUOTE = "The harbour master said \u201cabout 40 boats\u201d were damaged in the storm at Sainte-\u00c9lise on Tuesday.\n"
FRENCH = "Le caf\u00e9 a br\u00fbl\u00e9 \u00e0 Montr\u00e9al mardi; la m\u00e8re et l'\u00e9l\u00e8ve sont saines et sauves.\n"


@pytest.mark.parametrize(
    ("raw", "text", "encoding"),
    [
        (QUOTE.encode("cp1252"), QUOTE, "cp1252"),
        (FRENCH.encode("latin-1"), FRENCH, "cp1252"),
        (codecs.BOM_UTF16_LE + QUOTE.encode("utf-16-le"), QUOTE, "utf-16-le"),
        (codecs.BOM_UTF16_BE + QUOTE.encode("utf-16-be"), QUOTE, "utf-16-be"),
        (codecs.BOM_UTF8 + QUOTE.encode("utf-8"), QUOTE, "utf-8"),
        ("Пожар в порту: погибли три человека, сообщила полиция в среду утром.\n".encode("cp1251"), None, "cp1251"),
    ],
)
def test_other_encodings_are_decoded_and_spans_index_the_decoded_text(
    tmp_path: Path, raw: bytes, text: str | None, encoding: str
) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(raw)
    article = read_article(path)
    assert article.encoding == encoding
    if text is not None:
        assert article.text == text
    for claim in segment(article):
        assert article.text[claim.start : claim.end] == claim.text


def test_a_guessed_encoding_is_noted_and_utf8_is_not(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_bytes(QUOTE.encode("cp1252"))
    (tmp_path / "new.txt").write_text(QUOTE.replace("40", "50"), encoding="utf-8")
    articles, _ = read_sources([tmp_path])
    notes = reading_notes(articles, [c for a in articles for c in segment(a)])
    assert len(notes) == 1 and "old.txt is not UTF-8; it was read as cp1252" in notes[0] and "save it as UTF-8" in notes[0]


def test_a_broken_byte_order_mark_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + b"A\x00B")
    with pytest.raises(InputError, match="byte-order mark.*save it as UTF-8"):
        read_article(path)


def test_crlf_line_ends_are_kept_and_offsets_round_trip(tmp_path: Path) -> None:
    text = "Dam Breach Floods Valley\r\n\r\nThe dam gave way at 3 a.m., officials said.\r\nWater reached 12 villages.\r\n\r\nRescuers saved 40 people.\r\n"
    path = tmp_path / "dam.txt"
    path.write_bytes(text.encode("utf-8"))
    article = read_article(path)
    assert article.text == text
    claims = claims_of(article)
    assert [c.text for c in claims] == [
        "The dam gave way at 3 a.m., officials said.", "Water reached 12 villages.", "Rescuers saved 40 people.", "Dam Breach Floods Valley"
    ]
    assert [(c.paragraph, c.part) for c in claims] == [(2, "body"), (2, "body"), (3, "body"), (1, "heading")]
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
        assert all(text[f.start : f.end] == f.text and claim.start <= f.start <= f.end <= claim.end for f in claim.facts)


def test_non_breaking_and_zero_width_spaces_keep_sentences_and_spans(tmp_path: Path) -> None:
    text = "\ufeffA\u00a0tanker ran aground off the\u200b coast on Sunday.\u00a0\u00a0Crews\u200b removed 300\u00a0tonnes of fuel, the coastguard\u2060 said.\n"
    path = tmp_path / "tanker.txt"
    path.write_text(text, encoding="utf-8")
    article = read_article(path)
    claims = claims_of(article)
    assert len(claims) == 2
    for claim in claims:
        assert article.text[claim.start : claim.end] == claim.text
        assert all(article.text[f.start : f.end] == f.text for f in claim.facts)


def test_a_very_long_line_is_read_in_linear_time_and_cut_into_bounded_claims() -> None:
    words = "the wildfire spread along the ridge towards 40 homes while crews said winds were rising".split()
    text = " ".join(words[i % len(words)] for i in range(100_000))
    begun = time.perf_counter()
    claims = segment(ingest.Article(id="a", path=Path("a.txt"), outlet="a", text=text, body=layout(text).body))
    assert time.perf_counter() - begun < 10
    assert len(claims) > 100 and all(len(c.text) <= MAX_SENTENCE_CHARS for c in claims)
    assert all(text[c.start : c.end] == c.text for c in claims)


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_bytes(b"A bridge fell. " * (ingest.MAX_ARTICLE_BYTES // 15 + 1))
    with pytest.raises(InputError, match="over the 5 MB limit for one article") as error:
        read_article(path)
    assert str(path) in str(error.value)


def test_a_file_with_no_sentences_is_noted_not_an_error(tmp_path: Path) -> None:
    (tmp_path / "menu.txt").write_text("Home\nWorld\nSport\nSign up for our newsletter\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text("Hail flattened crops across 200 farms on Friday, growers said.\n", encoding="utf-8")
    articles, skipped = read_sources([tmp_path])
    notes = reading_notes(articles, [c for a in articles for c in segment(a)])
    assert skipped == []
    assert notes == [f"{tmp_path / 'menu.txt'} has no sentences to compare (only headings, captions or page furniture were found); check that it holds the article's text."]


def test_a_duplicate_file_is_compared_once_and_named_as_skipped(tmp_path: Path) -> None:
    story = "A gas explosion destroyed a bakery on Main Street early on Saturday, police said.\n"
    (tmp_path / "a.txt").write_text(story, encoding="utf-8")
    (tmp_path / "copy of a.txt").write_bytes(story.replace("\n", "\r\n").encode("utf-8"))
    (tmp_path / "b.txt").write_text(story, encoding="utf-8")
    (tmp_path / "manifest.toml").write_text(
        '[[article]]\nfile = "a.txt"\noutlet = "Town Crier"\n[[article]]\nfile = "b.txt"\noutlet = "Wire Service"\n',
        encoding="utf-8",
    )
    articles, skipped = read_sources([tmp_path])
    assert [a.path.name for a in articles] == ["a.txt", "b.txt"], "two outlets carrying one text are both kept"
    assert skipped == [f"{tmp_path / 'copy of a.txt'}: the same text as {tmp_path / 'a.txt'}, so it is compared once"]


def test_the_same_file_named_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A ferry capsized on the lake on Sunday.\n", encoding="utf-8")
    articles, skipped = read_sources([tmp_path, tmp_path / "a.txt"])
    assert len(articles) == 1 and skipped == []


def test_two_files_that_would_share_an_id_are_an_error(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text("A ferry capsized on the lake on Sunday.\n", encoding="utf-8")
    (tmp_path / "report.md").write_text("A ferry sank on the lake on Monday.\n", encoding="utf-8")
    with pytest.raises(InputError, match="same name as .*report.md; rename one"):
        read_sources([tmp_path])


def test_files_that_are_not_articles_are_named_as_skipped(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A ferry capsized on the lake on Sunday.\n", encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "older").mkdir()
    (tmp_path / ".DS_Store").write_bytes(b"\x00")
    (tmp_path / "manifest.toml").write_text("", encoding="utf-8")
    _, skipped = read_sources([tmp_path])
    assert [line.split(":")[0] for line in skipped] == [str(tmp_path / "older"), str(tmp_path / "scan.pdf")]
    assert all("only .txt, .md" in line for line in skipped)


def test_an_unreadable_file_says_how_to_fix_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("A storm hit the coast.\n", encoding="utf-8")

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(InputError, match="permission denied; give yourself read access") as error:
        read_article(path)
    assert str(path) in str(error.value)


def write_manifest(folder: Path, manifest: str) -> Path:
    (folder / "manifest.toml").write_text(manifest, encoding="utf-8")
    (folder / "a.txt").write_text("A fire broke out on Friday.\n", encoding="utf-8")
    return folder / "a.txt"


def test_unknown_manifest_keys_are_warned_about_one_line_each(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = write_manifest(
        tmp_path, 'source = "x"\n[[article]]\nfile = "a.txt"\noutlet = "Gazette"\noutelt = "typo"\nauthor = "J. Roe"\n'
    )
    assert read_article(path).outlet == "Gazette"
    lines = capsys.readouterr().err.splitlines()
    manifest = str(tmp_path / "manifest.toml")
    assert len(lines) == 3 and all(line.startswith(f"factcheck: warning: {manifest}: unknown key") for line in lines)
    assert "`source`" in lines[0] and "`outelt` ignored (did you mean `outlet`?), in the [[article]] for a.txt" in lines[1]
    assert "`author` ignored, in the [[article]] for a.txt" in lines[2]


def test_a_manifest_entry_for_a_missing_file_is_warned_about(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    read_article(write_manifest(tmp_path, '[[article]]\nfile = "gone.txt"\noutlet = "X"\n'))
    assert "`file = 'gone.txt'` names no file in the folder" in capsys.readouterr().err


def test_unknown_front_matter_keys_are_warned_about(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\noutlet: Gazette\ntimezon: Europe/Paris\n---\nA fire broke out on Friday.\n", encoding="utf-8")
    read_article(path)
    assert "a.md: unknown key `timezon` ignored (did you mean `timezone`?), in its front matter" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("manifest", "problem"),
    [
        ('[[article]\nfile = "a.txt"\n', "malformed TOML .*; fix it or remove the manifest"),
        ('[article]\nfile = "a.txt"\n', "must be a list of \\[\\[article\\]\\] tables"),
        ('[[article]]\noutlet = "X"\n', "entry has no `file"),
        ('[[article]]\nfile = "a.txt"\nversion = "second"\n', "`version` must be a whole number"),
        ('[[article]]\nfile = "a.txt"\ntimezone = "Mars/Olympus"\n', "not an IANA time zone"),
        ('[[article]]\nfile = "a.txt"\npublished = "last Tuesday"\n', "not an ISO 8601 date-time"),
    ],
)
def test_a_bad_manifest_is_one_clear_error(tmp_path: Path, manifest: str, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        read_article(write_manifest(tmp_path, manifest))


def test_a_manifest_saved_with_a_byte_order_mark_reads_and_one_in_another_encoding_is_refused(tmp_path: Path) -> None:
    path = write_manifest(tmp_path, "")
    (tmp_path / "manifest.toml").write_bytes(codecs.BOM_UTF8 + '[[article]]\nfile = "a.txt"\noutlet = "Gazette"\n'.encode())
    assert read_article(path).outlet == "Gazette"
    other = tmp_path / "other"
    other.mkdir()
    path = write_manifest(other, "")
    (other / "manifest.toml").write_bytes('[[article]]\nfile = "a.txt"\noutlet = "Caf\u00e9"\n'.encode("cp1252"))
    with pytest.raises(InputError, match="manifest.toml: is not UTF-8 text .*save it as UTF-8"):
        read_article(path)


@pytest.mark.parametrize(
    ("front", "problem"),
    [
        ("outlet: [unclosed", "malformed front matter"),
        ("published: 2024-13-45", "malformed front matter"),
        ("- just\n- a list", "not a mapping"),
    ],
)
def test_bad_front_matter_is_one_clear_error(tmp_path: Path, front: str, problem: str) -> None:
    path = tmp_path / "a.md"
    path.write_text(f"---\n{front}\n---\nA fire broke out on Friday.\n", encoding="utf-8")
    with pytest.raises(InputError, match=problem) as error:
        read_article(path)
    assert "\n" not in str(error.value)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=600),
        st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.text(alphabet="---\n:abc \r\t\u00a0\u200b.!?\"'", max_size=120).map(str.encode),
        st.sampled_from(["utf-16", "cp1252", "latin-1", "utf-32"]).flatmap(
            lambda codec: st.text(max_size=200).map(lambda t: t.encode(codec, "ignore"))
        ),
    ),
    st.sampled_from([".txt", ".md"]),
)
def test_any_bytes_become_an_article_with_inside_spans_or_an_input_error(raw: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"article{suffix}"
        path.write_bytes(raw)
        try:
            article = read_article(path)
        except InputError as error:
            assert "\n" not in str(error)
            return
        for start, end in article.body:
            assert 0 <= start < end <= len(article.text)
        for start, end in article.headings:
            assert 0 <= start < end <= len(article.text)
            assert not any(s < end and start < e for s, e in article.body), "a heading is never body too"
