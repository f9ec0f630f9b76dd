"""`prepkit schema`: write the JSON Schemas editors use to autocomplete and check YAML."""

from __future__ import annotations

from pathlib import Path

import click

from generator.authoring.schema import schema_texts
from generator.cli.options import config_file_option
from generator.output import Fence, OwnedFolder
from generator.read.settings import locate_kit

SUFFIX = ".schema.json"


@click.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("schemas"), show_default=True, help="Folder to write the schemas to.")
@config_file_option
def schema(out_dir: Path, config_file: Path) -> None:
    """Write a JSON Schema for each kind of content file.

    Each content file's first line, `# yaml-language-server: $schema=...`, points at
    one of them, so editors with YAML support autocomplete keys and flag mistakes. The
    folder must be new, empty, or hold only schemas prepkit wrote.

    \b
    Example:
      prepkit schema --out schemas
    """
    # Outside a kit, the current folder is kept as if it were one.
    fence = locate_kit(config_file).fence if config_file.is_file() else \
        Fence.around(Path.cwd(), Path.cwd() / "content")
    folder = OwnedFolder.claim(out_dir, fence=fence, kind="schemas", what="the schemas",
                               adopt=_only_schemas)
    texts = schema_texts()
    # No marker: a folder of nothing but schema files is recognised as prepkit's.
    folder.write({name: text.encode("utf-8") for name, text in texts.items()}, record=False)
    for name in texts:
        click.echo(f"wrote {out_dir / name}")


def _only_schemas(folder: Path) -> bool:
    """A folder an earlier prepkit filled: nothing in it but schema files."""
    return all(path.name.endswith(SUFFIX) and path.is_file() for path in folder.iterdir())
