"""What every file-backed entity shares: an id taken from its file name, and its source."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import PrivateAttr

from generator.model.types import StrictModel

if TYPE_CHECKING:
    from generator.read.yaml_source import YamlDocument


class Entity(StrictModel):
    """A model read from one file; the id is the file name without `.yml`."""

    _id: str = PrivateAttr(default="")
    _source: YamlDocument | None = PrivateAttr(default=None)

    # Read straight from pydantic's private store: ids are looked up on every page.
    @property
    def id(self) -> str:
        return self.__pydantic_private__["_id"]  # type: ignore[index,no-any-return]

    @property
    def source(self) -> YamlDocument | None:
        return self.__pydantic_private__["_source"]  # type: ignore[index,no-any-return]

    def bind(self, entity_id: str, source: YamlDocument | None) -> None:
        """Attach the id and source document once, right after validation."""
        self._id = entity_id
        self._source = source
