#!/usr/bin/env bash
# Behaviour tests of the bootstrapper (build.sh, build.cmd), each in a throwaway copy of the repository.
# The copy carries the real bootstrapper and root files but a stub build project (so these tests do not
# depend on the engine): it prints its arguments and environment and exits with its first argument.
# Usage: bootstrap-test.sh [WORD]  (only the tests whose name contains WORD)
# Prints "N passed, N failed"; exits 1 when a test failed.
set -uo pipefail

REPO=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
REAL_DOTNET=$(readlink -f "$(command -v dotnet)") || { echo "bootstrap-test: dotnet is not on PATH" >&2; exit 2; }
# No build servers left behind: they would outlive the test and keep its output pipe open.
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false
unset NUKE_ROOT_DIRECTORY DOTNET_INSTALL_URL DOTNET_ROOT

# --- fixtures --------------------------------------------------------------------------------------

stub_build() { # dir
  mkdir -p "$1/build/Lib"
  # Like the real build, two assemblies: _build and a library it references (the engine's place).
  cat >"$1/build/_build.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <AssemblyName>_build</AssemblyName>
  </PropertyGroup>
  <ItemGroup>
    <Compile Remove="Lib/**" />
    <ProjectReference Include="Lib/Lib.csproj" />
  </ItemGroup>
</Project>
XML
  cat >"$1/build/Build.cs" <<'CS'
using System.Globalization;

internal static class Build
{
    public static int Main(string[] args)
    {
        Console.WriteLine("args: [" + string.Join("] [", args) + "]");
        Console.WriteLine("root: " + Environment.GetEnvironmentVariable("NUKE_ROOT_DIRECTORY"));
        Console.WriteLine("dotnet_root: " + Environment.GetEnvironmentVariable("DOTNET_ROOT"));
        Console.WriteLine("path0: " + Environment.GetEnvironmentVariable("PATH")?.Split(':')[0]);
        Console.WriteLine("lib: " + Lib.Library.Name);
        return args.Length > 0 && int.TryParse(args[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) ? code : 0;
    }
}
CS
  printf '<Project Sdk="Microsoft.NET.Sdk" />\n' >"$1/build/Lib/Lib.csproj"
  cat >"$1/build/Lib/Library.cs" <<'CS'
namespace Lib;

public static class Library
{
    public static string Name => typeof(Library).Assembly.GetName().Name!;
}
CS
}

# A copy of the repository's bootstrapper and root files with the stub build; prints its directory.
new_copy() { # name
  local dir=$WORK/$1 f
  mkdir -p "$dir/.nuke"
  cp "$REPO/build.sh" "$REPO/build.cmd" "$dir/"
  for f in global.json Directory.Build.props Directory.Build.targets Directory.Packages.props .editorconfig \
    NuGet.config nuget.config .nuke/parameters.json; do
    if [[ -f $REPO/$f ]]; then cp "$REPO/$f" "$dir/$f"; fi
  done
  stub_build "$dir"
  echo "$dir"
}

# A copy whose build is already compiled (compiled once, then copied: the stamp holds no absolute
# path of the copy, so a moved checkout keeps its fast path). Prints its directory.
compiled_copy() { # name
  if [[ ! -d $WORK/template ]]; then
    new_copy template >/dev/null
    (cd "$WORK/template" && ./build.sh >/dev/null 2>&1) || { echo "cannot compile the stub build" >&2; exit 1; }
  fi
  cp -a "$WORK/template" "$WORK/$1"
  echo "$WORK/$1"
}

# A directory with every tool on PATH except dotnet, to simulate a machine without the SDK.
path_without_dotnet() {
  local bin=$WORK/no-dotnet-bin dir tool
  if [[ ! -d $bin ]]; then
    mkdir -p "$bin"
    IFS=: read -ra dirs <<<"$PATH"
    for dir in "${dirs[@]}"; do
      for tool in "$dir"/*; do
        [[ -x $tool && ${tool##*/} != dotnet && ! -e $bin/${tool##*/} ]] && ln -s "$tool" "$bin/${tool##*/}"
      done
    done
  fi
  echo "$bin"
}

# A stand-in for dotnet-install.sh, served as a file:// URL: logs its arguments and "installs"
# a dotnet that forwards to the real one.
fake_installer() {
  local script=$WORK/fake-dotnet-install.sh
  cat >"$script" <<SH
#!/usr/bin/env bash
echo "\$*" >>"$WORK/install.log"
while [[ \$# -gt 0 ]]; do [[ \$1 == --install-dir ]] && dir=\$2; shift; done
mkdir -p "\$dir"
printf '#!/bin/sh\nexec "%s" "\$@"\n' "$REAL_DOTNET" >"\$dir/dotnet"
chmod +x "\$dir/dotnet"
SH
  echo "file://$script"
}

set_sdk() { # dir, version, rollForward
  printf '{\n  "sdk": {\n    "version": "%s",\n    "rollForward": "%s"\n  }\n}\n' "$2" "$3" >"$1/global.json"
}

# Runs build.sh (or another command) in dir; sets out, err, rc.
run_in() { # dir, command, args...
  local dir=$1
  shift
  out=$(cd "$dir" && "$@" 2>"$WORK/stderr")
  rc=$?
  err=$(<"$WORK/stderr")
}

# Puts a TOOL on $WORK/logging-bin (for PATH) that appends its arguments to a log, then runs the real one.
logging_shim() { # tool, log
  mkdir -p "$WORK/logging-bin"
  printf '#!/bin/sh\necho "$*" >>"%s"\nexec "%s" "$@"\n' "$2" "$(command -v "$1")" >"$WORK/logging-bin/$1"
  chmod +x "$WORK/logging-bin/$1"
}

# Pids, one a line, of the processes in session $1 or working in folder $2 (working directory or command
# line in it): what a build.sh started there with setsid is running. Linux (/proc).
processes_of() { # session, dir
  local p stat sid cwd
  for p in /proc/[0-9]*; do
    read -r stat 2>/dev/null <"$p/stat" || continue
    read -r _ _ _ sid _ <<<"${stat##*) }" # after "pid (command)": state, ppid, process group, session
    cwd=$(readlink "$p/cwd" 2>/dev/null) || true
    if [[ $sid == "$1" || $cwd == "$2" || $cwd == "$2"/* ]] || grep -qzF -- "$2" "$p/cmdline" 2>/dev/null; then
      echo "${p#/proc/}"
    fi
  done
}

# Makes the copy's compile run `sleep SECONDS` before compiling: a compile that is surely running, with a
# child process of MSBuild's, when a test acts on it. Changes the inputs.
slow_compile() { # dir, seconds
  printf '<Project>\n  <Target Name="Wait" BeforeTargets="CoreCompile">\n    <Exec Command="sleep %s" />\n  </Target>\n</Project>\n' \
    "$2" >"$1/build/Directory.Build.targets"
}

# Starts ./build.sh in dir in the background, in a session of its own, and returns once its compile is in
# slow_compile's sleep; sets pid. Its output goes to $WORK/bg.out and $WORK/bg.err.
start_compiling() { # dir
  # env: a background subshell starts with SIGINT ignored, which build.sh could then never trap
  (cd "$1" && exec env --default-signal=INT setsid ./build.sh >"$WORK/bg.out" 2>"$WORK/bg.err") &
  pid=$!
  for _ in $(seq 300); do
    pgrep -s "$pid" -x sleep >/dev/null && return 0
    sleep 0.1
  done
  fail "the compile did not start"
}

# --- assertions: each test runs in a subshell, so a failed assertion ends just that test ---------

fail() {
  echo "    $1"
  printf '    --- stdout:\n%s\n    --- stderr:\n%s\n' "${out:-}" "${err:-}" | sed 's/^/    /' | head -n 40
  exit 1
}
expect_rc() { [[ $rc == "$1" ]] || fail "exit code $rc, expected $1"; }
expect_in() { [[ $1 == *"$2"* ]] || fail "expected '$2' in $3"; }
expect_line() { [[ $'\n'$1$'\n' == *$'\n'"$2"$'\n'* ]] || fail "expected the line '$2' in $3"; }
expect_not_in() { [[ $1 != *"$2"* ]] || fail "did not expect '$2' in $3"; }
expect_compiled() { expect_in "$err" "Compiling the build (inputs changed)" stderr; }
expect_not_compiled() { expect_not_in "$err" "Compiling the build" stderr; }

# --- tests -----------------------------------------------------------------------------------------

test_first_call_compiles_then_runs_the_build() {
  local dir
  dir=$(new_copy first)
  run_in "$dir" ./build.sh hello
  expect_rc 0
  expect_compiled
  expect_in "$out" "args: [hello]" stdout
  expect_in "$out" "lib: Lib" stdout
  expect_not_in "$out" "Build succeeded" "stdout (compiler output belongs on stderr)"
  [[ -f $dir/.nuke/temp/build/_build.dll && -f $dir/.nuke/temp/build.hash ]] ||
    fail "no compiled build or stamp under .nuke/temp"
  # The stamp: hash, dotnet, its root, then the files of the compiled build.
  local stamp
  stamp=$(tail -n +4 "$dir/.nuke/temp/build.hash")
  expect_line "$stamp" "_build.dll" "the stamp's file list"
  expect_line "$stamp" "Lib.dll" "the stamp's file list"
  expect_line "$stamp" "_build.runtimeconfig.json" "the stamp's file list"
}

test_second_call_runs_the_compiled_build_without_the_sdk() {
  local dir log=$WORK/dotnet-calls.log
  dir=$(new_copy second)
  logging_shim dotnet "$log" # a dotnet on PATH that logs how it is called
  PATH=$WORK/logging-bin:$PATH run_in "$dir" ./build.sh first
  expect_compiled
  : >"$log"
  PATH=$WORK/logging-bin:$PATH run_in "$dir" ./build.sh 'two words' '' '*' '"quoted"' --help
  expect_rc 0
  expect_not_compiled
  [[ -z $err ]] || fail "expected nothing on stderr on the fast path"
  expect_in "$out" 'args: [two words] [] [*] ["quoted"] [--help]' stdout
  [[ $(wc -l <"$log") == 1 && $(<"$log") == *"_build.dll two words  * \"quoted\" --help" ]] ||
    fail "expected one dotnet call, the build itself; got: $(<"$log")"
}

test_exit_code_is_the_build_s_own() {
  local dir code
  dir=$(compiled_copy exitcode)
  for code in 0 3 1 2 255; do
    run_in "$dir" ./build.sh "$code"
    expect_rc "$code"
  done
}

test_runs_from_any_directory_and_exports_the_root() {
  local dir
  dir=$(compiled_copy anycwd)
  run_in "$WORK" "$dir/build.sh" a
  expect_rc 0
  expect_line "$out" "root: $dir" stdout
  mkdir -p "$WORK/elsewhere"
  run_in "$WORK/elsewhere" ../anycwd/build.sh b
  expect_in "$out" "args: [b]" stdout
  expect_line "$out" "root: $dir" stdout
  run_in "$dir/build" bash ../build.sh c
  expect_in "$out" "args: [c]" stdout
  run_in "$dir" bash build.sh d
  expect_line "$out" "root: $dir" stdout
}

test_recompiles_only_when_content_changes() {
  local dir log=$WORK/sha256sum.log
  dir=$(compiled_copy changes)
  logging_shim sha256sum "$log"
  run_in "$dir" ./build.sh
  expect_not_compiled # a copied (moved) checkout keeps its compiled build
  # That run may have hashed the inputs, once: the compile made bin/ and obj/ after the stamp's time.
  PATH=$WORK/logging-bin:$PATH run_in "$dir" ./build.sh
  [[ ! -f $log ]] || fail "the fast path hashed the inputs; nothing was newer than the stamp"
  touch "$dir/build/Build.cs" "$dir/global.json"
  PATH=$WORK/logging-bin:$PATH run_in "$dir" ./build.sh
  expect_not_compiled # a new timestamp is not a change
  [[ -f $log ]] || fail "expected the inputs hashed after a touch"
  rm "$log"
  PATH=$WORK/logging-bin:$PATH run_in "$dir" ./build.sh
  [[ ! -f $log ]] || fail "hashed again: the stamp's time was not renewed"
  mkdir -p "$dir/build/obj" && echo '{"x":1}' >"$dir/build/obj/noise.json"
  run_in "$dir" ./build.sh
  expect_not_compiled # obj/ and bin/ are outputs, not inputs
  echo "// edited" >>"$dir/build/Build.cs"
  run_in "$dir" ./build.sh edited
  expect_compiled
  expect_in "$out" "args: [edited]" stdout
  run_in "$dir" ./build.sh
  expect_not_compiled
  printf 'internal static class Extra\n{\n}\n' >"$dir/build/Extra.cs"
  touch -d '2000-01-01' "$dir/build/Extra.cs"
  run_in "$dir" ./build.sh
  expect_compiled # a new file, even one older than the stamp
  rm "$dir/build/Extra.cs"
  run_in "$dir" ./build.sh
  expect_compiled # a removed file
  sed -i 's|</Project>|  <!-- edited -->\n</Project>|' "$dir/Directory.Build.props"
  run_in "$dir" ./build.sh
  expect_compiled # a root props file
}

test_compile_error_shows_the_errors_and_fails() {
  local dir
  dir=$(compiled_copy broken)
  run_in "$dir" ./build.sh
  expect_rc 0
  sed -i 's|return args.Length|return undefinedName + args.Length|' "$dir/build/Build.cs"
  run_in "$dir" ./build.sh 0
  [[ $rc != 0 ]] || fail "expected a non-zero exit code"
  expect_in "$err" "error CS0103" stderr
  expect_in "$err" "Build.cs(" stderr
  expect_not_in "$out" "args:" "stdout (the old build must not run)"
  [[ ! -f $dir/.nuke/temp/build.hash ]] || fail "stamp left after a failed compile"
  run_in "$dir" ./build.sh 0
  expect_compiled # a failed compile is retried, not cached
  sed -i 's|undefinedName + ||' "$dir/build/Build.cs"
  run_in "$dir" ./build.sh fixed
  expect_rc 0
  expect_in "$out" "args: [fixed]" stdout
}

test_a_signal_during_the_compile_stops_all_of_it_and_the_next_run_compiles() {
  local dir pid sig code left
  dir=$(compiled_copy interrupted)
  for sig in TERM INT; do
    slow_compile "$dir" 60
    start_compiling "$dir"
    kill -s "$sig" "$pid" # build.sh alone, as a service manager or `kill` would
    wait "$pid"
    code=$?
    err=$(<"$WORK/bg.err")
    sleep 1 # a short grace
    left=$(processes_of "$pid" "$dir")
    [[ -z $left ]] || fail "SIG$sig: still running: $(ps -o pid=,args= -p "${left//$'\n'/,}")"
    ((code == 128 + $(kill -l "$sig"))) || fail "SIG$sig: exit code $code"
    expect_in "$err" "compiling the build was stopped (SIG$sig)" stderr
    [[ ! -f $dir/.nuke/temp/build.hash ]] || fail "SIG$sig: stamp left after the interrupted compile"
    # Back to the content of the last good compile: its outputs may be half overwritten, so compile again.
    rm "$dir/build/Directory.Build.targets"
    run_in "$dir" ./build.sh after
    expect_compiled
    expect_rc 0
    expect_in "$out" "args: [after]" stdout
  done
}

test_an_edit_made_during_the_compile_is_compiled_by_the_next_run() {
  local dir pid
  dir=$(compiled_copy midway)
  slow_compile "$dir" 2
  start_compiling "$dir" # the inputs are hashed by now
  echo "// edited" >>"$dir/build/Build.cs"
  wait "$pid" || fail "the compile failed: $(<"$WORK/bg.err")"
  run_in "$dir" ./build.sh
  expect_compiled
  run_in "$dir" ./build.sh
  expect_not_compiled
}

test_a_missing_file_of_the_compiled_build_recompiles() {
  local dir file
  dir=$(compiled_copy missing)
  for file in Lib.dll _build.deps.json; do # the stamp lists every file of the compiled build
    rm "$dir/.nuke/temp/build/$file"
    run_in "$dir" ./build.sh "$file"
    expect_rc 0
    expect_compiled
    expect_in "$out" "args: [$file]" stdout
    expect_in "$out" "lib: Lib" stdout
  done
  sed -i '4,$d' "$dir/.nuke/temp/build.hash" # a stamp without the list (written by an older build.sh)
  run_in "$dir" ./build.sh
  expect_compiled
  run_in "$dir" ./build.sh
  expect_not_compiled
}

test_without_the_ready_to_run_packs_it_compiles_without_them() {
  local dir
  dir=$(new_copy no-r2r)
  # No NuGet package to be had: an empty package folder and an empty local source.
  mkdir -p "$WORK/empty-source"
  printf '<configuration>\n  <packageSources>\n    <clear />\n    <add key="empty" value="%s" />\n  </packageSources>\n</configuration>\n' \
    "$WORK/empty-source" >"$dir/NuGet.config"
  NUGET_PACKAGES=$WORK/empty-packages run_in "$dir" ./build.sh plain
  expect_rc 0
  expect_compiled
  expect_in "$err" "compiled without ReadyToRun" stderr
  expect_not_in "$err" "error NU1" "stderr (the failed attempt's errors are not shown)"
  expect_in "$out" "args: [plain]" stdout
  run_in "$dir" ./build.sh
  expect_not_compiled
}

test_a_symlinked_build_sh_finds_the_repository() {
  local dir
  dir=$(compiled_copy linked)
  mkdir -p "$WORK/bin" "$WORK/links" "$WORK/away"
  ln -s "$dir/build.sh" "$WORK/bin/app-build" # as in ln -s /repo/build.sh ~/bin/app-build
  ln -s ../bin/app-build "$WORK/links/relative-build" # a relative link to that link
  run_in "$WORK/away" "$WORK/bin/app-build" a
  expect_rc 0
  expect_not_compiled
  expect_in "$out" "args: [a]" stdout
  expect_line "$out" "root: $dir" stdout
  PATH=$WORK/links:$PATH run_in "$WORK/away" relative-build b # found on PATH
  expect_in "$out" "args: [b]" stdout
  expect_line "$out" "root: $dir" stdout
  run_in "$WORK/links" bash relative-build c # no folder in $0
  expect_in "$out" "args: [c]" stdout
  expect_line "$out" "root: $dir" stdout
}

test_unsatisfiable_sdk_goes_to_the_install_path_and_fails_clearly_offline() {
  local dir spec
  dir=$(new_copy offline)
  for spec in "10.0.900 latestFeature" "9.0.100 latestFeature" "10.0.100 latestPatch" "10.0.400 disable" "10.0.100 LatestPatch"; do
    set_sdk "$dir" "${spec% *}" "${spec#* }"
    # A refused local port stands in for "no internet", quickly and the same on every machine.
    DOTNET_INSTALL_URL=http://127.0.0.1:9/dotnet-install.sh run_in "$dir" ./build.sh
    [[ $rc != 0 ]] || fail "global.json $spec: expected a non-zero exit code"
    expect_in "$err" "installing it into .nuke/temp/dotnet-sdk" stderr
    expect_in "$err" "SDK ${spec% *} (rollForward ${spec#* }, from global.json)" stderr
    expect_in "$err" "could not download http://127.0.0.1:9/dotnet-install.sh" stderr
    expect_not_compiled
  done
  set_sdk "$dir" 10.0.100 latestFeature # satisfied by a newer feature band
  run_in "$dir" ./build.sh
  expect_rc 0
}

test_invalid_global_json_is_reported() {
  local dir
  dir=$(new_copy invalid)
  set_sdk "$dir" 10.0.100 newest
  run_in "$dir" ./build.sh
  expect_rc 1
  expect_in "$err" "global.json: unknown rollForward 'newest'" stderr
  set_sdk "$dir" ten latestFeature
  run_in "$dir" ./build.sh
  expect_rc 1
  expect_in "$err" "global.json: sdk.version 'ten' is not a version like 10.0.100" stderr
}

test_without_dotnet_installs_the_sdk_into_nuke_temp() {
  local dir bin url
  dir=$(new_copy install)
  bin=$(path_without_dotnet)
  url=$(fake_installer)
  PATH=$bin DOTNET_INSTALL_URL=$url run_in "$dir" ./build.sh one
  expect_rc 0
  expect_compiled
  expect_in "$(<"$WORK/install.log")" "--install-dir $dir/.nuke/temp/dotnet-sdk --no-path --version 10.0.100" \
    "dotnet-install arguments"
  [[ -f $dir/.nuke/temp/dotnet-install.sh ]] || fail "dotnet-install.sh not kept in .nuke/temp"
  expect_line "$out" "path0: $dir/.nuke/temp/dotnet-sdk" "stdout (PATH of the build)"
  expect_in "$out" "dotnet_root: /" "stdout (DOTNET_ROOT of the build)"
  [[ $(sed -n 2p "$dir/.nuke/temp/build.hash") == "$dir/.nuke/temp/dotnet-sdk/dotnet" ]] ||
    fail "stamp does not name the installed dotnet"
  PATH=$bin DOTNET_INSTALL_URL=$url run_in "$dir" ./build.sh two
  expect_not_compiled
  expect_line "$out" "path0: $dir/.nuke/temp/dotnet-sdk" "stdout (fast path)"
  [[ $(wc -l <"$WORK/install.log") == 1 ]] || fail "installed twice"
  rm "$dir/global.json" "$WORK/install.log" "$dir/.nuke/temp/dotnet-sdk/dotnet"
  PATH=$bin DOTNET_INSTALL_URL=$url run_in "$dir" ./build.sh
  expect_rc 0
  expect_in "$(<"$WORK/install.log")" "--channel 10.0" "dotnet-install arguments without global.json"
}

test_build_cmd_hands_over_to_build_sh() {
  local dir
  dir=$(compiled_copy cmd)
  run_in "$dir" bash build.cmd 4 x
  expect_rc 4
  expect_in "$out" "args: [4] [x]" stdout
  chmod +x "$dir/build.cmd"
  run_in "$dir" ./build.cmd 5 "y z"
  expect_rc 5
  expect_in "$out" "args: [5] [y z]" stdout
  run_in "$WORK" sh "$dir/build.cmd" 6
  expect_rc 6
  expect_line "$out" "root: $dir" stdout
}

# --- runner ----------------------------------------------------------------------------------------

passed=0 failed=0
for test in $(compgen -A function test_); do
  [[ $test == *"${1:-}"* ]] || continue
  SECONDS=0
  if (set +e; "$test") >"$WORK/test.log" 2>&1; then
    passed=$((passed + 1))
    echo "ok   ${test#test_} (${SECONDS} s)"
  else
    failed=$((failed + 1))
    echo "FAIL ${test#test_} (${SECONDS} s)"
    cat "$WORK/test.log"
  fi
done
echo "$passed passed, $failed failed"
((failed == 0))
