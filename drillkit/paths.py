"""Where drillkit keeps the user's files: the one resolver for the data and cache directories."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

HOME_ENV = "DRILLKIT_HOME"


def data_dir() -> Path:
    """Progress, the interview-set log: ``DRILLKIT_HOME`` when set, else the platform's user data directory."""
    home = os.environ.get(HOME_ENV, "").strip()
    return Path(home).expanduser() if home else Path(platformdirs.user_data_dir("drillkit"))


def cache_dir() -> Path:
    """Rebuildable files (parsed bank, graders' test counts): losing them costs time, never data."""
    return Path(platformdirs.user_cache_dir("drillkit"))
