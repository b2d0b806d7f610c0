"""The privacy policy and terms of use, as the web pages a skill manifest links to.

They are written in Markdown in ``docs/``; this renders the little Markdown they use
(headings, paragraphs, lists, bold) into plain HTML, escaping everything else.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGES = {"privacy": "privacy.md", "terms": "terms.md"}
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_LIST_ITEM = re.compile(r"^(?:[-*]|\d+\.)\s+")


class PageMissing(LookupError):
    """The page's Markdown is not installed (a wheel carries no ``docs/``)."""


def _inline(text: str) -> str:
    return _BOLD.sub(r"<strong>\1</strong>", html.escape(text, quote=False))


def render(markdown: str) -> str:
    """A complete HTML page for ``markdown``."""
    body: list[str] = []
    title = ""
    for block in re.split(r"\n\s*\n", markdown.strip()):
        lines = [line.strip() for line in block.splitlines()]
        if lines[0].startswith("#"):
            level = min(len(lines[0]) - len(lines[0].lstrip("#")), 6)
            text = lines[0].lstrip("#").strip()
            title = title or text
            body.append(f"<h{level}>{_inline(text)}</h{level}>")
            lines = lines[1:]
            if not lines:
                continue
        if _LIST_ITEM.match(lines[0]):
            tag = "ol" if lines[0][0].isdigit() else "ul"
            items: list[str] = []
            for line in lines:
                if _LIST_ITEM.match(line):
                    items.append(_LIST_ITEM.sub("", line))
                else:
                    items[-1] += " " + line
            body.append(f"<{tag}>" + "".join(f"<li>{_inline(i)}</li>" for i in items) + f"</{tag}>")
        else:
            body.append(f"<p>{_inline(' '.join(lines))}</p>")
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title></head><body>{''.join(body)}</body></html>"
    )


def page(name: str, docs: Path = DOCS) -> str:
    """The page ``name`` (``privacy`` or ``terms``) as HTML.

    :raises PageMissing: its Markdown file is not there.
    """
    path = docs / PAGES[name]
    try:
        return render(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PageMissing(f"{PAGES[name]} is not installed with the skill") from exc
