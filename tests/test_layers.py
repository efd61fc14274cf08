"""The layers hold: store/ and ingest/ never load Textual, and store/ never loads dateparser."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _loaded(statement: str) -> set[str]:
    code = f"{statement}; import sys; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return {name.split(".")[0] for name in out.stdout.split()}


INGEST = (
    "import ingest.dates, ingest.events, ingest.sentences, ingest.anchoring, ingest.titles, "
    "ingest.speech, ingest.articles, ingest.pipeline, ingest.demo"
)


@pytest.mark.parametrize("statement", ["import store", INGEST])
def test_lower_layers_do_not_load_textual(statement: str) -> None:
    loaded = _loaded(statement)
    assert "textual" not in loaded
    assert "tui" not in loaded


def test_store_does_not_load_dateparser_or_ingest() -> None:
    loaded = _loaded("import store")
    assert "dateparser" not in loaded
    assert "ingest" not in loaded


def test_cli_export_does_not_load_textual() -> None:
    assert "textual" not in _loaded("import tui.cli")


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
