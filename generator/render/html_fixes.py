"""Small changes to a page's HTML for people on phones and with screen readers.

- A checklist box gets its item's text as its label: Python-Markdown's task lists put an
  empty `<label>` around the box and the text after it, so the box had no name.
- Each table cell carries its column's header as `data-label`, so on a narrow screen the
  stylesheet can show a table as cards ("Due: Friday, ...") instead of cutting columns.

Runs before the sanitizer, which keeps `data-label` on table cells and nothing new else.
"""

from __future__ import annotations

import html
import re

_TASK = re.compile(
    r'(<li class="task-list-item"><label class="task-list-control">)(<input[^>]*>)'
    r'(<span class="task-list-indicator"></span>)</label>\s*'
    r'((?:(?!</?(?:li|ul|ol|label|p|div)\b)[\s\S])*?)</li>')
_TABLE = re.compile(r"<table>([\s\S]*?)</table>")
_HEADER_CELL = re.compile(r"<th\b[^>]*>([\s\S]*?)</th>")
_ROW = re.compile(r"<tr>([\s\S]*?)</tr>")
_DATA_CELL = re.compile(r"<td\b")
_TAG = re.compile(r"<[^>]+>")


def label_task_boxes(text: str) -> str:
    """`<label><input><span></span></label> Text` -> `<label><input><span></span> Text</label>`."""
    return _TASK.sub(lambda m: f"{m[1]}{m[2]}{m[3]} {m[4].strip()}</label></li>", text)


def label_table_cells(text: str) -> str:
    return _TABLE.sub(_label_table, text)


def _label_table(match: re.Match[str]) -> str:
    body = match.group(1)
    headers = [html.unescape(_TAG.sub("", cell)).strip() for cell in _HEADER_CELL.findall(body)]
    if not any(headers):
        return match.group(0)

    def row(found: re.Match[str]) -> str:
        column = iter(headers)

        def cell(_: re.Match[str]) -> str:
            name = next(column, "")
            return f'<td data-label="{html.escape(name, quote=True)}"' if name else "<td"
        return f"<tr>{_DATA_CELL.sub(cell, found.group(1))}</tr>"

    return f"<table>{_ROW.sub(row, body)}</table>"


def improve(text: str) -> str:
    return label_table_cells(label_task_boxes(text))
