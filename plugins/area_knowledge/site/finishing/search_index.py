"""Pagefind over the built site: the search index, made from the pages marked for it."""

from __future__ import annotations

import subprocess


def build_search_index(site_dir: str) -> str:
    """Run Pagefind over a built site; its summary, or `RuntimeError` with its output."""
    from pagefind_bin import get_executable

    result = subprocess.run(
        [str(get_executable()), "--site", site_dir],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError((result.stderr or result.stdout).strip())
    return " ".join(line.strip() for line in result.stdout.splitlines() if "Indexed" in line)
