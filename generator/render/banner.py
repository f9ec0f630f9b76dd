"""The notice a live preview puts on every page while the kit has errors: the page shows the
last good version, and says why the latest change is not in it."""

from __future__ import annotations

from generator.errors import ContentError
from generator.render.pages import Page
from generator.text.escape import inline

MAX_LINES = 5


def with_error_banner(page: Page, error: ContentError) -> Page:
    """`page` with a warning at the top of its body (after any front matter)."""
    lines = [diagnostic.format() for diagnostic in error.diagnostics][:MAX_LINES]
    more = len(error.diagnostics) - len(lines)
    body = "\n".join(f"    - {inline(line)}" for line in lines)
    if more > 0:
        body += f"\n    - and {more} more: run `prepkit check`"
    banner = ('!!! failure "Your last change has errors: this page shows the last good '
              f'version"\n\n{body}\n\n')
    text = page.text
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4) + len("\n---\n")
        text = text[:end] + "\n" + banner + text[end:]
    else:
        text = banner + text
    return Page(page.uri, text, page.in_nav)
