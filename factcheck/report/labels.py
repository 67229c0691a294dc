"""How both renderers name who said a thing: the outlet, its version, the part of the article, and the speaker it cites."""

from __future__ import annotations

from factcheck.types import Article, Attribution, Claim


def side_label(article: Article, claim: Claim) -> str:
    """The outlet, and the part of its article when the words are not its body (a caption, a heading)."""
    label = article.label
    return label if claim.part == "body" else f"{label}, {claim.part}"


def speakers(claim: Claim) -> list[str]:
    """Whom the claim is attributed to, marked when the outlet flags it as unverified."""
    return [f"{a.speaker} (unverified)" if a.hedged else a.speaker for a in claim.of_type(Attribution)]
