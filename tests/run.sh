#!/usr/bin/env bash
# Runs every test suite of BirdInfra: the README's test command, and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build BirdInfra.sln -c Release -nologo -clp:ErrorsOnly
dotnet test BirdInfra.sln -c Release --no-build -nologo
# Pulumi plugin conformance: Pulumi's own generated stubs drive providers/pulumi-resource-bird against the emulator
# (both built by the solution build above).
(cd tests/conformance && npm ci --no-audit --no-fund && node --test)
