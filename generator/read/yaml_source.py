"""Safe YAML reading that remembers where every key and value came from.

PyYAML's safe loader still accepts duplicate keys, resolves YAML 1.1 scalars (`NO` becomes
False, `10:30` becomes 630, `012` becomes 10) and expands aliases without limit. So this module
only lets PyYAML *compose* a node tree (no construction, no implicit typing) and turns the
nodes into plain values itself: every scalar stays the text the user typed, except an
unquoted `null`/`~`/empty value, which is None. The models decide what a text means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml

from generator.errors import START, Diagnostic, Position
from generator.read.safe_read import UnsafeFile, read_inside

MAX_FILE_BYTES = 1024 * 1024
# A real kit file holds a few hundred values; a budget this size only stops alias bombs.
MAX_VALUES = 100_000
MAX_DEPTH = 64

KeyPath = tuple[str | int, ...]

_PLAIN_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_ALLOWED_TAGS = frozenset({
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:null", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp",
})
_TAB_INDENT = re.compile(r"^ *\t", re.MULTILINE)


class _TextResolver(yaml.resolver.BaseResolver):
    """Resolves every plain scalar to text: no YAML 1.1 guessing of booleans, numbers or times."""

    _TAGS: ClassVar[dict[type[yaml.Node], str]] = {
        yaml.ScalarNode: yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG,
        yaml.SequenceNode: yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
        yaml.MappingNode: yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    }

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        # What BaseResolver answers with no resolvers registered, without its lookups.
        return self._TAGS[kind]


try:  # libyaml's parser is several times faster; the pure one gives the same nodes.
    from yaml.cyaml import CParser as _Parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)


class _Composer(_Parser, _TextResolver):
    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        _TextResolver.__init__(self)


@dataclass
class YamlDocument:
    """A mapping read from one file, with the position of each key and value."""

    path: Path
    display: str
    data: dict[str, Any]
    value_positions: dict[KeyPath, Position] = field(default_factory=dict)
    key_positions: dict[KeyPath, Position] = field(default_factory=dict)

    def position(self, loc: KeyPath, *, of_key: bool = False) -> Position:
        """Where `loc` is written; for a key that is missing, where its mapping starts."""
        table = self.key_positions if of_key else self.value_positions
        if loc in table:
            return table[loc]
        for end in range(len(loc) - 1, -1, -1):
            parent = loc[:end]
            if parent in self.value_positions:
                return self.value_positions[parent]
        return START

    def diagnostic(self, loc: KeyPath, message: str, **extra: Any) -> Diagnostic:
        of_key = extra.pop("of_key", False)
        return Diagnostic(self.display, self.position(loc, of_key=of_key), message,
                          format_key_path(loc), **extra)


class YamlError(Exception):
    """A file that could not be read as a prepkit YAML mapping."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.format())
        self.diagnostic = diagnostic

    def __reduce__(self) -> tuple[object, ...]:
        # Its one argument is the diagnostic, not the message in `args`.
        return (type(self), (self.diagnostic,), self.__dict__)


def format_key_path(loc: KeyPath) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            # A key holding a line break would split the one-line message: show it escaped.
            name = part if part.isprintable() else repr(part)[1:-1]
            if len(name) > 80:  # a key as long as a paragraph is still shown on one short line
                name = f"{name[:80]}..."
            text += f".{name}" if text else name
    return text


def read_yaml_file(path: Path, display: str | None = None, *,
                   root: Path | None = None) -> YamlDocument:
    """Read one file; raise YamlError with its location for anything but a clean mapping.

    The file must really be a regular file inside `root` (by default its own folder): a
    symlink leading elsewhere, a FIFO or a device is refused unread, and at most
    MAX_FILE_BYTES + 1 bytes are ever read (see `generator.read.safe_read`).
    """
    shown = display or str(path)
    try:
        raw = read_inside(path, path.parent if root is None else root, limit=MAX_FILE_BYTES)
    except UnsafeFile as problem:
        raise YamlError(Diagnostic(shown, START, f"file {problem.reason}",
                                   code=problem.code)) from None
    return parse_yaml_bytes(raw, path=path, display=shown)


def parse_yaml_bytes(raw: bytes, *, path: Path, display: str) -> YamlDocument:
    text = _decode(raw, display)
    root = _compose(text, display)
    if root is None or (_is_plain(root) and root.value == ""):
        raise YamlError(Diagnostic(display, START,
                                   "file is empty; expected keys such as 'name: ...'",
                                   code="empty"))
    if not isinstance(root, yaml.MappingNode):
        raise YamlError(Diagnostic(
            display, _position(root),
            f"expected a mapping of keys (like 'name: ...'), found {_describe_node(root)}",
            code="not-a-mapping"))
    document = YamlDocument(path=path, display=display, data={})
    document.value_positions[()] = _position(root)
    document.data = _NodeConverter(document).convert(root, (), 0)
    return document


def _decode(raw: bytes, display: str) -> str:
    try:
        return raw.decode("utf-8-sig")  # a byte-order mark is harmless, so accept it
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        raise YamlError(Diagnostic(
            display, Position(line, column),
            f"file is not UTF-8 text (byte 0x{raw[error.start]:02x} cannot be decoded); "
            "save it with UTF-8 encoding", code="encoding")) from None


