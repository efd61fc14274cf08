"""The layers hold: store/ and ingest/ never load Textual, and store/ never loads dateparser."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _loaded(statement: str) -> set[str]:
    code = f"{statement}; import sys; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return {_layer(name) for name in out.stdout.split()}


def _layer(module: str) -> str:
    """A module's top-level package, or its layer (`timeline.store`) inside timeline."""
    parts = module.split(".")
    return ".".join(parts[:2]) if parts[0] == "timeline" else parts[0]


INGEST = "import " + ", ".join(
    f"timeline.ingest.{name}"
    for name in (
        "dates",
        "reader.events",
        "reader.sentences",
        "reader.anchoring",
        "reader.titles",
        "reader.speech",
        "articles",
        "pipeline",
        "demo",
    )
)


@pytest.mark.parametrize("statement", ["import timeline.store", INGEST])
def test_lower_layers_do_not_load_textual(statement: str) -> None:
    loaded = _loaded(statement)
    assert "textual" not in loaded
    assert "timeline.tui" not in loaded


def test_store_does_not_load_dateparser_or_ingest() -> None:
    loaded = _loaded("import timeline.store")
    assert "dateparser" not in loaded
    assert "timeline.ingest" not in loaded


def test_cli_export_does_not_load_textual() -> None:
    assert "textual" not in _loaded("import timeline.cli.main")


def test_sql_runs_only_in_store() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    offenders = [
        str(path.relative_to(root))
        for package in ("ingest", "tui")
        for path in (root / package).rglob("*.py")
        if any(call in path.read_text(encoding="utf-8") for call in (".execute(", "executemany("))
    ]
    assert offenders == []


def test_code_imports_its_layers_only_through_timeline() -> None:
    loaded = _loaded("import timeline.tui.app, timeline.cli.main, timeline.ingest.pipeline")
    assert not {"store", "ingest", "tui"} & loaded


def _import_graph() -> dict[str, set[str]]:
    """Module -> the timeline modules it imports (at the top, in functions or for types), read
    from the source; `from package import module` counts as importing the module."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    names: dict[Path, str] = {}
    for package in ("store", "ingest", "cli", "tui"):
        for path in (root / package).rglob("*.py"):
            parts = path.relative_to(root).with_suffix("").parts
            parts = parts[:-1] if parts[-1] == "__init__" else parts
            names[path] = ".".join(("timeline", *parts))
    modules = set(names.values())
    graph: dict[str, set[str]] = {}
    for path, name in names.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                for alias in node.names:
                    child = f"{node.module}.{alias.name}"
                    found.add(child if child in modules else node.module)
        graph[name] = (found & modules) - {name}
    return graph


def test_no_module_imports_itself_through_others() -> None:
    graph = _import_graph()
    circles = []
    for start in sorted(graph):
        # a path from one of start's imports back to start closes a circle
        seen: set[str] = set()
        todo = list(graph[start])
        while todo:
            name = todo.pop()
            if name == start:
                circles.append(start)
                break
            if name not in seen:
                seen.add(name)
                todo.extend(graph[name])
    assert circles == []


def test_each_layer_imports_only_the_floors_below() -> None:
    below = {
        "store": {"store"},
        "ingest": {"store", "ingest"},
        "tui": {"store", "ingest", "tui"},
        "cli": {"store", "ingest", "tui", "cli"},
    }
    wrong = [
        (name, target)
        for name, targets in _import_graph().items()
        for target in targets
        if target.split(".")[1] not in below[name.split(".")[1]]
    ]
    assert wrong == []


def test_ingest_stages_call_only_downward() -> None:
    """tagger <- reader <- story: a stage never imports the one above it."""
    rank = {"tagger": 0, "reader": 1, "story": 2}
    wrong = []
    for name, targets in _import_graph().items():
        parts = name.split(".")
        if parts[1] != "ingest" or len(parts) < 4 or parts[2] not in rank:
            continue
        for target in targets:
            tparts = target.split(".")
            stage = tparts[2] if tparts[1] == "ingest" and len(tparts) > 2 else None
            if stage in rank and rank[stage] > rank[parts[2]]:
                wrong.append((name, target))
            elif tparts[1] == "ingest" and stage not in rank and stage != "types":
                wrong.append((name, target))  # a stage reaches up to the pipeline's top
    assert wrong == []
