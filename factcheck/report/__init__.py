"""Two renderers of one `CheckResult`: markdown for editors, JSON for tools."""

from factcheck.report.json import render_json
from factcheck.report.markdown import render_markdown

__all__ = ["render_json", "render_markdown"]
