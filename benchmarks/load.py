"""The served skill under load, beside the floor app, on the same server (``serve``'s
waitress, 8 threads), driven by wrk with recorded conversations. Run:

    python benchmarks/load.py [--seconds 3] [--rounds 2] [--clients 1 8 32]

Prints requests per second and p50/p99 latency for the floor (a minimal Flask +
ask-sdk-core app), ours (progress in SQLite) and ours verified (Alexa's signature checked on
every request), and the ratios. Loopback only; wrk comes from Debian's ``wrk`` package.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests" / "verification"))

import conversations  # noqa: E402

APPS = ("floor", "ours", "verified")
#: At 32 clients: ours/floor throughput at least this, p99 at most TARGET_P99 times the floor.
TARGET_THROUGHPUT = 0.9
TARGET_P99 = 1.2
#: Verified/unverified throughput at least this.
TARGET_VERIFIED = 0.9
UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def signing_files(folder: Path, bodies: list[bytes], stamp: str) -> list[dict]:
    """A test PKI trusted by the verified server, and Alexa's headers for each body."""
    from alexa_pki import CHAIN_URL, PKI, new_key, pem, sign

    sent = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    pki, key = PKI(now=sent), new_key()
    (folder / "root.pem").write_bytes(pem(pki.root))
    (folder / "chain.pem").write_bytes(pki.chain(pki.leaf(key)))
    (folder / "timestamp").write_text(sent.isoformat())
    return [{"SignatureCertChainUrl": CHAIN_URL, "Signature-256": sign(key, b)} for b in bodies]


def lua_script(bodies: list[bytes], headers: list[dict]) -> str:
    """A wrk script that sends the bodies in turn, each with its headers."""
    lines = ["local requests = {}", "local next_one = 0", "init = function(args)"]
    for body, extra in zip(bodies, headers, strict=True):
        text = body.decode()
        level = "=" * 4
        assert f"]{level}]" not in text
        fields = {"Content-Type": "application/json", **extra}
        header_table = ", ".join(f'["{k}"] = "{v}"' for k, v in fields.items())
        lines.append(
            f'  requests[#requests + 1] = wrk.format("POST", "/alexa", {{{header_table}}}, '
            f"[{level}[{text}]{level}])"
        )
    lines += [
        "end",
        "request = function()",
        "  next_one = next_one % #requests + 1",
        "  return requests[next_one]",
        "end",
    ]
    return "\n".join(lines) + "\n"


def wait_until_up(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                return
        except urllib.error.HTTPError:
            return  # the floor has no /healthz: it answers, so it is up
        except OSError:
            if server.poll() is not None:
                raise SystemExit(f"server exited: {server.stderr.read().decode()}") from None
            time.sleep(0.1)
    raise SystemExit("server did not start")


def wrk(port: int, script: Path, clients: int, seconds: float) -> dict:
    threads = min(clients, 2)
    command = ["wrk", f"-t{threads}", f"-c{clients}", f"-d{max(1, round(seconds))}s"]
    command += ["--latency", "--timeout", "5s", "-s", str(script)]
    command.append(f"http://127.0.0.1:{port}/alexa")
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    out = done.stdout
    latency = {
        int(p): float(v) * UNITS[u]
        for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)$", out, re.M)
    }
    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency[50],
        "p99": latency[99],
        "failed": int(failed.group(1)) if failed else 0,
        "socket_errors": errors.group(1) if errors else "",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=3, help="per measurement")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--users", type=int, default=8, help="users whose sessions are replayed")
    parser.add_argument("--rounds", type=int, default=2, help="rounds; each app keeps its best")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk (scripts/system-packages.txt)")

    envelopes = conversations.record(args.users)
    bodies = [json.dumps(envelope).encode() for envelope in envelopes]
    folder = Path(tempfile.mkdtemp(prefix="second-opinion-load-"))
    try:
        signed = signing_files(folder, bodies, envelopes[0]["request"]["timestamp"])
        scripts = {
            "plain": folder / "plain.lua",
            "signed": folder / "signed.lua",
        }
        scripts["plain"].write_text(lua_script(bodies, [{}] * len(bodies)))
        scripts["signed"].write_text(lua_script(bodies, signed))
        servers, ports = {}, {}
        try:
            for app in APPS:
                ports[app] = free_port()
                servers[app] = subprocess.Popen(
                    [sys.executable, str(HERE / "load_server.py"), app, str(ports[app]),
                     str(folder / f"{app}.sqlite3"), str(folder)],
                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT,
                )  # fmt: skip
            for app in APPS:
                wait_until_up(ports[app], servers[app])
                # Warm: every conversation once, and the store written.
                wrk(ports[app], scripts["signed" if app == "verified" else "plain"], 8, 1)
            results = measure(ports, scripts, args)
        finally:
            for server in servers.values():
                server.terminate()
                server.wait(10)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    report(results, args, len(bodies))


def measure(ports: dict, scripts: dict, args: argparse.Namespace) -> dict:
    """Each app at each client count, taking turns round after round; each keeps its best
    round (most requests per second), so a busy moment on a shared machine slows one round
    of every app rather than all of one app."""
    results: dict[str, dict[int, dict]] = {app: {} for app in APPS}
    for _ in range(args.rounds):
        for clients in args.clients:
            for app in APPS:
                script = scripts["signed" if app == "verified" else "plain"]
                run = wrk(ports[app], script, clients, args.seconds)
                best = results[app].get(clients)
                if best is None or run["rps"] > best["rps"]:
                    results[app][clients] = run
    return results


def report(results: dict, args: argparse.Namespace, requests: int) -> None:
    print(
        f"{requests} recorded requests ({len(conversations.CONVERSATIONS)} conversations x "
        f"{args.users} users), best of {args.rounds} rounds of {args.seconds} s, waitress 8 "
        "threads, SQLite"
    )
    print(f"{'app':<10} {'clients':>7} {'rps':>9} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
    for app, by_clients in results.items():
        for clients, r in by_clients.items():
            print(
                f"{app:<10} {clients:>7} {r['rps']:>9.0f} {r['p50']:>8.2f} {r['p99']:>8.2f} "
                f"{r['failed']:>8} {r['socket_errors']}"
            )
    print(
        f"{'ratios':<10} {'clients':>7} {'ours/floor rps':>15} {'p99':>6} {'verified/ours rps':>18}"
    )
    for clients in args.clients:
        floor, ours, verified = (results[app][clients] for app in APPS)
        print(
            f"{'':<10} {clients:>7} {ours['rps'] / floor['rps']:>15.2f} "
            f"{ours['p99'] / floor['p99']:>6.2f} {verified['rps'] / ours['rps']:>18.2f}"
        )
    print(
        f"(targets at 32 clients: ours/floor rps >= {TARGET_THROUGHPUT}, p99 <= {TARGET_P99}x "
        f"the floor; verified/ours rps >= {TARGET_VERIFIED})"
    )


if __name__ == "__main__":
    main()
