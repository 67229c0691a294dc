"""The `factcheck` command: parses options, calls the pipeline, prints, sets the exit code.

Exit codes: 0 nothing at or above `--fail-on`; 1 findings at or above it; 2 bad
usage or unreadable input, with one line naming the file and the problem.
"""

from __future__ import annotations

import inspect
import sys
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from tabulate import tabulate

from factcheck.errors import InputError, UsageError
from factcheck.rules.common import SEVERITIES

if TYPE_CHECKING:
    from factcheck.config import Config

app = typer.Typer(no_args_is_help=True, add_completion=False, help="Cross-check reports of one event and cite where they disagree.")


def show_version(asked: bool) -> None:
    if asked:
        from importlib.metadata import version

        typer.echo(f"factcheck {version('factcheck')}")
        raise typer.Exit()


@app.callback()
def options(
    version: Annotated[
        bool, typer.Option("--version", callback=show_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Cross-check reports of one event and cite where they disagree."""


class Format(str, Enum):
    md = "md"
    json = "json"


class FailOn(str, Enum):
    high = "high"
    medium = "medium"
    low = "low"
    never = "never"


def codes(value: Optional[str]) -> tuple[str, ...]:
    return tuple(c.strip() for c in (value or "").split(",") if c.strip())


def settings(select: Optional[str], ignore: Optional[str], fail_on: Optional[FailOn]) -> Config:
    """The working folder's configuration, with the options given on the command line over it."""
    from factcheck.config import load_config

    config = load_config(Path.cwd())
    for warning in config.warnings:
        typer.echo(f"factcheck: warning: {warning}", err=True)
    given = {
        "select": codes(select) if select is not None else None,
        "ignore": codes(ignore) if ignore is not None else None,
        "fail_on": fail_on.value if fail_on is not None else None,
    }
    return replace(config, **{key: value for key, value in given.items() if value is not None})


def fails(severities: list[str], fail_on: FailOn) -> bool:
    if fail_on is FailOn.never:
        return False
    limit = SEVERITIES.index(fail_on.value)
    return any(SEVERITIES.index(s) <= limit for s in severities)


@app.command("check")
def check_command(
    paths: Annotated[list[Path], typer.Argument(help="Article files, or folders of them.")],
    draft: Annotated[Optional[Path], typer.Option(help="The editor's draft, checked against the sources.")] = None,
    format: Annotated[Format, typer.Option("--format", help="Report format.")] = Format.md,
    out: Annotated[Optional[Path], typer.Option(help="Write the report here instead of standard output.")] = None,
    model: Annotated[Optional[str], typer.Option(help="sentence-transformers model name or local path.")] = None,
    fail_on: Annotated[
        Optional[FailOn], typer.Option(help="Exit 1 when a conflict is at least this severe.", show_default="high")
    ] = None,
    select: Annotated[Optional[str], typer.Option(help="Only these rule codes or kind letters, comma-separated.")] = None,
    ignore: Annotated[Optional[str], typer.Option(help="Leave out these rule codes or kind letters.")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the embedding cache.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars on stderr.")] = False,
) -> None:
    """Check several reports of one event against each other (and a draft against them)."""
    from factcheck.embed import DEFAULT_MODEL
    from factcheck.output import write_atomically
    from factcheck.pipeline import CheckOptions, check
    from factcheck.progress import Stages
    from factcheck.report import render_json, render_markdown
    from factcheck.rules import unknown_codes

    bad = unknown_codes([*codes(select), *codes(ignore)])
    if bad:
        raise UsageError(f"unknown rule code or letter: {', '.join(bad)} (see `factcheck rules`)")
    config = settings(select, ignore, fail_on)
    options = CheckOptions(
        model=model or DEFAULT_MODEL,
        select=config.select,
        ignore=config.ignore,
        default_zone=config.default_timezone,
        align=config.thresholds,
        cache=not no_cache,
    )
    result = check(paths, draft=draft, options=options, stages=Stages(show=sys.stderr.isatty() and not quiet))
    text = render_json(result) if format is Format.json else render_markdown(result)
    if out is None:
        sys.stdout.write(text)
    else:
        write_atomically(out, text, [*paths, *([draft] if draft else [])])
        typer.echo(f"wrote {out} ({len(result.discrepancies)} findings)", err=True)
    severities = [d.severity for d in result.discrepancies if d.status == "conflict" and (draft is None or d.between == "draft")]
    raise typer.Exit(1 if fails(severities, FailOn(config.fail_on)) else 0)


@app.command("claims")
def claims_command(
    paths: Annotated[list[Path], typer.Argument(help="Article files, or folders of them.")],
    text: Annotated[
        bool, typer.Option("--text", help="Print the text that offsets count in (a web page's extracted text).")
    ] = False,
) -> None:
    """List the claims and facts extracted from each article."""
    from factcheck.ingest import read_articles
    from factcheck.pipeline import claims_of

    for article in read_articles(paths):
        if text:
            # exactly Article.text on stdout, so offsets into the output are offsets into the article
            typer.echo(f"==> {article.path} <==", err=True)
            sys.stdout.write(article.text)
            continue
        rows = [
            [
                c.paragraph,
                f"{c.start}–{c.end}",
                " ".join(c.text.split()),
                "; ".join(f"{type(f).__name__}: {f.text}" for f in c.facts) + (" [background]" if c.background else ""),
            ]
            for c in claims_of(article)
        ]
        typer.echo(f"\n{article.path} ({article.outlet})")
        typer.echo(tabulate(rows, headers=["¶", "chars", "claim", "facts"], maxcolwidths=[None, None, 70, 50]))


@app.command("rules")
def rules_command(
    code: Annotated[Optional[str], typer.Argument(help="A rule code, to print its documentation.")] = None,
) -> None:
    """List the rules, or print one rule's documentation."""
    from factcheck.rules import RULES

    if code is None:
        rows = [[r.code, r.name, r.kind, r.summary] for r in RULES.values()]
        typer.echo(tabulate(rows, headers=["code", "name", "kind", "flags"]))
        return
    rule = RULES.get(code.strip().upper())
    if rule is None:
        raise UsageError(f"no rule {code!r} (see `factcheck rules`)")
    typer.echo(f"{rule.code} ({rule.name}), kind {rule.kind}\n")
    typer.echo(inspect.cleandoc(rule.doc))


def main() -> None:
    """Run the app; a user's mistake becomes one line on stderr and exit code 2.

    Typer's standalone mode prints its own usage errors (usage line, the error, exit 2);
    what it lets through is ours: unreadable input and bad rule codes."""
    try:
        app()
    except (InputError, UsageError) as error:
        typer.echo(f"factcheck: error: {error}", err=True)
        sys.exit(2)
