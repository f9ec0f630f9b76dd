"""What a build or a preview prints about warnings: all of them while there are few, a summary
once there are many (`prepkit check` always lists every one)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from generator.errors import Diagnostic

LIST_ALL_UP_TO = 20
FIRST_SHOWN = 5


def warning_lines(warnings: Sequence[Diagnostic]) -> list[str]:
    """One line per warning, or, past 20, a count per kind and the first five."""
    if len(warnings) <= LIST_ALL_UP_TO:
        return [warning.format(severity=False) for warning in warnings]
    counts = Counter(warning.code for warning in warnings)
    kinds = ", ".join(f"{count} {code}" for code, count in counts.most_common())
    return [f"{len(warnings)} warnings ({kinds}); the first {FIRST_SHOWN}:",
            *(f"  {warning.format(severity=False)}" for warning in warnings[:FIRST_SHOWN]),
            "Run 'prepkit check' to see every one."]
