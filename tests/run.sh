#!/usr/bin/env bash
# Runs every test suite of BirdInfra: the README's test command, and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build BirdInfra.sln -c Release -nologo -clp:ErrorsOnly
dotnet test BirdInfra.sln -c Release --no-build -nologo
