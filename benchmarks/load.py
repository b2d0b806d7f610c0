"""The served skill under load, beside the floor app, on the same server (``serve``'s
waitress, 8 threads), driven by wrk with recorded conversations. Run:

    python benchmarks/load.py [--seconds 3] [--rounds 2] [--clients 1 8 32] [--no-instructions]

Prints, for each number of clients, requests per second and p50/p99 latency of the floor (a
minimal Flask + ask-sdk-core app), ours (progress in SQLite) and ours verified (Alexa's
signature checked on every request) side by side, with the ratios; then each target and
whether it is met. Beside them, the instructions each app spends per request on the same
recorded requests, counted by callgrind (``instructions.py``): timings on a shared machine
vary by a third from run to run, instruction counts by a fraction of a percent. Loopback
only; wrk comes from Debian's ``wrk`` package, valgrind from ``valgrind``.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
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
import instructions  # noqa: E402

APPS = ("floor", "ours", "verified")
#: At 32 clients: ours/floor throughput at least this, p99 at most TARGET_P99 times the floor.
TARGET_THROUGHPUT = 0.9
TARGET_P99 = 1.2
#: Verified/unverified throughput at least this.
TARGET_VERIFIED = 0.9
#: The same, in instructions per request: the signature check must leave room for a busy
#: machine's scheduling, so that under load verified stays at TARGET_VERIFIED or more.
TARGET_VERIFIED_INSTRUCTIONS = 0.95
#: Where ``instruction_cases`` finds the recorded requests, in the callgrind run.
FOLDER_ENV = "SECOND_OPINION_LOAD_FOLDER"
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
    parser.add_argument(
        "--no-instructions", action="store_true", help="skip the callgrind counts (a minute)"
    )
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
        (folder / "requests.json").write_text(
            json.dumps({"bodies": [b.decode() for b in bodies], "signed": signed})
        )
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
        counted, why_not = {}, "skipped" if args.no_instructions else instructions.unavailable()
        if not why_not:
            counted = instructions.count(
                "load:instruction_cases", len(bodies), env={FOLDER_ENV: str(folder)}
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    report(results, args, len(bodies), counted, why_not)


def instruction_cases() -> dict[str, tuple[object, list[tuple[bytes, dict]]]]:
    """The three apps as ``load_server.py`` builds them, each with the recorded requests
    (signed for the verified one), for ``instructions.py`` to count."""
    import load_server

    folder = Path(os.environ[FOLDER_ENV])
    recorded = json.loads((folder / "requests.json").read_text())
    bodies = [body.encode() for body in recorded["bodies"]]
    cases = {}
    for app in APPS:
        headers = recorded["signed"] if app == "verified" else [{}] * len(bodies)
        built = load_server.build(app, str(folder / f"{app}-counted.sqlite3"), folder)
        cases[app] = (built, list(zip(bodies, headers, strict=True)))
    return cases


def store_cases() -> dict[str, tuple[object, list[tuple[bytes, dict]]]]:
    """Ours with progress in SQLite and in memory, on the recorded conversations: what the
    store adds to a request. Every request once (4 conversations x 8 users)::

        python benchmarks/instructions.py load:store_cases --requests 152
    """
    import load_server

    from skill.app import create_app
    from skill.settings import Settings

    logging.getLogger("skill.app").setLevel(logging.ERROR)  # verification off on purpose
    bodies = [json.dumps(envelope).encode() for envelope in conversations.record(8)]
    folder = Path(tempfile.mkdtemp(prefix="second-opinion-store-cost-"))
    sqlite_app = load_server.build("ours", str(folder / "progress.sqlite3"), folder)
    memory = Settings(store="memory", skill_id=conversations.SKILL_ID, verify=False)
    sent = [(body, {}) for body in bodies]
    return {"sqlite": (sqlite_app, sent), "memory": (create_app(memory), sent)}


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


def report(
    results: dict, args: argparse.Namespace, requests: int, counted: dict, why_not: str | None
) -> None:
    print(
        f"{requests} recorded requests ({len(conversations.CONVERSATIONS)} conversations x "
        f"{args.users} users), best of {args.rounds} rounds of {args.seconds} s, waitress 8 "
        "threads, SQLite"
    )
    apps = "".join(f" | {app:>8} rps  p50 ms  p99 ms" for app in APPS)
    print(f"{'clients':>7}{apps} | ours/floor rps  p99 | verified/ours rps | non-2xx")
    for clients in args.clients:
        floor, ours, verified = (results[app][clients] for app in APPS)
        line = f"{clients:>7}"
        for r in (floor, ours, verified):
            line += f" | {r['rps']:>12.0f} {r['p50']:>7.2f} {r['p99']:>7.2f}"
        failed = sum(r["failed"] for r in (floor, ours, verified))
        errors = "; ".join(
            r["socket_errors"] for r in (floor, ours, verified) if r["socket_errors"]
        )
        line += (
            f" | {ours['rps'] / floor['rps']:>14.2f} {ours['p99'] / floor['p99']:>4.2f}"
            f" | {verified['rps'] / ours['rps']:>17.2f} | {failed:>7} {errors}"
        )
        print(line)
    if counted:
        floor_i, ours_i, verified_i = (counted[app] for app in APPS)
        print(
            f"instructions/request (callgrind, the same requests): floor {floor_i:,.0f}   "
            f"ours {ours_i:,.0f} (ours/floor {ours_i / floor_i:.2f})   verified "
            f"{verified_i:,.0f} (as throughput, verified/ours {ours_i / verified_i:.2f})"
        )
    else:
        print(f"instructions/request: not counted ({why_not})")
    at = max(args.clients)
    floor, ours, verified = (results[app][at] for app in APPS)
    for label, value, target, met in (
        ("ours/floor throughput", ours["rps"] / floor["rps"], f">= {TARGET_THROUGHPUT}",
         ours["rps"] / floor["rps"] >= TARGET_THROUGHPUT),
        ("ours/floor p99", ours["p99"] / floor["p99"], f"<= {TARGET_P99}",
         ours["p99"] / floor["p99"] <= TARGET_P99),
        ("verified/ours throughput", verified["rps"] / ours["rps"], f">= {TARGET_VERIFIED}",
         verified["rps"] / ours["rps"] >= TARGET_VERIFIED),
    ):  # fmt: skip
        print(
            f"target at {at} clients: {label} {target}: {value:.2f} {'met' if met else 'NOT met'}"
        )
    if counted:
        ratio = ours_i / verified_i
        print(
            f"target: verified/ours in instructions >= {TARGET_VERIFIED_INSTRUCTIONS}: "
            f"{ratio:.2f} {'met' if ratio >= TARGET_VERIFIED_INSTRUCTIONS else 'NOT met'}"
        )


if __name__ == "__main__":
    main()
