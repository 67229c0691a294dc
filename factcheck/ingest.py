"""Read article files into `Article`s: text exactly as on disk, metadata, body spans.

Metadata comes from YAML front matter or the folder's `manifest.toml` (front matter
wins for a key both give). Page chrome is recognised by general cues kept in
`knowledge/chrome.toml` and left out of `Article.body`; the text itself is never
altered, so every offset stays an offset into the file.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from factcheck.errors import InputError
from factcheck.knowledge import load
from factcheck.types import Article
from factcheck.webpage import PAGE_SUFFIXES, extract_page, is_page

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", *PAGE_SUFFIXES)
MANIFEST = "manifest.toml"
METADATA_KEYS = ("outlet", "title", "url", "published", "timezone", "version")
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(\r?\n|\Z)", re.DOTALL)
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")


def discover(paths: list[Path]) -> list[Path]:
    """The article files named by `paths` (files, or folders read one level deep)."""
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InputError(path, "no such file or folder")
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not files:
                raise InputError(path, f"folder holds no article files ({', '.join(ARTICLE_SUFFIXES)})")
            found.extend(files)
        else:
            found.append(path)
    return found


def read_articles(paths: list[Path], role: str = "source") -> list[Article]:
    """Every article named by `paths`, in a stable order."""
    return [read_article(path, role=role) for path in discover(paths)]


def read_article(path: Path, role: str = "source") -> Article:
    text = read_text(path)
    # a web page's text is what trafilatura extracts; what the page declares ranks below the manifest
    text, page = extract_page(path, text) if is_page(path) else (text, {})
    meta, body_start = front_matter(path, text)
    merged = {**page, **manifest_entry(path), **meta}
    body = body_spans(text, body_start)
    title = merged.get("title") or first_headline(text, body_start)
    return Article(
        id=path.stem,
        path=path,
        outlet=str(merged.get("outlet") or path.stem),
        text=text,
        body=body,
        title=str(title) if title else None,
        url=merged.get("url"),
        published=parse_published(path, merged.get("published")),
        timezone=merged.get("timezone"),
        version=int(merged["version"]) if merged.get("version") is not None else None,
        role=role,
    )


def read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot be read ({error.strerror or error})") from None
    if b"\x00" in raw[:8192]:
        raise InputError(path, "is a binary file, not article text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(path, f"is not UTF-8 text (undecodable byte at offset {error.start})") from None
    if not text.strip():
        raise InputError(path, "is empty")
    return text


def front_matter(path: Path, text: str) -> tuple[dict[str, Any], int]:
    """The front matter's keys and the offset where the article text begins."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    try:
        data = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as error:
        raise InputError(path, f"malformed front matter ({str(error).splitlines()[0]})") from None
    if not isinstance(data, dict):
        raise InputError(path, "front matter is not a mapping of keys to values")
    return {k: v for k, v in data.items() if k in METADATA_KEYS}, match.end()


def manifest_entry(path: Path) -> dict[str, Any]:
    return read_manifest(path.parent.resolve()).get(path.name, {})


@cache
def read_manifest(folder: Path) -> dict[str, dict[str, Any]]:
    """The folder's manifest as {file name: keys}; empty when there is none."""
    manifest = folder / MANIFEST
    if not manifest.is_file():
        return {}
    try:
        data = tomllib.loads(manifest.read_text("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise InputError(manifest, f"malformed TOML ({error})") from None
    entries: dict[str, dict[str, Any]] = {}
    for entry in data.get("article", []):
        name = entry.get("file")
        if not isinstance(name, str):
            raise InputError(manifest, "an [[article]] entry has no `file`")
        target = (folder / name).resolve()
        if folder not in target.parents:
            raise InputError(manifest, f"`file = {name!r}` points outside the folder")
        entries[target.name] = {k: v for k, v in entry.items() if k in METADATA_KEYS}
    return entries


def parse_published(path: Path, value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        raise InputError(path, f"`published` is not an ISO 8601 date-time: {value!r}") from None


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


@cache
def chrome_patterns() -> tuple[list[re.Pattern[str]], list[re.Pattern[str]], int]:
    table = load("chrome")
    compile_all = lambda patterns: [re.compile(p, re.IGNORECASE) for p in patterns]  # noqa: E731
    line = compile_all([*table["line"], table["rights"]])
    return line, compile_all(table["footer_start"]), int(table["min_words_unpunctuated"])


def is_chrome(line: str) -> bool:
    line = " ".join(line.split())
    patterns, _, min_words = chrome_patterns()
    if any(p.search(line) for p in patterns):
        return True
    return not SENTENCE_END.search(line) and len(line.split()) < min_words


def body_spans(text: str, start: int = 0) -> tuple[tuple[int, int], ...]:
    """Spans of the lines that are article text: chrome lines and a chrome footer left out."""
    lines = lines_of(text, start)
    _, footer_start, _ = chrome_patterns()
    chrome = [is_chrome(line.text) for line in lines]
    for i, line in enumerate(lines):
        if any(p.search(line.text) for p in footer_start):
            rest = chrome[i:]
            if sum(rest) >= 0.6 * len(rest):
                chrome[i:] = [True] * len(rest)
                break
    return tuple((line.start, line.end) for line, junk in zip(lines, chrome) if not junk)


def first_headline(text: str, start: int) -> str | None:
    """The first line that reads as a headline: short and not a sentence."""
    patterns, _, _ = chrome_patterns()
    for line in lines_of(text, start)[:3]:
        if not SENTENCE_END.search(line.text) and not any(p.search(line.text) for p in patterns):
            return line.text
    return None
