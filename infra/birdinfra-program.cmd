@echo off
rem birdinfra-program for Windows, where Pulumi's language host finds the launcher by its .cmd extension.
rem Builds the program (Release) when it is missing or a source file is newer than the build, then runs it.
setlocal
set "HERE=%~dp0"
set "DLL=%HERE%bin\Release\net10.0\birdinfra.dll"
set DOTNET_NOLOGO=1
set DOTNET_CLI_TELEMETRY_OPTOUT=1
powershell -NoProfile -Command "$dll = $env:DLL; if (-not (Test-Path $dll)) { exit 1 }; $t = (Get-Item $dll).LastWriteTimeUtc; $roots = @($env:HERE, (Join-Path $env:HERE '..\providers'), (Join-Path $env:HERE '..\emulator')); $newer = Get-ChildItem -Path $roots -Recurse -File -Include *.cs,*.csproj,*.props,*.proto | Where-Object { $_.FullName -notmatch '\\(bin|obj)\\' -and $_.LastWriteTimeUtc -gt $t } | Select-Object -First 1; if ($newer) { exit 1 } else { exit 0 }"
if errorlevel 1 (
  echo birdinfra: building the Pulumi program ^(sources are newer than the build^)... 1>&2
  dotnet build "%HERE%BirdInfra.csproj" -c Release -nologo -v quiet "-clp:ErrorsOnly;NoSummary" 1>&2 || exit /b 1
)
dotnet "%DLL%" %*
