#!/usr/bin/env bash
# Runs every test suite of BirdInfra: the README's test command, and what CI runs.
#
# After one build, the .NET suites and the Pulumi plugin conformance suite run at the same time: the conformance files
# spend most of their time waiting on child processes (the plugin, the program, the emulator), so together they take
# about as long as the .NET suites alone. The conformance output is printed after the .NET output, in one piece; the
# run fails when either fails.
set -euo pipefail
cd "$(dirname "$0")/.."
# Dynamic PGO instruments code for a later recompile that short runs never reach; the suites start hundreds of short
# `birdinfra`, plugin and emulator processes, and without it they use about 15 % less CPU (measured on 2 cores).
export DOTNET_TieredPGO=0
dotnet build BirdInfra.sln -c Release -nologo -clp:ErrorsOnly
# Pulumi plugin conformance: Pulumi's own generated stubs drive providers/pulumi-resource-bird against the emulator
# (both built by the solution build above).
(cd tests/conformance && npm ci --no-audit --no-fund)

conformance_log="$(mktemp)"
(cd tests/conformance && exec node --test --test-concurrency=2) >"$conformance_log" 2>&1 &
conformance_pid=$!
trap 'kill "$conformance_pid" 2>/dev/null || true; rm -f "$conformance_log"' EXIT

dotnet_status=0
dotnet test BirdInfra.sln -c Release --no-build -nologo || dotnet_status=$?

conformance_status=0
wait "$conformance_pid" || conformance_status=$?
echo "Pulumi plugin conformance (node --test, in tests/conformance):"
cat "$conformance_log"

if [ "$dotnet_status" -ne 0 ] || [ "$conformance_status" -ne 0 ]; then
  echo "FAILED: dotnet test exited $dotnet_status, the conformance suite exited $conformance_status" >&2
  exit 1
fi
