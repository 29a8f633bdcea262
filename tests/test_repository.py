"""The repository itself: nothing half-merged is ever committed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKER = re.compile(r"^(<{7} |={7}$|>{7} )", re.MULTILINE)


def test_no_file_carries_merge_conflict_markers():
    git = shutil.which("git")
    assert git, "the suite runs in a git checkout, with git installed"
    command = [git, "ls-files", "-z"]
    listing = subprocess.run(command, cwd=ROOT, capture_output=True, check=True).stdout  # noqa: S603 (fixed)
    marked = []
    for name in filter(None, listing.decode().split("\0")):
        path = ROOT / name
        if not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # binary: images and the like
        if MARKER.search(text):
            marked.append(name)
    assert marked == []
