"""The one place drillkit reads YAML. Uses libyaml's C loader when it is available."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from drillkit.errors import BankError

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's C loader when compiled in


def load_yaml_text(text: str, path: Path) -> Any:
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "malformed YAML"
        raise BankError(path, line, f"malformed YAML: {problem}", hint="fix the YAML syntax at that line") from None
    except yaml.YAMLError as exc:
        raise BankError(path, None, f"malformed YAML: {exc}") from None


def load_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise BankError(path, None, "not UTF-8 text", hint="save the file as UTF-8") from None
    except OSError as exc:
        raise BankError(path, None, f"cannot read: {exc.strerror}") from None
    return load_yaml_text(text, path)


def line_of(text: str, location: Sequence[str | int]) -> int | None:
    """The 1-based line of the node at ``location`` (a JSON path), or of its nearest existing parent.

    Used only on the error path, so the extra parse costs nothing on a healthy bank.
    """
    try:
        node: yaml.Node | None = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return None
    if node is None:
        return None
    line = node.start_mark.line + 1
    for step in location:
        child: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == step:
                    child = value_node
                    line = key_node.start_mark.line + 1
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            child = node.value[step]
            line = child.start_mark.line + 1
        if child is None:
            break
        node = child
    return line


def yaml_scalar(text: str) -> str:
    """``text`` as a one-line YAML scalar, quoted only when YAML needs it (for files drillkit writes)."""
    dumped: str = yaml.safe_dump(text, default_style=None, width=10_000).strip()
    return dumped.removesuffix("...").strip()
