@echo off
rem pulumi-resource-bird for Windows, where the Pulumi engine looks for the plugin as a .cmd or .exe file.
rem Builds the plugin (Release) when it is missing or a source file is newer than the build, then runs it.
rem Nothing but the plugin may write to stdout: the engine reads the port from its first line.
setlocal
set "HERE=%~dp0"
set "DLL=%HERE%PulumiPlugin\bin\Release\net10.0\BirdInfra.PulumiPlugin.dll"
set DOTNET_NOLOGO=1
set DOTNET_CLI_TELEMETRY_OPTOUT=1
powershell -NoProfile -Command "$dll = $env:DLL; if (-not (Test-Path $dll)) { exit 1 }; $t = (Get-Item $dll).LastWriteTimeUtc; $newer = Get-ChildItem -Path $env:HERE -Recurse -File -Include *.cs,*.csproj,*.props,*.proto | Where-Object { $_.FullName -notmatch '\\(bin|obj)\\' -and $_.LastWriteTimeUtc -gt $t } | Select-Object -First 1; if ($newer) { exit 1 } else { exit 0 }" 1>&2
if errorlevel 1 (
  echo pulumi-resource-bird: building the plugin ^(sources are newer than the build^)... 1>&2
  dotnet build "%HERE%PulumiPlugin\BirdInfra.PulumiPlugin.csproj" -c Release -nologo -v quiet "-clp:ErrorsOnly;NoSummary" 1>&2 || exit /b 1
)
dotnet "%DLL%" %*
