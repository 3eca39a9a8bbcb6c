# Bootstrapper for Windows PowerShell 5.1 and pwsh: .\build.ps1 [targets] [--parameters]
# The same logic as build.sh (read its header): compile build/_build.csproj into .nuke/temp/build only
# when the inputs' content hash changed, otherwise run the compiled build at once. The stamp
# .nuke/temp/build.hash holds: sha256 of the inputs | the dotnet used | that dotnet's root | then the files
# of the compiled build, one a line (one missing: compile again). The compile is a ReadyToRun publish,
# or a plain one when the ReadyToRun packs cannot be restored.
# SDK: the dotnet on PATH when one of its SDKs satisfies global.json, else one installed into
# .nuke/temp/dotnet-sdk with the official dotnet-install.ps1 (DOTNET_INSTALL_URL overrides its address).
# On Linux and macOS use build.sh (dotnet-install.ps1 is made for Windows).
# No param() block on purpose: every argument, including ones like -v or -Verbose, goes to the build.

Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'

$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

$Root = $PSScriptRoot
$TempDir = Join-Path $Root '.nuke/temp'
$OutDir = Join-Path $TempDir 'build'
$Stamp = Join-Path $TempDir 'build.hash'
$SdkDir = Join-Path $TempDir 'dotnet-sdk'
$OnWindows = [Environment]::OSVersion.Platform -eq [PlatformID]::Win32NT
$DotnetExe = if ($OnWindows) { 'dotnet.exe' } else { 'dotnet' }
$InstallUrl = if ($env:DOTNET_INSTALL_URL) { $env:DOTNET_INSTALL_URL } else { 'https://dot.net/v1/dotnet-install.ps1' }
$DefaultChannel = '10.0' # without a global.json: the SDK line the build targets (net10.0)

# The engine finds the root from --root, then this variable, then by walking up to .nuke/.
$env:NUKE_ROOT_DIRECTORY = $Root

function Stop-Bootstrap([string]$Message) {
  [Console]::Error.WriteLine("build.ps1: $Message")
  exit 1
}

