"""Every test runs with its own empty user library and config folder, so that nothing a
developer keeps in ~/.local/share/planwriter changes a result, and no test writes there."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

_HOME = Path(tempfile.mkdtemp(prefix="planwriter-tests-"))
os.environ["XDG_DATA_HOME"] = str(_HOME / "data")
os.environ["XDG_CONFIG_HOME"] = str(_HOME / "config")
os.environ.pop("PLANWRITER_LIBRARY", None)
sys.path.insert(0, str(Path(__file__).parent))
