#!/usr/bin/env python3
"""`birdinfra access` at scale (docs/performance.md): stacks of N access keys, N roles and N policies (each key holds
one role holding one policy, every key with two expectations), evaluated offline. For each size it runs the built
birdinfra.dll as a child process, `access --stack access-N --json` (stdout discarded), a few times, and reports the
median wall time and the child's peak RSS (wait4). Nothing is sent anywhere: `access` is offline."""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time


def stack_yaml(keys):
    lines = ["target: { endpoint: emulator }", "accessPolicies:"]
    for i in range(keys):
        # Each policy names its own channel id, so the policies differ and '*' requests meet real literals.
        lines.append(
            f"  p{i:05}: {{ definitions: [{{ effect: allow, actions: [create], resources: [/workspaces/*/channels/*/messages, /workspaces/*/verify] }},"
            f" {{ effect: allow, actions: [view], resources: [/workspaces/*/channels/c{i:05}, '/organizations/${{organizationId}}/workspaces/*/webhook-subscriptions'] }}] }}")
    lines.append("accessRoles:")
    for i in range(keys):
        lines.append(f"  r{i:05}: {{ policies: [p{i:05}] }}")
    lines.append("accessKeys:")
    for i in range(keys):
        scope = ', workspaces: ["${workspaceId}"]' if i % 2 == 0 else ""
        lines.append(
            f"  k{i:05}: {{ description: key {i}, roles: [r{i:05}]{scope},"
            f" expect: {{ allow: [\"POST /workspaces/${{workspaceId}}/verify\"], deny: [\"DELETE /workspaces/*/connectors/*\"] }} }}")
    return "\n".join(lines) + "\n"


def run(dll, root, stack):
    with tempfile.TemporaryFile() as err:
        started = time.monotonic()
        child = subprocess.Popen(["dotnet", dll, "access", "--stack", stack, "--json"], cwd=root,
                                 stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.monotonic() - started
        if os.waitstatus_to_exitcode(status) != 0:
            err.seek(0)
            raise SystemExit(f"error: access --stack {stack} failed\n{err.read().decode()[-3000:]}")
    return seconds, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", required=True)
    parser.add_argument("--configuration", default="Release")
    parser.add_argument("--keys", default="1000 2000", help="access keys (and roles and policies) per stack")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", default=None, help="JSON file to write (default: print only)")
    args = parser.parse_args()
    dll = os.path.join(os.path.abspath(args.root), "infra", "bin", args.configuration, "net10.0", "birdinfra.dll")
    work = tempfile.mkdtemp(prefix="birdinfra-access-bench-")
    try:
        os.makedirs(os.path.join(work, "stacks"))
        rows = []
        for keys in [int(k) for k in args.keys.split()]:
            stack = f"access-{keys}"
            text = stack_yaml(keys)
            with open(os.path.join(work, "stacks", stack + ".yaml"), "w") as f:
                f.write(text)
            runs = [run(dll, work, stack) for _ in range(args.repeat)]
            rows.append({
                "keys": keys,
                "policies": keys,
                "fileBytes": len(text.encode()),
                "seconds": round(statistics.median(r[0] for r in runs), 3),
                "peakRssMb": round(max(r[1] for r in runs), 1),
            })
        for previous, row in zip(rows, rows[1:]):
            row["ratioToPrevious"] = round(row["seconds"] / previous["seconds"], 2)
        print(f"{'keys':>6} {'policies':>8} {'file KB':>8} {'median s':>9} {'peak RSS MB':>12} {'ratio':>6}")
        for row in rows:
            print(f"{row['keys']:>6} {row['policies']:>8} {row['fileBytes'] // 1024:>8} {row['seconds']:>9} {row['peakRssMb']:>12} {row.get('ratioToPrevious', ''):>6}")
        if args.out:
            with open(args.out, "w") as f:
                json.dump({"access": rows, "loadAverage": os.getloadavg()}, f, indent=2)
                f.write("\n")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
