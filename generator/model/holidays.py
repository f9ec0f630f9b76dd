"""Which public holidays a kit can name: checked when kit.yml is validated."""

from __future__ import annotations

import holidays as holiday_data


def split_country_code(code: str) -> tuple[str, str | None]:
    country, _, subdivision = code.partition("-")
    return country, subdivision or None


def check_country(code: str) -> None:
    """Raise ValueError in plain words when the library does not know the country code."""
    country, subdivision = split_country_code(code)
    supported = holiday_data.list_supported_countries()
    if country not in supported:
        raise ValueError(f"{code!r}: no public holidays are known for the country code "
                         f"{country!r}; use a two-letter code such as US, GB or DE")
    if subdivision is not None and subdivision not in supported[country]:
        known = ", ".join(supported[country][:12])
        raise ValueError(f"{code!r}: {country} has no subdivision {subdivision!r}"
                         + (f" (known: {known}...)" if known else ""))
