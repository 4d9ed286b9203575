"""Preview the site while you edit it, at http://127.0.0.1:8000/area-knowledge/.

    make serve                      # the same, after installing what it needs
    scripts/preview.py --port 8001  # another port, when 8000 is taken

Each page reloads when a file under content/ changes; only the pages the
change touched are rendered again. Problems in the content do not stop the
preview: entries with errors are left out, as a published build would leave
them out, and every page shows a banner listing the problems, with a page of
all of them.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
from collections.abc import Sequence

from ..settings import SettingsProblem, read_settings
from . import run

HOST = "127.0.0.1"


def port_is_free(port: int) -> bool:
    """Whether nothing is listening on the port already."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((HOST, port))
        except OSError:
            return False
    return True


def engine_command() -> str:
    """The engine installed beside this Python: MkDocs, or ProperDocs."""
    folder = os.path.dirname(sys.executable)
    for name in ("mkdocs", "properdocs"):
        path = os.path.join(folder, name)
        if os.path.exists(path):
            return path
    return "mkdocs"


def _main(argv: Sequence[str] | None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", metavar="PATH")
    args = parser.parse_args(argv)
    try:
        settings = read_settings(args.config_file)
    except SettingsProblem as problem:
        print(problem, file=sys.stderr)
        return 2
    if not port_is_free(args.port):
        print(
            f"Port {args.port} is in use, perhaps by another preview: stop it, or choose "
            f"another port with `make serve PORT={args.port + 1}`",
            file=sys.stderr,
        )
        return 2
    print(f"Preview at http://{HOST}:{args.port}{settings.site_path} (Ctrl-C stops it)")
    sys.stdout.flush()
    command = engine_command()
    # A dirty rebuild renders only the pages whose source changed; the plugin rewrites
    # only those, so an edit in a large area is seen in seconds, not a full build.
    serve = [command, "serve", "--dirty", "-a", f"{HOST}:{args.port}", "-f", args.config_file]
    os.execv(command, serve)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    return run(_main, argv)
