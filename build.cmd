:; # Polyglot: sh and bash run the ':;' lines and hand over to build.sh; cmd.exe skips them as labels.
:; set -e
:; exec bash "$(cd "$(dirname "$0")" && pwd)/build.sh" "$@"
@ECHO OFF
REM cmd.exe: hand over to build.ps1 with Windows PowerShell, which every Windows has; keep its exit code.
powershell -ExecutionPolicy ByPass -NoProfile -File "%~dp0build.ps1" %*
EXIT /B %ERRORLEVEL%