# Content hash of everything that can change the compiled build, plus the dotnet that compiles it.
# Paths are hashed too (relative, with '/'), so adding, removing or renaming a file counts.
# The hashed text has build.sh's layout ("<sha256>  <path>" lines, then "dotnet <path>").
function Get-InputsHash([string]$Dotnet) {
  $files = New-Object System.Collections.Generic.List[string]
  Get-ChildItem -LiteralPath (Join-Path $Root 'build') -Recurse -File |
    Where-Object { $_.Extension -in '.cs', '.csproj', '.props', '.targets', '.json' } |
    ForEach-Object { $_.FullName.Substring($Root.Length + 1).Replace('\', '/') } |
    Where-Object { $_ -notmatch '(^|/)(bin|obj)/' } |
    ForEach-Object { $files.Add($_) }
  foreach ($name in 'global.json', 'Directory.Build.props', 'Directory.Build.targets', 'Directory.Packages.props',
    '.editorconfig', 'NuGet.config', 'nuget.config') {
    if (Test-Path -LiteralPath (Join-Path $Root $name) -PathType Leaf) { $files.Add($name) }
  }
  $sorted = $files.ToArray()
  [Array]::Sort($sorted, [StringComparer]::Ordinal)
  $lines = foreach ($file in $sorted) {
    '{0}  {1}' -f (Get-FileHash -LiteralPath (Join-Path $Root $file) -Algorithm SHA256).Hash.ToLowerInvariant(), $file
  }
  $text = ((@($lines) + "dotnet $Dotnet") -join "`n") + "`n"
  $stream = New-Object System.IO.MemoryStream (, [Text.Encoding]::UTF8.GetBytes($text))
  (Get-FileHash -InputStream $stream -Algorithm SHA256).Hash.ToLowerInvariant()
}

# Runs the compiled build and leaves with its exit code.
function Start-CompiledBuild([string]$Dotnet, [string]$DotnetRoot, [string[]]$Arguments) {
  if ($Dotnet.StartsWith($SdkDir)) {
    # Our own SDK: the build and the tools it starts (dotnet, apphosts) must find it too.
    $env:DOTNET_ROOT = $DotnetRoot
    $env:DOTNET_MULTILEVEL_LOOKUP = '0'
    $env:PATH = $SdkDir + [IO.Path]::PathSeparator + $env:PATH
  }
  & $Dotnet (Join-Path $OutDir '_build.dll') @Arguments
  exit $LASTEXITCODE
}

# --- SDK resolution (only when compiling) ------------------------------------------------------

# Returns @{ Version; Policy } from global.json (empty strings without one).
function Read-GlobalJson {
  $result = @{ Version = ''; Policy = '' }
  $path = Join-Path $Root 'global.json'
  if (-not (Test-Path -LiteralPath $path -PathType Leaf)) { return $result }
  $json = Get-Content -LiteralPath $path -Raw | ConvertFrom-Json
  $sdk = $json.PSObject.Properties['sdk']
  if ($sdk) {
    if ($sdk.Value.PSObject.Properties['version']) { $result.Version = [string]$sdk.Value.version }
    if ($sdk.Value.PSObject.Properties['rollForward']) { $result.Policy = [string]$sdk.Value.rollForward }
  }
  if ($result.Version -and $result.Version -notmatch '^\d+\.\d+\.\d+') {
    Stop-Bootstrap "global.json: sdk.version '$($result.Version)' is not a version like 10.0.100"
  }
  if ($result.Policy -and $result.Policy -notin 'disable', 'patch', 'latestPatch', 'feature', 'latestFeature',
    'minor', 'latestMinor', 'major', 'latestMajor') {
    Stop-Bootstrap "global.json: unknown rollForward '$($result.Policy)'"
  }
  $result
}

# Whether SDK version $Have satisfies global.json, following the documented rollForward policies:
# https://learn.microsoft.com/dotnet/core/tools/global-json#rollforward (default: latestPatch).
# The third number is the feature band and patch (401 = band 4, patch 1).
function Test-SdkSatisfies([string]$Have, $Want) {
  if (-not $Want.Version) { return $true }
  $h = @($Have.Split('-')[0].Split('.') | ForEach-Object { [int]$_ })
  $w = @($Want.Version.Split('-')[0].Split('.') | ForEach-Object { [int]$_ })
  $policy = if ($Want.Policy) { $Want.Policy } else { 'latestPatch' }
  $sameMinor = $h[0] -eq $w[0] -and $h[1] -eq $w[1]
  switch ($policy) {
    'disable' { return $Have -eq $Want.Version }
    { $_ -in 'patch', 'latestPatch' } { return $sameMinor -and [Math]::Floor($h[2] / 100) -eq [Math]::Floor($w[2] / 100) -and $h[2] -ge $w[2] }
    { $_ -in 'feature', 'latestFeature' } { return $sameMinor -and $h[2] -ge $w[2] }
    { $_ -in 'minor', 'latestMinor' } { return $h[0] -eq $w[0] -and ($h[1] -gt $w[1] -or ($h[1] -eq $w[1] -and $h[2] -ge $w[2])) }
    default { return $h[0] -gt $w[0] -or ($h[0] -eq $w[0] -and ($h[1] -gt $w[1] -or ($h[1] -eq $w[1] -and $h[2] -ge $w[2]))) } # major, latestMajor
  }
}

# The root of the first SDK of $Dotnet that satisfies global.json, or $null.
# The root comes from --list-sdks ("10.0.401 [C:\Program Files\dotnet\sdk]"), so shims on PATH work too.
function Get-SatisfyingSdkRoot([string]$Dotnet, $Want) {
  $ErrorActionPreference = 'Continue' # Windows PowerShell 5.1 turns redirected native stderr into errors
  $sdks = @(& $Dotnet --list-sdks 2>$null)
  foreach ($line in $sdks) {
    if ($line -match '^(\S+)\s+\[(.*)\]$' -and (Test-SdkSatisfies $Matches[1] $Want)) {
      return Split-Path -Parent $Matches[2]
    }
  }
  $null
}

function Install-Sdk($Want) {
  $script = Join-Path $TempDir 'dotnet-install.ps1'
  $installArgs = @{ InstallDir = $SdkDir; NoPath = $true }
  if ($Want.Version) {
    $installArgs.Version = $Want.Version
    $policy = if ($Want.Policy) { $Want.Policy } else { 'latestPatch' }
    $wanted = "SDK $($Want.Version) (rollForward $policy, from global.json)"
  } else {
    $installArgs.Channel = $DefaultChannel
    $wanted = "SDK channel $DefaultChannel"
  }
  [Console]::Error.WriteLine("No dotnet on PATH has the $wanted; installing it into .nuke/temp/dotnet-sdk...")
  New-Item -ItemType Directory -Force -Path $TempDir | Out-Null
  try {
    # Windows PowerShell 5.1 does not offer TLS 1.2 by default.
    [Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12
    Invoke-WebRequest -UseBasicParsing -Uri $InstallUrl -OutFile "$script.part"
    Move-Item -Force -LiteralPath "$script.part" -Destination $script
  } catch {
    Stop-Bootstrap "could not download $InstallUrl (offline?): $($_.Exception.Message). Install the .NET $wanted and put dotnet on PATH, or retry with network access."
  }
  try { & $script @installArgs | ForEach-Object { [Console]::Error.WriteLine($_) } } catch { Stop-Bootstrap "dotnet-install.ps1 failed: $($_.Exception.Message)" }
}

# Returns @{ Dotnet; Root }: the dotnet on PATH, else a previous install, else a new install.
function Resolve-Dotnet {
  $want = Read-GlobalJson
  $onPath = Get-Command dotnet -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
  $candidates = @()
  if ($onPath) { $candidates += $onPath.Path }
  $candidates += Join-Path $SdkDir $DotnetExe
  foreach ($candidate in $candidates) {
    if (Test-Path -LiteralPath $candidate -PathType Leaf) {
      $sdkRoot = Get-SatisfyingSdkRoot $candidate $want
      if ($sdkRoot) { return @{ Dotnet = $candidate; Root = $sdkRoot } }
    }
  }
  Install-Sdk $want
  $dotnet = Join-Path $SdkDir $DotnetExe
  $sdkRoot = Get-SatisfyingSdkRoot $dotnet $want
  if (-not $sdkRoot) { Stop-Bootstrap "the SDK installed into $SdkDir does not satisfy global.json (sdk $($want.Version))." }
  @{ Dotnet = $dotnet; Root = $sdkRoot }
}

# Publishes the build into .nuke/temp/build (extra arguments added); returns @{ Code; Output }.
# From the root, so the dotnet muxer applies our global.json. -nodeReuse:false: no MSBuild node outlives it.
function Invoke-Publish([string]$Dotnet, [string[]]$Extra) {
  $ErrorActionPreference = 'Continue' # Windows PowerShell 5.1 turns redirected native stderr into errors
  Push-Location -LiteralPath $Root
  try {
    $output = @(& $Dotnet publish build/_build.csproj -c Release -o $OutDir --nologo -v q -tl:off -nodeReuse:false @Extra 2>&1 |
      ForEach-Object { "$_" })
    @{ Code = $LASTEXITCODE; Output = $output }
  } finally {
    Pop-Location
  }
}

function Invoke-Compile($Resolved) {
  # ASCII on purpose: Windows PowerShell 5.1 reads a script without BOM as the ANSI code page.
  [Console]::Error.WriteLine('Compiling the build (inputs changed)...')
  $hash = Get-InputsHash $Resolved.Dotnet # before compiling: an edit made meanwhile triggers the next compile
  Remove-Item -Force -LiteralPath $Stamp -ErrorAction SilentlyContinue # an interrupted or failed compile must be redone
  # ReadyToRun starts the build faster; it needs the crossgen2 and runtime packs from NuGet. When they cannot
  # be restored (error NU1xxx, or NETSDK1094/1095: no pack for this platform), compile without it.
  $result = Invoke-Publish $Resolved.Dotnet @('--use-current-runtime', '--self-contained', 'false', '-p:PublishReadyToRun=true')
  $note = $null
  if ($result.Code -ne 0 -and ($result.Output -match 'error (NU1|NETSDK109[45])')) {
    $result = Invoke-Publish $Resolved.Dotnet @()
    $note = 'build.ps1: compiled without ReadyToRun (its packages could not be restored); the build starts slower.'
  }
  $result.Output | ForEach-Object { [Console]::Error.WriteLine($_) } # on stderr: stdout is the build's
  if ($result.Code -ne 0) {
    [Console]::Error.WriteLine("build.ps1: compiling the build failed (exit $($result.Code)); the errors are above.")
    exit $result.Code
  }
  if ($note) { [Console]::Error.WriteLine($note) }
  $outputs = @(Get-ChildItem -LiteralPath $OutDir -Recurse -File |
    ForEach-Object { $_.FullName.Substring($OutDir.Length + 1).Replace('\', '/') })
  [Array]::Sort($outputs, [StringComparer]::Ordinal)
  $utf8NoBom = New-Object System.Text.UTF8Encoding $false
  [IO.File]::WriteAllText("$Stamp.tmp", ((@($hash, $Resolved.Dotnet, $Resolved.Root) + $outputs) -join "`n") + "`n", $utf8NoBom)
  Move-Item -Force -LiteralPath "$Stamp.tmp" -Destination $Stamp
}

# Whether every file of the compiled build that the stamp lists is there.
function Test-CompiledBuild([string[]]$Files) {
  foreach ($file in $Files) {
    if (-not (Test-Path -LiteralPath (Join-Path $OutDir $file) -PathType Leaf)) { return $false }
  }
  $true
}

# Fast path: the compiled build complete, inputs and dotnet unchanged since the last successful compile.
# A stamp without the file list (from an older bootstrapper) compiles once.
if (Test-Path -LiteralPath $Stamp) {
  $stampLines = @(Get-Content -LiteralPath $Stamp)
  if ($stampLines.Count -ge 4 -and $stampLines[1] -and (Test-Path -LiteralPath $stampLines[1] -PathType Leaf) -and
    (Test-CompiledBuild $stampLines[3..($stampLines.Count - 1)]) -and (Get-InputsHash $stampLines[1]) -eq $stampLines[0]) {
    Start-CompiledBuild $stampLines[1] $stampLines[2] $args
  }
}

$resolved = Resolve-Dotnet
Invoke-Compile $resolved
Start-CompiledBuild $resolved.Dotnet $resolved.Root $args
