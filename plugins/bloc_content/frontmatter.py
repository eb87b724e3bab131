"""Split a Markdown file into YAML front matter and body, and load the YAML safely.

The YAML is parsed with the C loader when available. Duplicate keys, explicit tags,
anchors and aliases are rejected. Every value keeps the line it came from, so a
validation error can name `path:line`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

from .diagnostics import Diagnostic, t

try:  # the C loader is ~6x faster than the pure-Python one
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 12
FENCE = "---"
_FORBIDDEN_CHARS = {
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",  # bidi embeddings and overrides
    "\u2066", "\u2067", "\u2068", "\u2069",  # bidi isolates
}

Loc = tuple[str | int, ...]


@dataclass
class FrontMatter:
    data: dict[str, Any]
    lines: dict[Loc, int] | None  # loc -> 1-based line in the file; None: dropped, found again from `text`
    body: str
    body_line: int  # 1-based line where the body starts
    fence_line: int = 1
    text: str = ""  # the whole file, decoded and normalised

    def line_of(self, loc: Loc) -> int:
        """The line of the longest known prefix of `loc` (the fence line if none)."""
        loc = tuple(loc)
        if self.lines is None:  # dropped after the checks (forget_lines): a late problem finds it again
            self.lines = _lines_of(self.text)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.fence_line

    def forget_lines(self) -> None:
        """Drop the line table (about as large as the item's text) once the checks are done."""
        self.lines = None


def _lines_of(text: str) -> dict[Loc, int]:
    """The line table `load` made of the same text."""
    parts = split(text, "")
    if isinstance(parts, Diagnostic):
        return {}
    _data, lines, _problems = parse_yaml(parts[0], "", first_line=2)
    return lines


@dataclass
class LoadResult:
    front: FrontMatter | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    text: str = ""  # the decoded file, also when its front matter could not be read


def decode(raw: bytes, path: str) -> tuple[str | None, list[Diagnostic]]:
    """UTF-8 only (a BOM is dropped), CRLF/CR normalised, NFC normalised."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [Diagnostic(path, 0, "", t("file is {size:,} bytes; the limit is {limit:,}", size=len(raw), limit=MAX_FILE_BYTES),
                                 t("split the item or move data out of it"))]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Diagnostic(path, line, "", t("not valid UTF-8 (byte 0x{byte:02x})", byte=raw[exc.start]),
                                 t("save the file as UTF-8; other encodings such as Latin-1 or Windows-1258 are not accepted"))]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text), []


def split(text: str, path: str) -> tuple[str, str, int] | Diagnostic:
    """Return (yaml_text, body, body_line) or a diagnostic when there is no front matter."""
    if not text.strip():
        return Diagnostic(path, 1, "", t("file is empty"), t("an item starts with front matter between two '---' lines"))
    lines = text.split("\n")
    if lines[0].strip() != FENCE:
        return Diagnostic(path, 1, "", t("no front matter: the first line must be '---'"),
                          t("start the file with '---', the YAML fields, then '---'"))
    for index in range(1, len(lines)):
        if lines[index].rstrip() == FENCE:
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    return Diagnostic(path, 1, "", t("front matter is not closed"), t("add a line '---' after the last YAML field"))


def load(raw: bytes, path: str) -> LoadResult:
    """Decode, split and parse a content file's front matter."""
    text, problems = decode(raw, path)
    if text is None:
        return LoadResult(None, problems)
    parts = split(text, path)
    if isinstance(parts, Diagnostic):
        return LoadResult(None, [parts], text)
    yaml_text, body, body_line = parts
    data, lines, problems = parse_yaml(yaml_text, path, first_line=2)
    if data is None:
        return LoadResult(None, problems, text)
    return LoadResult(FrontMatter(data, lines, body, body_line, text=text), problems)


def parse_yaml(yaml_text: str, path: str, first_line: int = 1) -> tuple[Any, dict[Loc, int], list[Diagnostic]]:
    """Parse one YAML document; returns (data, lines, diagnostics). data is None on fatal errors."""
    offset = first_line - 1
    problems: list[Diagnostic] = []
    if any(ch in yaml_text for ch in "!&*"):
        problems.extend(_scan_events(yaml_text, path, offset))
        if problems:
            return None, {}, problems
    loader = SafeLoader(yaml_text)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, {}, []
        lines: dict[Loc, int] = {}
        walked = _walk(node, (), lines, path, offset, 0)
        problems.extend(walked)
        if any(not getattr(p.message, "template", "").startswith("duplicate key") for p in walked):
            return None, {}, problems
        # Duplicate keys are reported, and the rest of the file is still validated.
        try:
            data = loader.construct_document(node)
        except (ValueError, ArithmeticError) as exc:  # 2021-02-30: a well-formed date that does not exist
            return None, {}, [_unconstructible(node, (), path, offset) or
                              Diagnostic(path, first_line, "", t("a value cannot be read ({kind})", kind=type(exc).__name__))]
    except yaml.MarkedYAMLError as exc:
        # Point at where the broken construct starts (an unclosed list or quote), which is
        # where the author has to look; YAML notices the problem only further down.
        known = _common_mistake(exc, yaml_text, path, offset)
        if known is not None:
            return None, {}, [known]
        mark = exc.context_mark or exc.problem_mark
        line = (mark.line + 1 + offset) if mark else first_line
        problem = (exc.problem or str(exc)).strip()
        if exc.context and exc.context_mark and exc.problem_mark and exc.problem_mark.line != exc.context_mark.line:
            message = t("invalid YAML: {problem} ({context} that starts here; noticed on line {line})",
                        problem=problem, context=exc.context, line=exc.problem_mark.line + 1 + offset)
        else:
            message = t("invalid YAML: {problem}", problem=problem)
        return None, {}, [Diagnostic(path, line, "", message,
                                     t("check indentation, colons and quotes on this line and the one above"))]
    except yaml.YAMLError as exc:
        return None, {}, [Diagnostic(path, first_line, "", t("invalid YAML: {problem}", problem=str(exc)))]
    except RecursionError:
        return None, {}, [Diagnostic(path, first_line, "", t("front matter is nested too deeply"))]
    finally:
        loader.dispose()
    return data, lines, problems


def _common_mistake(exc: yaml.MarkedYAMLError, yaml_text: str, path: str, offset: int) -> Diagnostic | None:
    """The two syntax errors staff make most, told in their words rather than the parser's."""
    mark = exc.problem_mark
    if mark is None:
        return None
    lines = yaml_text.split("\n")
    text = lines[mark.line] if mark.line < len(lines) else ""
    line = mark.line + 1 + offset
    problem = exc.problem or ""
    if "tab character" in problem or ("cannot start any token" in problem and "\t" in text[: mark.column + 1]):
        return Diagnostic(path, line, "", t("YAML does not use the Tab key: indent with two spaces"),
                          t("replace the Tab at the start of this line with spaces"))
    if problem.startswith("mapping values are not allowed"):
        key = text.split(":", 1)[0].strip().lstrip("- ").strip()
        if not key or not key.replace("_", "").isalnum():
            return None
        hint = (t('put the title in double quotes: title: "..."') if key == "title"
                else t('put the value in double quotes: {key}: "..."', key=key))
        return Diagnostic(path, line, key, t("a colon followed by a space inside the value"), hint)
    return None


def _unconstructible(node, loc: Loc, path: str, offset: int) -> Diagnostic | None:
    """The first scalar that PyYAML can parse but not turn into a value, as a diagnostic."""
    if isinstance(node, yaml.MappingNode):
        children = [((*loc, key.value), value) for key, value in node.value]
    elif isinstance(node, yaml.SequenceNode):
        children = [((*loc, i), value) for i, value in enumerate(node.value)]
    else:
        try:
            yaml.constructor.SafeConstructor().construct_object(node, deep=True)
        except (ValueError, ArithmeticError, TypeError):
            line = node.start_mark.line + 1 + offset
            if node.tag.endswith(":timestamp"):
                return Diagnostic(path, line, _dotted(loc), t("'{value}' is not a date that exists", value=node.value),
                                  t("check the day and the month: 30 February or 31 April do not exist"))
            return Diagnostic(path, line, _dotted(loc), t("the value '{value}' cannot be read", value=node.value),
                              t("put the value in quotes, or correct it"))
        return None
    for child_loc, child in children:
        found = _unconstructible(child, child_loc, path, offset)
        if found:
            return found
    return None


def _scan_events(yaml_text: str, path: str, offset: int) -> list[Diagnostic]:
    problems = []
    try:
        for event in yaml.parse(yaml_text, Loader=SafeLoader):
            line = event.start_mark.line + 1 + offset
            if isinstance(event, yaml.AliasEvent):
                problems.append(Diagnostic(path, line, "", t("YAML alias '*{name}' is not allowed", name=event.anchor),
                                           t("write the value out in full")))
            elif getattr(event, "anchor", None):
                problems.append(Diagnostic(path, line, "", t("YAML anchor '&{name}' is not allowed", name=event.anchor),
                                           t("write the value out in full")))
            tag = getattr(event, "tag", None)
            implicit = getattr(event, "implicit", True)
            explicit = tag is not None and (implicit is False or implicit == (False, False))
            if explicit:
                problems.append(Diagnostic(path, line, "", t("YAML tag '{tag}' is not allowed", tag=tag),
                                           t("remove the tag; write plain values (quote text if needed)")))
    except yaml.YAMLError:
        return []  # the full parse reports syntax errors with their position
    return problems


def _walk(node, loc: Loc, lines: dict[Loc, int], path: str, offset: int, depth: int) -> list[Diagnostic]:
    """Record each value's line; reject duplicate keys and excessive nesting."""
    if depth > MAX_DEPTH:
        return [Diagnostic(path, node.start_mark.line + 1 + offset, _dotted(loc),
                           t("nested more than {depth} levels deep", depth=MAX_DEPTH))]
    problems: list[Diagnostic] = []
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1 + offset
            if key in seen:
                problems.append(Diagnostic(path, line, _dotted((*loc, key)),
                                           t("duplicate key '{key}' (first given on line {line})", key=key, line=seen[key]),
                                           t("keep one of the two")))
                continue
            seen[key] = line
            lines[(*loc, key)] = line
            problems.extend(_walk(value_node, (*loc, key), lines, path, offset, depth + 1))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*loc, index)] = item.start_mark.line + 1 + offset
            problems.extend(_walk(item, (*loc, index), lines, path, offset, depth + 1))
    return problems


def _dotted(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


dotted = _dotted
