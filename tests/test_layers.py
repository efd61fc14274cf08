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
