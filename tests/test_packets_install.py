"""`prepkit packets` from a plain `pip install` into a new virtual environment: nothing but
Python packages, no system library for drawing text or PDFs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import venv
from pathlib import Path

import pypdf
import pytest
from conftest import REPO_ROOT
from site_support import copy_example_kit
from test_packets import SCHEDULED, TODAY, page_texts

# What the WeasyPrint renderer needed from the system; none of it may be loaded now.
SYSTEM_LIBRARIES = ("libpango", "libharfbuzz", "libcairo", "libfontconfig", "libgobject")

# Prints the packets with the installed command's own code, then reports which shared
# libraries the process mapped and whether WeasyPrint could be imported.
PRINT_AND_REPORT = textwrap.dedent("""
    import importlib.util, json, sys
    from generator.cli import main
    try:
        main()  # reads its arguments from sys.argv, as the console script does
    except SystemExit as stop:
        if stop.code:
            raise
    with open("/proc/self/maps", encoding="utf-8") as maps:
        libraries = sorted({line.split()[-1] for line in maps if ".so" in line})
    print(json.dumps({"libraries": libraries,
                      "weasyprint": importlib.util.find_spec("weasyprint") is not None}))
""")


@pytest.fixture(scope="module")
def fresh_env(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment with prepkit installed from this checkout by pip."""
    env_dir = tmp_path_factory.mktemp("fresh") / "env"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    environment = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(REPO_ROOT)], check=True,
                   env=environment, timeout=900, capture_output=True)
    return env_dir


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc/self/maps")
def test_packets_print_from_a_fresh_pip_install(fresh_env, tmp_path):
    kit = copy_example_kit(tmp_path / "kit")
    args = ["-f", str(kit / "mkdocs.yml"), "--today", TODAY.isoformat()]
    out_dir = tmp_path / "packets"
    # the console script, as a user runs it
    done = subprocess.run([str(fresh_env / "bin" / "prepkit"), "packets", *args,
                           "--booklet", "--out", str(out_dir)],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert len(pypdf.PdfReader(out_dir / "booklet.pdf").pages) >= 4
    # and every packet, from a process that then tells what it loaded
    done = subprocess.run([str(fresh_env / "bin" / "python"), "-c", PRINT_AND_REPORT,
                           "packets", *args, "--out", str(out_dir)],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.splitlines()[-1])
    assert report["weasyprint"] is False
    loaded = [library for library in report["libraries"]
              if any(name in Path(library).name for name in SYSTEM_LIBRARIES)]
    assert loaded == []
    assert len(list(out_dir.glob("*.pdf"))) == 11
    texts = page_texts(out_dir / f"{SCHEDULED}.pdf")
    assert "Conversation with Priya Natarajan" in texts[0]
    assert f"Page {len(texts)} of {len(texts)}" in texts[-1]
