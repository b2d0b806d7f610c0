"""Instructions per request, counted by valgrind's callgrind: a cost that other work on the
machine does not change, to read beside the timings (which it does).

A benchmark names a function that builds its cases, ``{name: (wsgi_app, [(body, headers),
...])}``; each case is warmed, then its requests are sent straight to the WSGI app (as a
server would, without a test client) between two callgrind client requests, so only
those requests are counted, not the interpreter's start or the apps' build. Needs
valgrind (Debian's ``valgrind``) and a C compiler for the two-function marker library;
without them :func:`count` says why and counts nothing.

    python benchmarks/instructions.py MODULE:FUNCTION [--requests 40]
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

MARKER_SOURCE = r"""
#include <valgrind/callgrind.h>
void measure_begin(void) { CALLGRIND_ZERO_STATS; CALLGRIND_TOGGLE_COLLECT; }
void measure_end(const char *name) { CALLGRIND_TOGGLE_COLLECT; CALLGRIND_DUMP_STATS_AT(name); }
"""
#: Requests sent before counting: readers built, caches filled, the store's file warm.
WARM_REQUESTS = 20


def unavailable() -> str | None:
    """Why instructions cannot be counted here, or ``None`` when they can."""
    if not shutil.which("valgrind"):
        return "valgrind is not installed (apt-get install valgrind)"
    if not shutil.which("cc"):
        return "no C compiler for the callgrind marker (apt-get install gcc)"
    if not Path("/usr/include/valgrind/callgrind.h").is_file():
        return "valgrind's headers are missing (apt-get install valgrind)"
    return None


def count(
    cases: str, requests: int = 40, timeout: float = 1200, env: dict[str, str] | None = None
) -> dict[str, float]:
    """Instructions per request for each case ``cases`` (``module:function`` in
    ``benchmarks/``) builds, counted in one run under callgrind. ``env``: more variables
    for the run (where a benchmark left its recorded requests, say).

    :raises RuntimeError: valgrind or the compiler is missing, or the run failed.
    """
    reason = unavailable()
    if reason:
        raise RuntimeError(reason)
    with tempfile.TemporaryDirectory(prefix="second-opinion-callgrind-") as folder:
        marker = Path(folder) / "marker.so"
        (Path(folder) / "marker.c").write_text(MARKER_SOURCE)
        subprocess.run(
            ["cc", "-O1", "-shared", "-fPIC", "-o", str(marker), str(Path(folder) / "marker.c")],
            check=True, capture_output=True,
        )  # fmt: skip
        out = Path(folder) / "callgrind.out"
        command = [
            "valgrind", "--tool=callgrind", "--collect-atstart=no",
            f"--callgrind-out-file={out}",
            sys.executable, str(Path(__file__)), "--child", str(marker), cases,
            "--requests", str(requests),
        ]  # fmt: skip
        # One hash seed: dict and set layouts, and so the counts, are the same every run.
        env = {**os.environ, **(env or {}), "PYTHONHASHSEED": "0"}
        done = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
        )
        if done.returncode != 0:
            raise RuntimeError(f"callgrind run failed: {done.stderr[-2000:]}")
        return read_dumps(Path(folder), requests)


def read_dumps(folder: Path, requests: int) -> dict[str, float]:
    """``{case: instructions per request}`` from callgrind's dump files, one per case."""
    counts: dict[str, float] = {}
    dumps = sorted(folder.glob("callgrind.out.*"), key=lambda path: int(path.suffix[1:]))
    for dump in dumps:
        text = dump.read_text(errors="replace")
        name = re.search(r"^desc: Trigger: Client Request: (.+)$", text, re.M)
        total = re.search(r"^totals: (\d+)", text, re.M)
        if name and total:
            counts[name.group(1)] = int(total.group(1)) / requests
    return counts


# -- the child, running under valgrind -----------------------------------------------------
def environ_for(body: bytes, headers: dict[str, str]) -> dict:
    """The WSGI environ a server builds for ``POST /alexa`` with ``body`` and ``headers``."""
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/alexa",
        "SCRIPT_NAME": "",
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8080",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "CONTENT_TYPE": "application/json",
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    for key, value in headers.items():
        environ["HTTP_" + key.upper().replace("-", "_")] = value
    return environ


def send(app, environ: dict, body: bytes) -> None:
    """One request to ``app``; anything but a 200 stops the run (a refused request would
    count the cost of refusing)."""
    statuses = []
    result = app(
        {**environ, "wsgi.input": io.BytesIO(body)}, lambda s, h, e=None: statuses.append(s)
    )
    try:
        b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    if not statuses or not statuses[0].startswith("200"):
        raise SystemExit(f"request answered {statuses}")


def child(marker: str, cases_name: str, requests: int) -> None:
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(ROOT))
    module_name, function = cases_name.split(":")
    module = __import__(module_name)
    cases = getattr(module, function)()
    lib = ctypes.CDLL(marker)
    lib.measure_end.argtypes = [ctypes.c_char_p]
    for name, (app, sent) in cases.items():
        prepared = [(environ_for(body, headers), body) for body, headers in sent]
        schedule = [prepared[i % len(prepared)] for i in range(requests)]
        for i in range(max(WARM_REQUESTS, len(prepared))):
            send(app, *prepared[i % len(prepared)])
        # Every case starts from the same collector state: what the setup left is frozen
        # out of the counts, so a full collection of it cannot land in one case's window.
        gc.collect()
        gc.freeze()
        lib.measure_begin()
        for environ, body in schedule:
            send(app, environ, body)
        lib.measure_end(name.encode())
        gc.unfreeze()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", help="module:function in benchmarks/ building the cases")
    parser.add_argument("--requests", type=int, default=40, help="counted per case")
    parser.add_argument("--child", metavar="MARKER", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.cases, args.requests)
        return
    for name, instructions in count(args.cases, args.requests).items():
        print(f"{name:<32} {instructions:>12,.0f} instructions/request")


if __name__ == "__main__":
    main()
