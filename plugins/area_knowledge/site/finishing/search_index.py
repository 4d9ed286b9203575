"""Pagefind over the built site: the search index, made from the pages marked for it.

It runs as a process of its own, so that the finishing step can check the
site's other files on the second core while it indexes.
"""

from __future__ import annotations

import subprocess


class SearchIndex:
    """Pagefind indexing a site, started at once and waited for with `result`."""

    def __init__(self, site_dir: str) -> None:
        from pagefind_bin import get_executable

        self.process = subprocess.Popen(
            [str(get_executable()), "--site", site_dir],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.stopped = False

    def stop(self) -> None:
        """End the indexing if it is still running: a newer site will be indexed instead."""
        if self.process.poll() is None:
            self.stopped = True
            self.process.kill()

    def result(self) -> str:
        """Pagefind's summary once it has finished; `RuntimeError` with its output if it failed."""
        stdout, stderr = self.process.communicate()
        if self.process.returncode != 0:
            raise RuntimeError((stderr or stdout).strip())
        return " ".join(line.strip() for line in stdout.splitlines() if "Indexed" in line)
