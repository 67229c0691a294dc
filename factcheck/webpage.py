"""Saved web pages: the article's text and the metadata the page declares.

trafilatura (a maintained article-text extractor) drops navigation, banners,
scripts and footers and reads the title, site name, date and URL from the page's
meta tags. The extracted text, one block per paragraph with blank lines between,
is what the pipeline reads: for a web page `Article.text` is this text, not the
HTML, so every offset points into it (`factcheck claims PAGE --text` prints it).
"""

from __future__ import annotations

from pathlib import Path

from factcheck.errors import InputError

PAGE_SUFFIXES = (".html", ".htm")


def is_page(path: Path) -> bool:
    return path.suffix.lower() in PAGE_SUFFIXES


def extract_page(path: Path, html: str) -> tuple[str, dict[str, str]]:
    """The page's article text and its metadata (`title`, `outlet`, `url`, `published`).

    Metadata keys are those of front matter; a key the page does not declare is left out.
    The HTML stack (trafilatura, jusText, lxml) is imported here, only when a page is read.
    """
    import trafilatura
    from trafilatura.xml import xmltotxt

    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_images=False)
    body = document.body if document is not None else None
    blocks = [xmltotxt(block, False).strip() for block in body] if body is not None else []
    text = "\n\n".join(block for block in blocks if block)
    if not text:
        raise InputError(path, "no article text could be extracted from this page")
    found = {
        "title": document.title,
        "outlet": document.sitename or document.hostname,
        "url": document.url,
        "published": document.date,
    }
    return text + "\n", {key: value for key, value in found.items() if value}
