#!/usr/bin/env bash
# Runs every test suite of BirdInfra: the README's test command, and what CI runs (.ci/run runs this file).
#
# After one build, the .NET suites and the Pulumi plugin conformance suite run at the same time: the conformance files
# spend most of their time waiting on child processes (the plugin, the program, the emulator), so together they take
# about as long as the .NET suites alone. The conformance output is printed after the .NET output, in one piece; the
# run fails when either fails.
set -euo pipefail
cd "$(dirname "$0")/.."

# The shared-state tests start a real, throwaway PostgreSQL server (Debian's initdb/pg_ctl, in a temp folder). Without
# it they would skip while the run reports success, so it is installed here (Debian's postgresql package), or the run
# stops saying why. BIRDINFRA_PG_BIN points at another installation's bin folder.
has_postgres() {
  if [ -n "${BIRDINFRA_PG_BIN:-}" ] && [ -x "$BIRDINFRA_PG_BIN/initdb" ]; then
    return 0
  fi
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1
}
if ! has_postgres; then
  echo "Installing PostgreSQL (Debian's postgresql package) for the shared-state tests…" >&2
  if [ "$(id -u)" = 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1 && { sudo -n true 2>/dev/null || [ -t 0 ]; }; then
    # Password-less sudo, or a terminal where sudo can ask for the password.
    as_root=(sudo)
  else
    echo "FAILED: the shared-state tests need PostgreSQL's initdb (/usr/lib/postgresql/*/bin/initdb), which is not installed," >&2
    echo "and installing Debian's postgresql package needs root or sudo. Install it (apt-get install postgresql)," >&2
    echo "or set BIRDINFRA_PG_BIN to the bin folder of a PostgreSQL installation, then run this again." >&2
    exit 1
  fi
  if ! { "${as_root[@]}" apt-get update -qq && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } || ! has_postgres; then
    echo "FAILED: installing Debian's postgresql package did not provide /usr/lib/postgresql/*/bin/initdb; the shared-state tests need it." >&2
    exit 1
  fi
fi

# Dynamic PGO instruments code for a later recompile that short runs never reach; the suites start hundreds of short
# `birdinfra`, plugin and emulator processes, and without it they use about 15 % less CPU (measured on 2 cores).
export DOTNET_TieredPGO=0
# W^X (the runtime never maps JIT-compiled code writable and executable at once) makes every method's first compile
# map pages twice; Microsoft documents its startup cost and this switch. It is a hardening of the process, not a
# behaviour the tests check, and it stays on for users: off here, the .NET suites use about a fifth less CPU (measured
# on 2 cores, one run each: BirdInfra.Tests 148 s of CPU in 89 s with it, 116 s in 75 s without).
export DOTNET_EnableWriteXorExecute=0
# The compiler server compiles the solution's projects in one warm process (about 20 s less than a fresh compiler per
# project on 2 cores, whatever the environment's UseSharedCompilation says); it is shut down once the build is done.
# The conformance suite's packages install (npm ci) while the solution builds.
npm_log="$(mktemp)"
conformance_log="$(mktemp)"
(cd tests/conformance && exec npm ci --no-audit --no-fund) >"$npm_log" 2>&1 &
npm_pid=$!
trap 'dotnet build-server shutdown >/dev/null 2>&1 || true; kill "$npm_pid" 2>/dev/null || true; rm -f "$npm_log" "$conformance_log"' EXIT
dotnet build BirdInfra.sln -c Release -nologo -clp:ErrorsOnly -p:UseSharedCompilation=true
dotnet build-server shutdown >/dev/null 2>&1 || true
if ! wait "$npm_pid"; then
  cat "$npm_log" >&2
  echo "FAILED: npm ci in tests/conformance" >&2
  exit 1
fi
cat "$npm_log"

# Pulumi plugin conformance: Pulumi's own generated stubs drive providers/pulumi-resource-bird against the emulator
# (both built by the solution build above).
(cd tests/conformance && exec node --test --test-concurrency=2) >"$conformance_log" 2>&1 &
conformance_pid=$!
trap 'kill "$conformance_pid" 2>/dev/null || true; rm -f "$npm_log" "$conformance_log"' EXIT

# dotnet test starts the test projects in the solution's order, two at a time: BirdInfra.Tests, the longest, is listed
# first in BirdInfra.sln so that the shorter suites run beside it instead of delaying its start by about 20 s.
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
