"""The many-stacks benchmark (docs/performance.md, "Many stacks in one run").

Starts one standalone emulator, writes N stacks of 8 resources each (policy, role, access key, one connector, its three
channel-filtered subscriptions and a channel.created subscription; distinct Bird names per stack) that extend one base,
and times the real `birdinfra` (the built dll, child processes): N separate `preview --stack sNNN` processes one after
the other, then one `preview --all`, both with --detailed-exitcode. It checks both made no mutating call, prints the
summary table of the --all run and the time ratio, and writes everything as JSON. Standard library only.
Usage: python3 bench/many_stacks.py --root . [--stacks 100] [--out bench/many-stacks.json]
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import Emulator, PASSPHRASE, SIGNING_KEY, WHATSAPP_TOKEN  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", required=True)
    parser.add_argument("--configuration", default="Release")
    parser.add_argument("--stacks", type=int, default=100)
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    build = os.path.join(os.path.abspath(args.root), "{}", "bin", args.configuration, "net10.0", "{}")
    cli = build.format("infra", "birdinfra.dll")
    emulator_dll = build.format("emulator", "BirdInfra.Emulator.dll")
    for dll in (cli, emulator_dll):
        if not os.path.exists(dll):
            sys.exit(f"error: {dll} is missing; build infra and emulator in Release first (bench/run.sh does)")

    report = {"machine": {"cpus": os.cpu_count(), "loadAverage": list(os.getloadavg())}, "stacks": args.stacks, "resourcesPerStack": 8}
    with Emulator(emulator_dll, "0.05", "0.05") as bird:
        root = tempfile.mkdtemp(prefix="birdinfra-many-")
        try:
            write_stacks(root, bird.url, args.stacks)
            env = {k: v for k, v in os.environ.items() if not k.startswith(("BIRD", "WHATSAPP"))}
            env.update({
                "BIRD_ORGANIZATION_ID": bird.organization, "BIRD_WORKSPACE_ID": bird.workspace, "BIRD_ACCESS_KEY": bird.admin_key,
                "WHATSAPP_ACCESS_TOKEN": WHATSAPP_TOKEN, "BIRD_WEBHOOK_SIGNING_KEY": SIGNING_KEY, "BIRDINFRA_PASSPHRASE": PASSPHRASE,
                "NO_COLOR": "1",
            })

            bird.reset_calls()
            started = time.monotonic()
            for i in range(args.stacks):
                one = subprocess.run(["dotnet", cli, "preview", "--stack", f"s{i:03d}", "--detailed-exitcode"], cwd=root, env=env,
                                     stdin=subprocess.DEVNULL, capture_output=True, text=True)
                if one.returncode != 2:
                    sys.exit(f"error: preview --stack s{i:03d} exited {one.returncode}, expected 2 (creates)\n{one.stderr[-3000:]}")
            separate = time.monotonic() - started
            separate_calls = bird.calls()

            bird.reset_calls()
            started = time.monotonic()
            run = subprocess.run(["dotnet", cli, "preview", "--all", "--detailed-exitcode"], cwd=root, env=env,
                                 stdin=subprocess.DEVNULL, capture_output=True, text=True)
            together = time.monotonic() - started
            together_calls = bird.calls()
            if run.returncode != 2:
                sys.exit(f"error: preview --all exited {run.returncode}, expected 2\n{run.stderr[-3000:]}")
        finally:
            shutil.rmtree(root, ignore_errors=True)

    report["separateProcesses"] = {"seconds": round(separate, 2), "birdCalls": len(separate_calls),
                                   "mutatingCalls": sum(1 for c in separate_calls if c["method"] != "GET")}
    report["oneProcessAll"] = {"seconds": round(together, 2), "birdCalls": len(together_calls),
                               "mutatingCalls": sum(1 for c in together_calls if c["method"] != "GET")}
    report["ratio"] = round(together / separate, 3)
    report["machine"]["loadAverageAfter"] = list(os.getloadavg())
    table = run.stdout[run.stdout.rindex("\nstack"):].strip("\n").split("\n")
    report["summaryTableHead"] = table[:4]
    out = args.out or os.path.join(args.root, "bench", "many-stacks.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=2)
        f.write("\n")
    print("\n".join(table[:6] + ["..."] + table[-2:]))
    print(f"\n{args.stacks} stacks x 8 resources: {args.stacks} separate `preview` processes {separate:.1f} s "
          f"({len(separate_calls)} Bird calls), one `preview --all` {together:.1f} s ({len(together_calls)} calls): "
          f"ratio {report['ratio']}; mutating calls {report['separateProcesses']['mutatingCalls']} and {report['oneProcessAll']['mutatingCalls']}")
    print(f"JSON: {out}")


def write_stacks(root, endpoint, count):
    stacks = os.path.join(root, "stacks")
    os.makedirs(stacks)
    with open(os.path.join(stacks, "base.yaml"), "w", encoding="utf-8") as f:
        f.write(f"""target:
  endpoint: {endpoint}
  organizationId: {{ env: BIRD_ORGANIZATION_ID }}
  workspaceId: {{ env: BIRD_WORKSPACE_ID }}
  accessKey: {{ env: BIRD_ACCESS_KEY }}
accessPolicies:
  contact-center:
    definitions:
      - {{ effect: allow, actions: [create], resources: [/workspaces/*/channels/*/messages] }}
accessRoles:
  contact-center:
    policies: [contact-center]
accessKeys:
  contact-center:
    description: Used by the benchmark
    roles: [contact-center]
webhookSubscriptions:
  channel-created:
    event: channel.created
    signingKey: {{ env: BIRD_WEBHOOK_SIGNING_KEY }}
""")
    for i in range(count):
        name = f"s{i:03d}"
        lines = [
            "extends: base.yaml",
            f"accessPolicies: {{ contact-center: {{ name: bench-{name} }} }}",
            f"accessRoles: {{ contact-center: {{ name: bench-{name} }} }}",
            f"accessKeys: {{ contact-center: {{ name: bench-{name} }} }}",
            "connectors:",
            "  number:",
            f"    name: Bench {name}",
            f"    wabaId: \"10229{i:010d}\"",
            f"    phoneId: \"10654{i:010d}\"",
            f"    phoneNumber: \"+3162{i:07d}\"",
            "    accessToken: { env: WHATSAPP_ACCESS_TOKEN }",
            "webhookSubscriptions:",
            f"  channel-created: {{ url: https://{name}.example.com/bird/channels }}",
        ]
        for kind in ("inbound", "outbound", "interaction"):
            lines += [
                f"  {kind}:",
                f"    event: whatsapp.{kind}",
                f"    url: https://{name}.example.com/bird/whatsapp",
                "    channel: number",
                "    signingKey: { env: BIRD_WEBHOOK_SIGNING_KEY }",
            ]
        with open(os.path.join(stacks, name + ".yaml"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
