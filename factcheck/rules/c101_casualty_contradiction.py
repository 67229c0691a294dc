"""One source reports deaths or injuries where another reports none.

What it flags: claims about the event being reported (not an earlier one) where
one side reports people killed or hurt and the other says no one was, or that no
casualties have been reported. The two sides must speak of compatible harm
(deaths against "no deaths", any harm against "no casualties") and of compatible
groups: a denial that names a group ("no civilians were hurt", "no Britons were
among the victims") answers only a report of harm to that group. Uncertainty ("too early to say",
"casualties are feared") claims nothing and is never flagged. A report of absence
("no immediate reports of casualties") is a conflict too, and the explanation
says it may simply predate the other report; against an editor's draft that gives a
toll it is `explained`, since the draft carries the later figure. A claim about a follow-on event
(an aftershock) is not compared with one about the main event.

Why an editor cares: whether people died is the first fact readers look for;
printing "no casualties" beside a death toll is the error that costs trust.

Example: "Two workers were killed in the blast" against "No one was injured,
the company said": conflict. Against "It was too early to say whether anyone
was hurt": not flagged.
"""

from __future__ import annotations

from factcheck.extract.casualties import GENERIC_GROUPS
from factcheck.rules.common import RuleContext, discrepancy, linked_pairs
from factcheck.facts.occurrence import separate_occurrences
from factcheck.types import Casualty, Claim, ClaimGroup, Discrepancy

CODE = "C101"
NAME = "casualty-contradiction"
NEGATIVE = ("none", "absent_report")
DENIED = {
    "casualties": ("killed", "injured", "casualties"),
    "injured": ("killed", "injured", "casualties"),
    "killed": ("killed", "casualties"),
}
"""What each denial rules out: "no one was hurt" leaves no one killed; "no deaths" leaves injuries open."""


def harmful(c: Casualty) -> bool:
    return c.polarity == "asserted" and (c.high is None or c.high > 0)


def compatible(report: Casualty, denial: Casualty) -> bool:
    outcomes = report.outcome in DENIED[denial.outcome]
    # A denial naming a group ("no Britons", "no civilians") rules out harm to that group only.
    groups = denial.group in GENERIC_GROUPS or report.group == denial.group
    return outcomes and groups


def check(group: ClaimGroup, context: RuleContext) -> list[Discrepancy]:
    found = []
    for a, b, _ in linked_pairs(group):
        if a.background or b.background or separate_occurrences(a, b):
            continue
        for x, y in ((a, b), (b, a)):
            for report in filter(harmful, x.of_type(Casualty)):
                for denial in (d for d in y.of_type(Casualty) if d.polarity in NEGATIVE):
                    if compatible(report, denial):
                        found.append(finding(x, report, y, denial, context))
    return found


def finding(x: Claim, report: Casualty, y: Claim, denial: Casualty, context: RuleContext) -> Discrepancy:
    name_x, name_y = context.name_sides(x, y)
    explanation = f"{name_x} reports “{report.text}”; {name_y} says “{denial.text}”."
    # a draft that gives a toll where a source knew of none yet carries the later figure, as it should
    drafted = denial.polarity == "absent_report" and context.articles[x.article].role == "draft"
    if drafted:
        explanation += " That source knew of no casualties yet: keep the figure and say who gives it."
    elif denial.polarity == "absent_report":
        explanation += (
            " A report that no casualties were known yet may predate the other account; "
            "the copy should carry the later, sourced figure and say who gives it."
        )
    return discrepancy(
        CODE,
        "casualty",
        status="explained" if drafted else "conflict",
        severity="low" if drafted else "high",
        topic="casualties" if report.outcome == "casualties" else f"people {report.outcome}",
        explanation=explanation,
        sides=[(x, report, report.text), (y, denial, denial.text)],
        context=context,
    )
