"""Read article files into `Article`s: text exactly as on disk, metadata, body spans.

Metadata comes from YAML front matter or the folder's `manifest.toml` (front matter
wins for a key both give). Page chrome is recognised by general cues kept in
`knowledge/chrome.toml` and left out of `Article.body`; the text itself is never
altered, so every offset stays an offset into the file.
"""

from __future__ import annotations

import codecs
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import charset_normalizer
import yaml

from factcheck.config import is_zone, unknown_keys
from factcheck.errors import InputError, warn
from factcheck.knowledge import load
from factcheck.types import Article, Claim
from factcheck.webpage import PAGE_SUFFIXES, extract_page, is_page

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", *PAGE_SUFFIXES)
MANIFEST = "manifest.toml"
METADATA_KEYS = ("outlet", "title", "url", "published", "timezone", "version")
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(\r?\n|\Z)", re.DOTALL)
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
MAX_ARTICLE_BYTES = 5_000_000
"""More than any one article, even a saved page with its scripts: a larger file is a mistake (a feed, a book)."""
BYTE_ORDER_MARKS = (
    # UTF-32's little-endian mark begins with UTF-16's, so it is tried first
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
DECLARED_ENCODINGS = frozenset(codec for _, codec in BYTE_ORDER_MARKS)
"""Encodings read for certain (UTF-8, or named by a byte-order mark); any other was detected, and is noted."""
WESTERN = "cp1252"
BINARY = "is a binary file, not article text; save the article as .txt, .md or .html"


def discover(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """The article files named by `paths` (files, or folders read one level deep), each once,
    and the other entries of those folders, which are not read."""
    found: list[Path] = []
    others: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InputError(path, "no such file or folder")
        if path.is_dir():
            entries = sorted(p for p in path.iterdir() if not p.name.startswith(".") and p.name != MANIFEST)
            files = [p for p in entries if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES]
            if not files:
                raise InputError(path, f"folder holds no article files ({', '.join(ARTICLE_SUFFIXES)})")
            found.extend(files)
            others.extend(sorted(set(entries) - set(files)))
        else:
            found.append(path)
    once = {p.resolve(): p for p in reversed(found)}
    return [p for p in found if once[p.resolve()] is p], others


def read_articles(paths: list[Path], role: str = "source") -> list[Article]:
    """Every article named by `paths`, in a stable order."""
    return [read_article(path, role=role) for path in discover(paths)[0]]


def read_sources(paths: list[Path]) -> tuple[list[Article], list[str]]:
    """The articles to compare, each text once, and a line for every file left out, saying why.

    A second copy of one article (same text and version, and the same outlet when one is
    given) would only agree with itself; two outlets carrying one text are kept, as wire
    copies. Two files that would share an id could not be told apart in a citation.
    """
    files, others = discover(paths)
    skipped = [f"{p}: {'a folder' if p.is_dir() else 'not an article file'}; only {', '.join(ARTICLE_SUFFIXES)} files directly in a folder are read" for p in others]
    texts: dict[str, list[Article]] = {}
    ids: dict[str, Article] = {}
    for article in map(read_article, files):
        same_text = texts.setdefault(" ".join(article.text.split()), [])
        twin = next((kept for kept in same_text if is_copy(article, kept)), None)
        if twin is not None:
            skipped.append(f"{article.path}: the same text as {twin.path}, so it is compared once")
            continue
        if article.id in ids:
            raise InputError(article.path, f"has the same name as {ids[article.id].path}; rename one so citations can tell them apart")
        same_text.append(article)
        ids[article.id] = article
    return list(ids.values()), skipped


def is_copy(article: Article, kept: Article) -> bool:
    """Whether two articles of one text are one story: same version, and no two different outlets given."""
    given = {a.outlet for a in (article, kept) if a.outlet != a.id}
    return article.version == kept.version and len(given) <= 1


def reading_notes(articles: list[Article], claims: list[Claim]) -> list[str]:
    """What an editor should know about how the files were read: a guessed encoding, a file with no sentences."""
    cited = {c.article for c in claims if c.part == "body"}
    notes = [
        f"{a.path} is not UTF-8; it was read as {a.encoding} (detected). If letters in its quotes look wrong, "
        "save it as UTF-8."
        for a in articles
        if a.encoding not in DECLARED_ENCODINGS
    ]
    notes += [
        f"{a.path} has no sentences to compare (only headings, captions or page furniture were found); "
        "check that it holds the article's text."
        for a in articles
        if a.id not in cited
    ]
    return notes


def read_article(path: Path, role: str = "source") -> Article:
    text, encoding = read_text(path)
    # a web page's text is what trafilatura extracts; what the page declares ranks below the manifest
    text, page = extract_page(path, text) if is_page(path) else (text, {})
    meta, body_start = front_matter(path, text)
    merged = {**page, **manifest_entry(path), **meta}
    body, captions, headings = layout(text, body_start)
    title = merged.get("title") or first_headline(text, body_start)
    return Article(
        id=path.stem,
        path=path,
        outlet=str(merged.get("outlet") or path.stem),
        text=text,
        body=body,
        captions=captions,
        headings=headings,
        title=str(title) if title else None,
        url=str(merged["url"]) if merged.get("url") else None,
        published=parse_published(path, merged.get("published")),
        timezone=parse_timezone(path, merged.get("timezone")),
        version=parse_version(path, merged.get("version")),
        role=role,
        encoding=encoding,
    )


def read_text(path: Path) -> tuple[str, str]:
    """The file's text exactly as decoded (line ends and every character kept), and its encoding."""
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise InputError(
                path,
                f"is {size / 1e6:.1f} MB, over the {MAX_ARTICLE_BYTES / 1e6:.0f} MB limit for one article; "
                "save only the article's text",
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file or folder") from None
    except PermissionError:
        raise InputError(path, "cannot be read: permission denied; give yourself read access (chmod u+r)") from None
    except OSError as error:
        raise InputError(path, f"cannot be read ({error.strerror or error})") from None
    text, encoding = decode(path, raw)
    if not text.strip():
        raise InputError(path, "is empty; save the article's text in it or remove it")
    return text, encoding


def decode(path: Path, raw: bytes) -> tuple[str, str]:
    """Text from bytes: by a byte-order mark, else as UTF-8, else in the encoding charset-normalizer detects."""
    for mark, codec in BYTE_ORDER_MARKS:
        if raw.startswith(mark):
            try:
                return raw[len(mark) :].decode(codec), codec
            except UnicodeDecodeError as error:
                raise InputError(
                    path, f"starts with a {codec} byte-order mark but is not {codec} text (byte {error.start}); save it as UTF-8"
                ) from None
    if b"\x00" not in raw:
        try:
            return raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    encoding = detect_encoding(raw)
    text = raw.decode(encoding) if encoding else ""
    if encoding is None or is_binary(text):
        if b"\x00" in raw or is_binary(raw.decode("latin-1")):
            raise InputError(path, BINARY)
        raise InputError(path, "is not UTF-8 and its encoding could not be recognised; save it as UTF-8 text")
    return text, encoding


def detect_encoding(raw: bytes) -> str | None:
    """charset-normalizer's reading with the least mess, Windows-1252 among equals.

    On a short text several 8-bit encodings read equally clean; Windows-1252 (of which
    Latin-1's printable range is a part) is what Western newsroom tools write.
    """
    matches = list(charset_normalizer.from_bytes(raw))
    if not matches:
        return None
    least = min(m.chaos for m in matches)
    if any(m.chaos == least and WESTERN in m.could_be_from_charset for m in matches):
        try:
            raw.decode(WESTERN)
            return WESTERN
        except UnicodeDecodeError:
            pass
    return matches[0].encoding


def is_binary(text: str) -> bool:
    """Whether decoded text holds control characters that no article has (NUL, or more than 1% others)."""
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    return "\x00" in text or controls > 0.01 * len(text)


SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader where PyYAML was built with it: the same answers, many times faster."""


def front_matter(path: Path, text: str) -> tuple[dict[str, Any], int]:
    """The front matter's keys and the offset where the article text begins."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    try:
        data = yaml.load(match.group(1), Loader=SAFE_LOADER) or {}
    except (yaml.YAMLError, ValueError) as error:
        problem = " ".join(str(error).split("\n")[0].split())
        raise InputError(path, f"malformed front matter ({problem}); fix the YAML between the `---` lines") from None
    if not isinstance(data, dict):
        raise InputError(path, "front matter is not a mapping of keys to values (write `key: value` lines)")
    for warning in unknown_keys(path, "", {str(k): v for k, v in data.items()}, METADATA_KEYS):
        warn(f"{warning}, in its front matter")
    return {k: v for k, v in data.items() if k in METADATA_KEYS}, match.end()


def manifest_entry(path: Path) -> dict[str, Any]:
    return read_manifest(path.parent.resolve()).get(path.name, {})


@cache
def read_manifest(folder: Path) -> dict[str, dict[str, Any]]:
    """The folder's manifest as {file name: keys}; empty when there is none.

    Keys it does not know are warned about (a misspelt key would otherwise change
    nothing, silently); an entry naming no file in the folder likewise.
    """
    manifest = folder / MANIFEST
    if not manifest.is_file():
        return {}
    try:
        # utf-8-sig: editors on Windows save a byte-order mark that TOML does not allow
        data = tomllib.loads(manifest.read_text("utf-8-sig"))
    except tomllib.TOMLDecodeError as error:
        raise InputError(manifest, f"malformed TOML ({error}); fix it or remove the manifest") from None
    except UnicodeDecodeError as error:
        raise InputError(manifest, f"is not UTF-8 text (byte {error.start}); save it as UTF-8") from None
    except OSError as error:
        raise InputError(manifest, f"cannot be read ({error.strerror or error})") from None
    for warning in unknown_keys(manifest, "", data, ("article",)):
        warn(warning)
    table = data.get("article", [])
    if not isinstance(table, list) or not all(isinstance(entry, dict) for entry in table):
        raise InputError(manifest, "`article` must be a list of [[article]] tables, one per file")
    entries: dict[str, dict[str, Any]] = {}
    for entry in table:
        name = entry.get("file")
        if not isinstance(name, str):
            raise InputError(manifest, "an [[article]] entry has no `file = \"NAME\"`")
        target = (folder / name).resolve()
        if folder not in target.parents:
            raise InputError(manifest, f"`file = {name!r}` points outside the folder; name a file inside it")
        for warning in unknown_keys(manifest, "", entry, ("file", *METADATA_KEYS)):
            warn(f"{warning}, in the [[article]] for {name}")
        if not target.is_file():
            warn(f"{manifest}: `file = {name!r}` names no file in the folder; its entry is ignored")
        entries[target.name] = {k: v for k, v in entry.items() if k in METADATA_KEYS}
    return entries


def parse_published(path: Path, value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        raise InputError(
            path, f"`published` is not an ISO 8601 date-time: {value!r} (write e.g. 2024-03-02T10:00:00+01:00)"
        ) from None


def parse_timezone(path: Path, value: Any) -> str | None:
    if value is None or is_zone(value):
        return value
    raise InputError(path, f"`timezone` {value!r} is not an IANA time zone (write e.g. Europe/Lisbon)")


def parse_version(path: Path, value: Any) -> int | None:
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    raise InputError(path, f"`version` must be a whole number (1, 2, ...), not {value!r}")


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str


def lines_of(text: str, start: int) -> list[Line]:
    """Logical lines from `start`, stripped, with their offsets in `text`.

    A hard-wrapped line (long, not ending a sentence, or followed by a lower-case
    continuation) is joined with the next, so a wrapped sentence stays one line.
    """
    physical = []
    for match in re.finditer(r"[^\r\n]+", text[start:]):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            begin = start + match.start() + len(raw) - len(raw.lstrip())
            physical.append((begin, begin + len(stripped)))
    wrapped = is_hard_wrapped([end - begin for begin, end in physical])
    lines: list[Line] = []
    for begin, end in physical:
        if lines and continues(lines[-1].text, text[begin:end], text[lines[-1].end : begin], wrapped):
            begin = lines.pop().start
        lines.append(Line(begin, end, text[begin:end]))
    return lines


def is_hard_wrapped(lengths: list[int]) -> bool:
    """Whether the file breaks its paragraphs into lines of a fixed width."""
    long_lines = sorted(n for n in lengths if n >= 40)
    return len(long_lines) >= 5 and long_lines[int(0.9 * (len(long_lines) - 1))] <= 100


def continues(previous: str, line: str, gap: str, wrapped: bool) -> bool:
    """Whether `line` carries on the sentence that `previous` broke off."""
    if gap.count("\n") > 1 or SENTENCE_END.search(previous):
        return False
    return line[:1].islower() or (wrapped and len(previous) >= 40)


def compile_any(patterns: list[str]) -> re.Pattern[str]:
    """One pattern that matches where any of `patterns` does: one scan of a line, not one per cue."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@cache
def chrome_patterns() -> tuple[re.Pattern[str], re.Pattern[str], int]:
    table = load("chrome")
    line = compile_any([*table["line"], *table["caption"], table["rights"]])
    return line, compile_any(table["footer_start"]), int(table["min_words_unpunctuated"])


def is_chrome(line: str) -> bool:
    """Whether a line is not article text: page chrome, or a heading (a markdown one however long)."""
    line = " ".join(line.split())
    patterns, _, min_words = chrome_patterns()
    if patterns.search(line) or heading_cues()[1].match(line):
        return True
    return not SENTENCE_END.search(line) and len(line.split()) < min_words


def footer_start(lines: list[Line], chrome: list[bool]) -> int:
    """Where a chrome footer begins (a newsletter pitch, a membership offer): the index of
    a line that starts one and after which most lines are chrome; len(lines) when none does."""
    _, starts, _ = chrome_patterns()
    for i, line in enumerate(lines):
        if starts.search(line.text) and sum(chrome[i:]) >= 0.6 * len(chrome[i:]):
            return i
    return len(lines)


Spans = tuple[tuple[int, int], ...]


class Layout(NamedTuple):
    """Where a file's article text, captions and headings are, each as character spans."""

    body: Spans
    captions: Spans
    headings: Spans


def layout(text: str, start: int = 0) -> Layout:
    """A file's lines sorted once into body text (chrome lines and a chrome footer left out),
    captions (their credit left out) and headings (a markdown marker left out)."""
    lines = lines_of(text, start)
    chrome = [is_chrome(line.text) for line in lines]
    end = footer_start(lines, chrome)
    body = tuple((line.start, line.end) for line, junk in zip(lines[:end], chrome) if not junk)
    _, markdown, _, _ = heading_cues()
    headings = []
    for line, junk in zip(lines[:end], chrome):
        if junk and is_heading(line.text):
            marker = markdown.match(line.text)
            headings.append((line.start + (marker.end() if marker else 0), line.end))
    captions = []
    for line in lines:
        if caption_patterns().search(" ".join(line.text.split())):
            credit = CREDIT.search(line.text)
            caption_end = line.start + credit.start() if credit else line.end
            if caption_end > line.start:
                captions.append((line.start, caption_end))
    return Layout(body, tuple(captions), tuple(headings))


@cache
def heading_cues() -> tuple[dict[str, Any], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    table = load("chrome")["heading"]
    return table, re.compile(table["markdown"]), compile_any(table["not_heading"]), compile_any(table["claim_like"])


def is_heading(line: str) -> bool:
    """Whether a line left out as chrome is a headline or subheading that states something.

    It is marked as a markdown heading, or is chrome only for being short and
    unpunctuated and begins with a capital or a figure; it is not in capitals
    throughout (a section label), not a menu, label, dateline or credit, and reads as
    a claim (a figure or a verb).
    """
    table, markdown, not_heading, claim_like = heading_cues()
    flat = " ".join(line.split())
    marker = markdown.match(flat)
    line = flat[marker.end() :] if marker else flat
    patterns, _, _ = chrome_patterns()
    letters = [ch for ch in line if ch.isalpha()]
    plain_heading = (
        not SENTENCE_END.search(line)
        and len(line.split()) <= table["max_words"]
        and (line[:1].isupper() or line[:1].isdigit())
    )
    return (
        (bool(marker) or plain_heading)
        and len(line.split()) >= table["min_words"]
        and not all(ch.isupper() for ch in letters)
        and not patterns.search(line)
        and not not_heading.search(line)
        and claim_like.search(line) is not None
    )


@cache
def caption_patterns() -> re.Pattern[str]:
    return compile_any(load("chrome")["caption"])


CREDIT = re.compile(r"\s*\([^()]*\)\s*$")


def first_headline(text: str, start: int) -> str | None:
    """The first line that reads as a headline: short and not a sentence."""
    patterns, _, _ = chrome_patterns()
    _, markdown, _, _ = heading_cues()
    for line in lines_of(text, start)[:3]:
        if not SENTENCE_END.search(line.text) and not patterns.search(line.text):
            return markdown.sub("", line.text)
    return None
