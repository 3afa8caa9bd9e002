"""The scale benchmark behind bench/run.sh (docs/performance.md).

For each size N (connectors) it starts a fresh standalone emulator, writes a stack of N WhatsApp connectors with three
channel-filtered webhook subscriptions each plus the policy, role and access key (4N+3 resources), and measures the real
`birdinfra` (the built dll, run as a child process): `validate`, `up`, the no-op `preview` after it and `drift` (which must find nothing), each with its
wall time, peak RSS (the child's ru_maxrss) and the Bird calls it made (the emulator's call log). Then, with a latency
fault on every route, it times `up` of a smaller stack at `--parallel 1` and at the default parallelism. It prints a
table and writes everything as JSON. Standard library only.
"""

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

PASSPHRASE = "bench-passphrase-not-secret"
WHATSAPP_TOKEN = "EAAG-bench-whatsapp-token"
SIGNING_KEY = "bench-signing-key"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", required=True)
    parser.add_argument("--configuration", default="Release")
    parser.add_argument("--sizes", default="250 500 1000", help="connectors per stack; each adds 4 resources (plus 3)")
    parser.add_argument("--latency-connectors", type=int, default=50, help="connectors of the latency run (4N+3 resources)")
    parser.add_argument("--latency-ms", type=int, default=50)
    parser.add_argument("--channel-delay", default="0.05", help="seconds until the emulator creates a connector's channel")
    parser.add_argument("--channel-activation-delay", default="0.05", help="seconds a new channel stays 'pending' before it is 'active'")
    parser.add_argument("--activation-connectors", type=int, default=250,
                        help="connectors of the activation run: up with --channel-activation-delay 0.05 and then 1 (0 skips it)")
    parser.add_argument("--activation-delays", default="0.05 1", help="the two channel activation delays of the activation run, in seconds")
    parser.add_argument("--out", default=None, help="JSON file to write (default bench/results.json)")
    args = parser.parse_args()

    build = os.path.join(args.root, "{}", "bin", args.configuration, "net10.0", "{}")
    cli = build.format("infra", "birdinfra.dll")
    emulator_dll = build.format("emulator", "BirdInfra.Emulator.dll")
    for dll in (cli, emulator_dll):
        if not os.path.exists(dll):
            sys.exit(f"error: {dll} is missing; run bench/run.sh without --no-build")

    sizes = [int(s) for s in args.sizes.split()]
    report = {
        "machine": {"cpus": os.cpu_count(), "loadAverage": list(os.getloadavg()), "platform": platform.platform()},
        "settings": {"channelDelaySeconds": float(args.channel_delay), "latencyMs": args.latency_ms, "configuration": args.configuration},
        "sizes": [],
    }

    for connectors in sizes:
        with Emulator(emulator_dll, args.channel_delay, args.channel_activation_delay) as bird, Workspace(bird, connectors) as ws:
            row = {"connectors": connectors, "resources": 4 * connectors + 3}
            row["validate"] = ws.measure(cli, "validate")
            row["up"] = ws.measure(cli, "up", "--yes")
            row["preview"] = ws.measure(cli, "preview", "--detailed-exitcode")
            # drift reads what preview reads, less the webhook catalogue; exit 0 = no false positive at this size.
            row["drift"] = ws.measure(cli, "drift", "--detailed-exitcode")
            row["driftTimeRatioToPreview"] = round(row["drift"]["seconds"] / row["preview"]["seconds"], 2)
            report["sizes"].append(row)
            print(f"  measured {row['resources']} resources", file=sys.stderr)

    for a, b in zip(report["sizes"], report["sizes"][1:]):
        b["upTimeRatioToPrevious"] = round(b["up"]["seconds"] / a["up"]["seconds"], 2)
        b["resourcesRatioToPrevious"] = round(b["resources"] / a["resources"], 2)

    if args.latency_connectors > 0:
        latency = {"connectors": args.latency_connectors, "resources": 4 * args.latency_connectors + 3, "latencyMs": args.latency_ms}
        for label, extra in (("parallel1", ["--parallel", "1"]), ("default", [])):
            with Emulator(emulator_dll, args.channel_delay, args.channel_activation_delay) as bird, Workspace(bird, args.latency_connectors) as ws:
                bird.add_latency(args.latency_ms)
                latency[label] = ws.measure(cli, "up", "--yes", *extra)
        latency["speedup"] = round(latency["parallel1"]["seconds"] / latency["default"]["seconds"], 2)
        report["latency"] = latency
    if args.activation_connectors > 0:
        # Waits hold no parallel slot: with 1 s of activation per channel, up should cost little more than with 50 ms.
        fast_delay, slow_delay = args.activation_delays.split()
        activation = {"connectors": args.activation_connectors, "resources": 4 * args.activation_connectors + 3}
        for label, delay in (("fast", fast_delay), ("slow", slow_delay)):
            with Emulator(emulator_dll, args.channel_delay, delay) as bird, Workspace(bird, args.activation_connectors) as ws:
                activation[label] = dict(ws.measure(cli, "up", "--yes"), activationDelaySeconds=float(delay))
        activation["ratio"] = round(activation["slow"]["seconds"] / activation["fast"]["seconds"], 2)
        report["activation"] = activation
    report["machine"]["loadAverageAfter"] = list(os.getloadavg())

    out = args.out or os.path.join(args.root, "bench", "results.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=2)
        f.write("\n")
    print_table(report)
    print(f"\nJSON: {out}")


def print_table(report):
    print("| resources | command | wall s | peak RSS MB | Bird calls | up time ratio to previous size |")
    print("|---:|---|---:|---:|---:|---:|")
    for row in report["sizes"]:
        for command in ("validate", "up", "preview", "drift"):
            m = row[command]
            ratio = row.get("upTimeRatioToPrevious", "") if command == "up" else (f"drift/preview {row['driftTimeRatioToPreview']}" if command == "drift" else "")
            print(f"| {row['resources']} | {command} | {m['seconds']:.2f} | {m['peakRssMb']:.0f} | {m['birdCalls']} | {ratio} |")
    lat = report.get("latency")
    if lat:
        print(f"\n`up` of {lat['resources']} resources with {lat['latencyMs']} ms latency on every route: "
              f"--parallel 1 {lat['parallel1']['seconds']:.2f} s ({lat['parallel1']['birdCalls']} calls), "
              f"default {lat['default']['seconds']:.2f} s ({lat['default']['birdCalls']} calls): {lat['speedup']}x faster")
    act = report.get("activation")
    if act:
        print(f"\n`up` of {act['resources']} resources, channel activation {act['fast']['activationDelaySeconds']} s: {act['fast']['seconds']:.2f} s, "
              f"{act['slow']['activationDelaySeconds']} s: {act['slow']['seconds']:.2f} s: ratio {act['ratio']}")
    load = report["machine"]
    print(f"load average before {load['loadAverage'][0]:.1f}, after {load['loadAverageAfter'][0]:.1f} on {load['cpus']} CPUs")


class Emulator:
    """A standalone emulator on a free loopback port, stopped on exit."""

    def __init__(self, dll, channel_delay, activation_delay):
        self.dll = dll
        self.channel_delay = channel_delay
        self.activation_delay = activation_delay

    def __enter__(self):
        self.process = subprocess.Popen(
            ["dotnet", self.dll, "--urls", "http://127.0.0.1:0", "--channel-delay", self.channel_delay,
             "--channel-activation-delay", self.activation_delay],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        values = {}
        while "listening" not in values:
            line = self.process.stdout.readline()
            if not line:
                raise SystemExit("error: the emulator stopped before it listened")
            key, _, value = line.strip().partition(": ")
            values[key] = value
        self.url = values["listening"]
        self.organization = values["organizationId"]
        self.workspace = values["workspaceId"]
        self.admin_key = values["adminAccessKey"]
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def request(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.url + path, data=data, method=method)
        req.add_header("Authorization", "AccessKey " + self.admin_key)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(req, timeout=60) as response:
            text = response.read()
            return json.loads(text) if text else None

    def add_latency(self, ms):
        self.request("POST", "/_emulator/faults", {"path": "/**", "latencyMs": ms})

    def reset_calls(self):
        self.request("DELETE", "/_emulator/calls")

    def calls(self):
        return self.request("GET", "/_emulator/calls")["results"]


class Workspace:
    """A throwaway project folder with stacks/bench.yaml for N connectors aimed at the emulator."""

    def __init__(self, bird, connectors):
        self.bird = bird
        self.connectors = connectors

    def __enter__(self):
        self.root = tempfile.mkdtemp(prefix="birdinfra-bench-")
        os.makedirs(os.path.join(self.root, "stacks"))
        with open(os.path.join(self.root, "stacks", "bench.yaml"), "w", encoding="utf-8") as f:
            f.write(stack_yaml(self.bird.url, self.connectors))
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("BIRD", "WHATSAPP"))}
        self.env.update({
            "BIRD_ORGANIZATION_ID": self.bird.organization,
            "BIRD_WORKSPACE_ID": self.bird.workspace,
            "BIRD_ACCESS_KEY": self.bird.admin_key,
            "WHATSAPP_ACCESS_TOKEN": WHATSAPP_TOKEN,
            "BIRD_WEBHOOK_SIGNING_KEY": SIGNING_KEY,
            "BIRDINFRA_PASSPHRASE": PASSPHRASE,
        })
        return self

    def __exit__(self, *exc):
        shutil.rmtree(self.root, ignore_errors=True)

    def measure(self, cli, command, *extra):
        """Runs `birdinfra COMMAND --stack bench ...`; wall time, the child's peak RSS and the Bird calls it made."""
        self.bird.reset_calls()
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            started = time.monotonic()
            child = subprocess.Popen(["dotnet", cli, command, "--stack", "bench", *extra], cwd=self.root, env=self.env,
                                     stdin=subprocess.DEVNULL, stdout=out, stderr=err)
            # wait4 gives the child's own rusage: ru_maxrss is its peak resident set (KiB on Linux).
            _, status, usage = os.wait4(child.pid, 0)
            seconds = time.monotonic() - started
            child.returncode = os.waitstatus_to_exitcode(status)
            if child.returncode != 0:
                out.seek(0)
                err.seek(0)
                raise SystemExit(f"error: birdinfra {command} exited {child.returncode}\n{out.read().decode()[-3000:]}\n{err.read().decode()[-3000:]}")
        rss_kb = usage.ru_maxrss
        calls = self.bird.calls()
        return {
            "seconds": round(seconds, 3),
            "peakRssMb": round(rss_kb / 1024, 1),
            "birdCalls": len(calls),
            "mutatingCalls": sum(1 for c in calls if c["method"] != "GET"),
        }


