"""The constraints `make test` installs with (.ci/minimum.txt) are the lower bounds pyproject.toml
declares, so the suite runs at exactly the versions the package says it works with."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _name(text: str) -> str:
    """A distribution name as pip compares them."""
    return re.sub(r"[-_.]+", "-", text).lower()


def _declared_lower_bounds() -> dict[str, str]:
    """name -> lowest version, for the app's dependencies and its dask extra."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    bounds = {}
    for requirement in [*project["dependencies"], *project["optional-dependencies"]["dask"]]:
        found = re.fullmatch(r"([A-Za-z0-9_.-]+)>=([0-9.]+)(?:,<[0-9.]+)?", requirement)
        assert found, f"{requirement!r} has no plain lower bound"
        bounds[_name(found[1])] = found[2]
    return bounds


def _pinned() -> dict[str, str]:
    """name -> version pinned in .ci/minimum.txt."""
    pins = {}
    for line in (ROOT / ".ci" / "minimum.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, version = line.split("==")
            pins[_name(name)] = version
    return pins


def _same_version(a: str, b: str) -> bool:
    """'4.0' and '4.0.0' name one release."""
    parts_a, parts_b = a.split("."), b.split(".")
    width = max(len(parts_a), len(parts_b))
    return [*parts_a, *["0"] * (width - len(parts_a))] == [
        *parts_b,
        *["0"] * (width - len(parts_b)),
    ]


def test_every_lower_bound_is_pinned_for_the_suite() -> None:
    declared, pinned = _declared_lower_bounds(), _pinned()
    assert set(pinned) == set(declared)
    for name, version in declared.items():
        assert _same_version(pinned[name], version), f"{name}: {pinned[name]} vs >={version}"
