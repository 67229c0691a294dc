"""How both renderers name who said a thing: the outlet, its version, and the speaker it cites."""

from __future__ import annotations

from factcheck.types import Article, Attribution, Claim


def outlet_label(article: Article) -> str:
    """The outlet, with the version when the story has several."""
    return f"{article.outlet} (version {article.version})" if article.version is not None else article.outlet


def speakers(claim: Claim) -> list[str]:
    """Whom the claim is attributed to, marked when the outlet flags it as unverified."""
    return [f"{a.speaker} (unverified)" if a.hedged else a.speaker for a in claim.of_type(Attribution)]