def stack_yaml(endpoint, connectors):
    lines = [
        "target:",
        f"  endpoint: {endpoint}",
        "  organizationId: { env: BIRD_ORGANIZATION_ID }",
        "  workspaceId: { env: BIRD_WORKSPACE_ID }",
        "  accessKey: { env: BIRD_ACCESS_KEY }",
        "",
        "accessPolicies:",
        "  contact-center:",
        "    name: bench-contact-center",
        "    definitions:",
        "      - effect: allow",
        "        actions: [create]",
        "        resources: [/workspaces/*/channels/*/messages]",
        "",
        "accessRoles:",
        "  contact-center:",
        "    name: bench-contact-center",
        "    policies: [contact-center]",
        "",
        "accessKeys:",
        "  contact-center:",
        "    name: bench-contact-center",
        "    description: Used by the benchmark",
        "    roles: [contact-center]",
        "",
        "connectors:",
    ]
    for i in range(connectors):
        lines += [
            f"  n{i}:",
            f"    name: Bench number {i}",
            f"    wabaId: \"10229{i:010d}\"",
            f"    phoneId: \"10654{i:010d}\"",
            f"    phoneNumber: \"+3162{i:07d}\"",
            "    accessToken: { env: WHATSAPP_ACCESS_TOKEN }",
        ]
    lines += ["", "webhookSubscriptions:"]
    for i in range(connectors):
        for kind in ("inbound", "outbound", "interaction"):
            lines += [
                f"  n{i}-{kind}:",
                f"    event: whatsapp.{kind}",
                f"    url: https://contact-center.example.com/bird/{kind}",
                f"    channel: n{i}",
                "    signingKey: { env: BIRD_WEBHOOK_SIGNING_KEY }",
            ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
