"""`prepkit schema`: write the JSON Schemas editors use to autocomplete and check YAML."""

from __future__ import annotations

from pathlib import Path

import click

from generator.schema import schema_texts


@click.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("schemas"), show_default=True, help="Folder to write the schemas to.")
def schema(out_dir: Path) -> None:
    """Write a JSON Schema for each kind of content file.

    Each content file's first line, `# yaml-language-server: $schema=...`, points at
    one of them, so editors with YAML support autocomplete keys and flag mistakes.

    \b
    Example:
      prepkit schema --out schemas
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    for file_name, text in schema_texts().items():
        target = out_dir / file_name
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
        click.echo(f"wrote {target}")
