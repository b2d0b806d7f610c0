"""Cost per request of ``POST /alexa``, beside the floor a bare ask-sdk-core Flask app sets.

Prints microseconds per request for each path and request kind, the ratio to the floor,
and the cold start (new interpreter to first answered request). Beside each timing, the
instructions it took, counted by valgrind's callgrind (``instructions.py``): a figure a
busy machine does not change, where timings on a shared machine vary by a third. Run:

    python benchmarks/request_cost.py [--seconds 1.0] [--rounds 3] [--no-instructions]
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import subprocess
import sys
import textwrap
import time
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import instructions  # noqa: E402

TARGET_RATIO = 1.3
#: From a new interpreter to the first answered request, against the floor app's.
TARGET_COLD_START = 1.3
#: Alexa's checks (signature, timestamp, skill id; chain cached) against the unverified path.
VERIFIED_TARGET_RATIO = 1.2


def envelope(request: dict) -> dict:
    """A realistic request envelope, as Alexa sends it mid-session."""
    return {
        "version": "1.0",
        "session": {
            "new": False,
            "sessionId": "amzn1.echo-api.session.bench",
            "application": {"applicationId": "amzn1.ask.skill.bench"},
            "user": {"userId": "amzn1.ask.account.bench"},
            "attributes": {},
        },
        "context": {
            "System": {
                "application": {"applicationId": "amzn1.ask.skill.bench"},
                "user": {"userId": "amzn1.ask.account.bench"},
                "device": {"deviceId": "bench", "supportedInterfaces": {}},
                "apiEndpoint": "https://api.amazonalexa.com",
            }
        },
        "request": {
            "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
            "timestamp": "2026-11-26T00:00:00Z",
            "locale": "en-US",
            **request,
        },
    }


def guidance_intent() -> str:
    """The first custom intent in the en-US model that a guidance area answers."""
    model = json.loads((ROOT / "interaction_models" / "en-US.json").read_text())
    safety = {"EmergencyIntent", "CrisisIntent", "DiagnosisRequestIntent"}
    for intent in model["interactionModel"]["languageModel"]["intents"]:
        name = intent["name"]
        if not name.startswith("AMAZON.") and name not in safety and not intent.get("slots"):
            return name
    raise SystemExit("no guidance intent in the en-US model")


def requests() -> dict[str, bytes]:
    launch = envelope({"type": "LaunchRequest"})
    launch["session"]["new"] = True
    intent = envelope({"type": "IntentRequest", "intent": {"name": guidance_intent(), "slots": {}}})
    # Mid-session, Alexa sends back the attributes the skill's last answer set (with a
    # store, that the user's progress was read at launch, so it is not read again).
    intent["session"]["attributes"] = attributes_after(launch)
    return {
        "LaunchRequest": json.dumps(launch).encode(),
        "IntentRequest": json.dumps(intent).encode(),
    }


def attributes_after(launch: dict) -> dict:
    """The session attributes our skill, keeping progress in SQLite, answers ``launch`` with."""
    client = persisted_app().test_client()
    reply = client.post("/alexa", data=json.dumps(launch), content_type="application/json")
    return reply.get_json().get("sessionAttributes") or {}


# -- the apps being measured ------------------------------------------------------------
def ours_app(**settings):
    from skill.app import create_app
    from skill.settings import Settings

    return create_app(Settings(verify=False, store="memory").with_(**settings))


def sqlite_settings() -> dict:
    """Progress in SQLite: a temporary file, warm after the first requests."""
    import atexit
    import shutil
    import tempfile

    folder = tempfile.mkdtemp(prefix="second-opinion-bench-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return {"store": "sqlite", "db_path": str(Path(folder) / "progress.sqlite3")}


def persisted_app():
    """Ours with progress in SQLite."""
    return ours_app(**sqlite_settings())


def verified_app(**settings):
    """Ours with Alexa's checks on: a test chain, fetched once and cached, and a real
    RSA-SHA256 signature for each body. The clock reads the envelopes' timestamp."""
    sys.path.insert(0, str(ROOT / "tests" / "verification"))
    from alexa_pki import CHAIN_URL, PKI, new_key, sign

    from skill.app import create_app
    from skill.settings import Settings
    from skill.verification import RequestVerifier

    sample = envelope({})
    sent = datetime.fromisoformat(sample["request"]["timestamp"])
    pki, key = PKI(now=sent), new_key()
    chain = pki.chain(pki.leaf(key))
    verifier = RequestVerifier(
        skill_id=sample["context"]["System"]["application"]["applicationId"],
        trust_roots=[pki.root],
        fetch=lambda url: chain,
        clock=sent.timestamp,
    )
    app = create_app(Settings(store="memory").with_(**settings), verifier=verifier)
    return app, lambda body: {"SignatureCertChainUrl": CHAIN_URL, "Signature-256": sign(key, body)}


