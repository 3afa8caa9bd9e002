#!/usr/bin/env bash
# The scale benchmark (docs/performance.md): builds birdinfra and the emulator in Release (unless --no-build), then runs
# bench/bench.py, which starts standalone emulators, generates stacks of N connectors (4N+3 resources) and measures
# up, no-op preview and validate. Options: --sizes "250 500 1000", --latency-connectors 50, --latency-ms 50,
# --activation-connectors 250, --activation-delays "0.05 1", --out bench/results.json, --configuration Release, --no-build.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
configuration=Release
build=1
args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) build=0; shift ;;
    --configuration) configuration="$2"; args+=("$1" "$2"); shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
if [[ $build == 1 ]]; then
  dotnet build "$root/infra" -c "$configuration" -v quiet -nologo >&2
  dotnet build "$root/emulator" -c "$configuration" -v quiet -nologo >&2
fi
exec python3 "$root/bench/bench.py" --root "$root" "${args[@]}"
