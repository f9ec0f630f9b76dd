"""Golden files: the exact Markdown of one interview prep page and one contact page.

The pages are rendered from the repository's example kit as of 2026-11-25. After an intended
change to a template, regenerate the files and review the diff:

    UPDATE_GOLDEN=1 python -m pytest tests/test_golden_pages.py
"""

from __future__ import annotations

import difflib
import os
from datetime import date
from pathlib import Path

import pytest
from site_support import REPO_ROOT

from generator.render.site import generate_site

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
GOLDEN_PAGES = {
    "interview-marcus-chen-ux-path.md": "interviews/marcus-chen-ux-path.md",
    "contact-priya-natarajan.md": "contacts/priya-natarajan.md",
}


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    cache = tmp_path_factory.mktemp("cache")
    generate_site(REPO_ROOT / "content", cache, today=date(2026, 11, 25))
    return cache


@pytest.mark.parametrize("golden_name", sorted(GOLDEN_PAGES))
def test_page_matches_its_golden_file(cache_dir: Path, golden_name: str) -> None:
    rendered = (cache_dir / GOLDEN_PAGES[golden_name]).read_text(encoding="utf-8")
    golden = GOLDEN_DIR / golden_name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(rendered, encoding="utf-8", newline="\n")
    expected = golden.read_text(encoding="utf-8")
    if rendered != expected:
        diff = "".join(difflib.unified_diff(
            expected.splitlines(keepends=True), rendered.splitlines(keepends=True),
            fromfile=f"golden/{golden_name}", tofile=f"rendered {GOLDEN_PAGES[golden_name]}"))
        pytest.fail(f"{GOLDEN_PAGES[golden_name]} differs from golden/{golden_name} "
                    f"(UPDATE_GOLDEN=1 rewrites it):\n{diff}", pytrace=False)