def floor_app():
    """The least a Flask-hosted ask-sdk-core skill can do: deserialize, one handler, serialize."""
    from ask_sdk_core.serialize import DefaultSerializer
    from ask_sdk_core.skill_builder import SkillBuilder
    from ask_sdk_model import RequestEnvelope
    from flask import Flask, jsonify, request

    builder = SkillBuilder()

    @builder.request_handler(can_handle_func=lambda handler_input: True)
    def answer(handler_input):
        return handler_input.response_builder.speak("Hello.").ask("Anything else?").response

    skill = builder.create()
    serializer = DefaultSerializer()
    app = Flask("floor")

    @app.post("/alexa")
    def alexa():
        request_envelope = serializer.deserialize(request.get_data(as_text=True), RequestEnvelope)
        return jsonify(serializer.serialize(skill.invoke(request_envelope, None)))

    return app


# Each path: a name and a factory returning (flask app, headers for a request body).
PATHS: dict[str, Callable[[], tuple[object, Callable[[bytes], dict]]]] = {
    "floor": lambda: (floor_app(), lambda body: {}),
    "ours": lambda: (ours_app(), lambda body: {}),
    "verified": verified_app,
    "persisted": lambda: (persisted_app(), lambda body: {}),
    # What Alexa's requests really cost in production: checked, and progress kept.
    "verified+persisted": lambda: verified_app(**sqlite_settings()),
}
#: The verified, persisted request against the floor.
PRODUCTION_TARGET_RATIO = 1.0


def instruction_cases() -> dict[str, tuple[object, list[tuple[bytes, dict]]]]:
    """Every path and request kind, for ``instructions.py`` to count under callgrind."""
    logging.getLogger("skill.app").setLevel(logging.ERROR)  # verification is off on purpose
    bodies = requests()
    cases = {}
    for name, factory in PATHS.items():
        app, headers_for = factory()
        for kind, body in bodies.items():
            cases[f"{name} {kind}"] = (app, [(body, headers_for(body))])
    return cases


def measure(app, headers_for, body: bytes, seconds: float) -> float:
    """Microseconds per request: the fastest of the batches filling ``seconds``. On a
    shared machine other work only ever adds time, so the fastest batch is the closest to
    what the code itself costs (as ``timeit`` advises)."""
    client = app.test_client()
    headers = {"Content-Type": "application/json", **headers_for(body)}

    def post():
        response = client.post("/alexa", data=body, headers=headers)
        assert response.status_code == 200, response.get_data(as_text=True)

    for _ in range(50):
        post()
    batch, samples, deadline = 100, [], time.perf_counter() + seconds
    while time.perf_counter() < deadline or len(samples) < 5:
        start = time.perf_counter()
        for _ in range(batch):
            post()
        samples.append((time.perf_counter() - start) / batch * 1e6)
    return min(samples)


COLD_OURS = """
import logging
logging.getLogger("skill.app").setLevel(logging.ERROR)  # verification is off on purpose
from skill.app import create_app
from skill.settings import Settings
app = create_app(Settings(verify=False, store="memory"))
"""
COLD_FLOOR = """
import sys; sys.path.insert(0, {bench!r})
from request_cost import floor_app
app = floor_app()
"""
COLD_TAIL = """
headers = {{"Content-Type": "application/json"}}
response = app.test_client().post("/alexa", data={body!r}, headers=headers)
assert response.status_code == 200
# Peak memory of this program, in KiB. Not ru_maxrss: Linux keeps it across exec, so it
# would report the benchmark process that started this one.
import re
with open("/proc/self/status") as status:
    print(re.search(r"VmHWM:\\s+(\\d+)", status.read()).group(1))
"""


def compile_bytecode() -> None:
    """Write the skill's bytecode, as installing it does. The floor's libraries have theirs
    from pip; without this, a checkout being edited (or PYTHONDONTWRITEBYTECODE) makes
    every start of ours compile its changed modules, which doubled its measured import."""
    import compileall

    for folder in ("skill", "plugins", "interaction_models", "benchmarks"):
        compileall.compile_dir(ROOT / folder, quiet=1)


def cold_start(setups: dict[str, str], body: bytes, runs: int = 7) -> dict[str, dict]:
    """For each setup: seconds from a new interpreter to the first answered request
    (median and fastest of ``runs``, the setups taking turns) and peak memory then, MiB."""
    times: dict[str, list[float]] = {name: [] for name in setups}
    peaks: dict[str, list[float]] = {name: [] for name in setups}
    for _ in range(runs):
        for name, setup in setups.items():
            code = textwrap.dedent(setup) + COLD_TAIL.format(body=body)
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-c", code], check=True, cwd=ROOT, capture_output=True, text=True
            )
            times[name].append(time.perf_counter() - start)
            peaks[name].append(int(done.stdout.split()[-1]) / 1024)
    return {
        name: {
            "median": statistics.median(times[name]),
            "fastest": min(times[name]),
            "mib": statistics.median(peaks[name]),
        }
        for name in setups
    }


