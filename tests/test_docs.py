"""The docs keep up with the code: every command is in the README, every module on the map."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from typer.main import get_command

from warmonitor.cli import app

ROOT = Path(__file__).resolve().parent.parent


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = sorted(get_command(app).commands)  # type: ignore[attr-defined]
    assert {"ingest", "claims", "extract", "demo", "incidents", "export"} <= set(names)
    missing = [n for n in names if n != "version" and f"warmonitor {n}" not in readme]
    assert missing == []


def test_every_package_module_is_on_the_architecture_map() -> None:
    arch = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    package = ROOT / "src" / "warmonitor"
    for path in sorted(package.iterdir()):
        name = path.stem if path.suffix == ".py" else path.name
        if name.startswith("_") or name in ("demo", "py"):
            continue
        if path.is_dir() or path.suffix == ".py":
            assert f"`{name}" in arch, f"{name} is not in docs/ARCHITECTURE.md"


def test_component_registers_through_the_entry_point() -> None:
    code = (
        "import spacy; nlp = spacy.blank('en'); "
        "nlp.add_pipe('warmonitor_casualties', config={'geocode': False}); "
        "print(nlp('Nine people were killed.')._.casualty_claims[0].count.low)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "9"