def _tab_indentation(text: str, up_to_line: int) -> Position | None:
    """The first line up to `up_to_line` indented with a tab, if any."""
    match = _TAB_INDENT.search(text)
    if match is None:
        return None
    line = text.count("\n", 0, match.start()) + 1
    return Position(line, match.end() - match.start()) if line <= up_to_line else None


def _compose(text: str, display: str) -> yaml.Node | None:
    composer = _Composer(text)
    try:
        node: yaml.Node | None = composer.get_single_node()
        return node
    except yaml.MarkedYAMLError as error:
        raise YamlError(_syntax_diagnostic(error, text, display)) from None
    except yaml.reader.ReaderError as error:  # a character YAML does not allow
        before = text[: error.position]
        where = Position(before.count("\n") + 1, error.position - (before.rfind("\n") + 1) + 1)
        raise YamlError(Diagnostic(
            display, where, f"contains the control character {_code_point(error.character)}, "
            "which YAML does not allow; delete it", code="syntax")) from None
    except RecursionError:
        raise YamlError(Diagnostic(display, START, f"nested more than {MAX_DEPTH} levels deep",
                                   code="too-deep")) from None
    finally:
        composer.dispose()


def _code_point(character: int | str) -> str:
    number = character if isinstance(character, int) else ord(character)
    return f"U+{number:04X}"


def _syntax_diagnostic(error: yaml.MarkedYAMLError, text: str, display: str) -> Diagnostic:
    problem_mark, context_mark = error.problem_mark, error.context_mark
    problem = error.problem or "not valid YAML"
    if "expected a single document" in str(error.context or ""):
        where = Position(problem_mark.line + 1, problem_mark.column + 1) if problem_mark else START
        return Diagnostic(display, where, "YAML syntax error: holds more than one YAML document "
                          "('---'); keep one "
                          "entity per file", code="syntax")
    failed_line = (problem_mark.line + 1) if problem_mark else 1
    tab = _tab_indentation(text, failed_line)
    if tab is not None:
        return Diagnostic(display, tab, "tab used for indentation; YAML needs spaces",
                          code="tab-indent")
    if context_mark is not None and "end of stream" in problem:
        # An unclosed quote or bracket: point at where it opened, not at the end of the file.
        where = Position(context_mark.line + 1, context_mark.column + 1)
        opened = str(error.context).removeprefix("while scanning ").removeprefix("while parsing ")
        opened = opened.replace("scalar", "text")
        return Diagnostic(display, where, f"YAML syntax error: {opened} starts here and is "
                          "never closed", code="syntax")
    where = Position(problem_mark.line + 1, problem_mark.column + 1) if problem_mark else START
    return Diagnostic(display, where, f"YAML syntax error: {problem}", code="syntax")


def _is_plain(node: yaml.Node) -> bool:
    """An unquoted scalar: libyaml gives such nodes the style '', the pure parser None."""
    return isinstance(node, yaml.ScalarNode) and not node.style


def _position(node: yaml.Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


def _describe_node(node: yaml.Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.ScalarNode):
        return f"the text {node.value!r}"
    return "something else"


class _NodeConverter:
    """Turns composed nodes into dicts, lists, text and None, recording positions."""

    def __init__(self, document: YamlDocument) -> None:
        self.document = document
        self.values_left = MAX_VALUES

    def fail(self, node: yaml.Node, message: str, code: str) -> YamlError:
        return YamlError(Diagnostic(self.document.display, _position(node), message, code=code))

    def convert(self, node: yaml.Node, loc: KeyPath, depth: int) -> Any:
        self.values_left -= 1
        if self.values_left < 0:
            raise self.fail(node, f"expands to more than {MAX_VALUES:,} values through "
                            "aliases ('*name'); write the values out instead", "alias-bomb")
        if depth > MAX_DEPTH:
            raise self.fail(node, f"nested more than {MAX_DEPTH} levels deep", "too-deep")
        if node.tag not in _ALLOWED_TAGS:
            shown = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise self.fail(node, f"the tag {shown!r} is not allowed; prepkit reads plain "
                            "YAML only, so remove the tag", "tag")
        self.document.value_positions[loc] = _position(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*loc, index), depth + 1)
                    for index, item in enumerate(node.value)]
        if _is_plain(node) and node.value in _PLAIN_NULLS:
            return None
        return node.value

    def _mapping(self, node: yaml.MappingNode, loc: KeyPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge" or (
                    _is_plain(key_node) and key_node.value == "<<"):
                raise self.fail(key_node, "merge keys ('<<') are not supported; write the keys "
                                "out", "merge-key")
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _ALLOWED_TAGS:
                raise self.fail(key_node, "a key must be plain text", "key")
            key = key_node.value
            if key in result:
                first = self.document.key_positions[(*loc, key)]
                raise self.fail(key_node, f"duplicate key {key!r} (first set on line "
                                f"{first.line}); keep one", "duplicate-key")
            self.document.key_positions[(*loc, key)] = _position(key_node)
            result[key] = self.convert(value_node, (*loc, key), depth + 1)
        return result