def cold_start_instructions(setups: dict[str, str], body: bytes) -> dict[str, int]:
    """Instructions from a new interpreter to the first answered request, by callgrind:
    the same on a busy machine as on a quiet one."""
    import os
    import re
    import tempfile

    counted = {}
    with tempfile.TemporaryDirectory(prefix="second-opinion-cold-") as folder:
        for name, setup in setups.items():
            out = Path(folder) / f"{name}.out"
            code = textwrap.dedent(setup) + COLD_TAIL.format(body=body)
            subprocess.run(
                ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                 sys.executable, "-c", code],
                check=True, cwd=ROOT, capture_output=True,
                env={**os.environ, "PYTHONHASHSEED": "0"},
            )  # fmt: skip
            counted[name] = int(re.search(r"^totals: (\d+)", out.read_text(), re.M).group(1))
    return counted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=1.0, help="time per measurement")
    parser.add_argument(
        "--rounds", type=int, default=3, help="rounds over all paths; the best round counts"
    )
    parser.add_argument(
        "--no-instructions", action="store_true", help="skip the callgrind counts (slow)"
    )
    args = parser.parse_args()
    logging.getLogger("skill.app").setLevel(logging.ERROR)  # verification is off on purpose

    bodies = requests()
    apps = {name: factory() for name, factory in PATHS.items()}
    results: dict[str, dict[str, float]] = {name: {} for name in apps}
    # Paths take turns, round after round, and each keeps its best: a busy moment on the
    # machine then slows one round of every path rather than all of one path.
    for _ in range(args.rounds):
        for name, (app, headers_for) in apps.items():
            for kind, body in bodies.items():
                micros = measure(app, headers_for, body, args.seconds / args.rounds)
                results[name][kind] = min(results[name].get(kind, micros), micros)

    counted: dict[str, float] = {}
    why_not = "skipped" if args.no_instructions else instructions.unavailable()
    if not why_not:
        counted = instructions.count("request_cost:instruction_cases")

    header = f"{'path':<19} {'request':<14} {'µs/request':>11} {'ratio':>6}"
    print(header + (f" {'instr/request':>14} {'ratio':>6}" if counted else ""))
    for name, by_kind in results.items():
        for kind, micros in by_kind.items():
            base_name = "ours" if name in ("verified", "persisted") else "floor"
            ratio = micros / results[base_name][kind]
            line = f"{name:<19} {kind:<14} {micros:>11.1f} {ratio:>6.2f}"
            if counted:
                mine, base = counted[f"{name} {kind}"], counted[f"{base_name} {kind}"]
                line += f" {mine:>14,.0f} {mine / base:>6.2f}"
            print(line)
    if why_not:
        print(f"(instructions not counted: {why_not})")
    print("(ratios: ours and verified+persisted to the floor; verified and persisted to ours)")
    for name, base_name, target in (
        ("ours", "floor", TARGET_RATIO),
        ("verified", "ours", VERIFIED_TARGET_RATIO),
        ("persisted", "ours", TARGET_RATIO),
        ("verified+persisted", "floor", PRODUCTION_TARGET_RATIO),
    ):
        # The worse request kind counts.
        timed = max(results[name][kind] / results[base_name][kind] for kind in bodies)
        line = f"target {name}/{base_name} <= {target}: {timed:.2f} timed"
        verdict = timed <= target
        if counted:
            worst = max(counted[f"{name} {k}"] / counted[f"{base_name} {k}"] for k in bodies)
            line += f", {worst:.2f} in instructions"
            verdict = worst <= target
        print(f"{line}: {'met' if verdict else 'NOT met'}")

    body = bodies["LaunchRequest"]
    setups = {"ours": COLD_OURS, "floor": COLD_FLOOR.format(bench=str(ROOT / "benchmarks"))}
    compile_bytecode()
    cold = cold_start(setups, body)
    ours, floor = cold["ours"], cold["floor"]
    fastest = ours["fastest"] / floor["fastest"]
    print(
        f"cold start   ours {ours['median']:.3f} s (fastest {ours['fastest']:.3f})   "
        f"floor {floor['median']:.3f} s (fastest {floor['fastest']:.3f})   "
        f"ratio {ours['median'] / floor['median']:.2f} (fastest {fastest:.2f}, "
        f"target <= {TARGET_COLD_START}: {'met' if fastest <= TARGET_COLD_START else 'NOT met'})"
    )
    if not why_not:
        counts = cold_start_instructions(setups, body)
        ratio = counts["ours"] / counts["floor"]
        print(
            f"cold start   ours {counts['ours'] / 1e6:,.0f} M instructions   floor "
            f"{counts['floor'] / 1e6:,.0f} M   ratio {ratio:.2f} "
            f"(target <= {TARGET_COLD_START}: {'met' if ratio <= TARGET_COLD_START else 'NOT met'})"
        )
    print(
        f"peak memory  ours {ours['mib']:.1f} MiB   floor {floor['mib']:.1f} MiB "
        "(after one request)"
    )


if __name__ == "__main__":
    main()
