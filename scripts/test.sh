#!/usr/bin/env bash
# Runs every test of AdviesRoute on a fresh machine: installs what is missing, builds, runs the test
# projects and the benchmark in smoke mode, and ends with one summary line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n== %s\n' "$*"; }

# --- what the tests need that a fresh machine may lack ---------------------------------------------
need_apt=()
# The browser tests drive Debian's Chromium through Playwright (never `playwright install`).
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
# The PostgreSQL tests start Debian's server in a temporary folder on a loopback port (never the system's cluster).
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need_apt+=(postgresql)
# The deployment test runs Debian's nginx as a foreground process of its own on loopback ports (never the system's
# service) and checks the README's unit file with systemd-analyze.
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || need_apt+=(nginx)
command -v systemd-analyze >/dev/null 2>&1 || need_apt+=(systemd)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing ${need_apt[*]}"
  as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
  # A package's service (nginx, postgresql) is not started by the install: Debian's policy-rc.d, for the install only.
  own_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee /usr/sbin/policy-rc.d >/dev/null && as_root chmod 755 /usr/sbin/policy-rc.d && own_policy=1
  fi
  installed=0
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null && installed=1
  if [ "$own_policy" = 1 ]; then as_root rm -f /usr/sbin/policy-rc.d; fi
  [ "$installed" = 1 ] || { echo "apt-get install ${need_apt[*]} failed" >&2; exit 1; }
  # Nor enabled at boot: the tests start their own nginx.
  if [[ " ${need_apt[*]} " == *" nginx "* ]] && command -v systemctl >/dev/null 2>&1; then as_root systemctl disable --quiet nginx.service 2>/dev/null || true; fi
fi

# maildev, the real SMTP server of the mail tests, comes from npm (package.json at the root); the machine's
# Node.js 20 and npm run it. Installed again only when the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

log "build"
dotnet build AdviesRoute.sln -c Release -nologo -v minimal -warnaserror

results=$(mktemp -d)
status=0
for project in tests/*.Tests/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  log "test $name"
  dotnet test "$project" -c Release --no-build -nologo -v minimal \
    --logger "console;verbosity=normal" --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    | tee "$results/$name.log" || status=1
done

log "designer unit tests (node --test)"
(cd src/Host/Designer/ClientApp && npm test --silent) | tee "$results/designer.log" || status=1

log "benchmark (smoke mode: tiny sizes, no thresholds)"
bench_passed=0; bench_failed=0
if dotnet run --project tests/Benchmarks -c Release --no-build -- --smoke; then bench_passed=1; else bench_failed=1; status=1; fi

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  s=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
done
passed=$((passed + bench_passed)); failed=$((failed + bench_failed))
# The designer's unit tests report "# pass N" and "# fail N" (node's test runner).
designer_passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$results/designer.log" | tail -n 1)
designer_failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$results/designer.log" | tail -n 1)
if [ -z "$designer_passed" ]; then failed=$((failed + 1)); status=1; fi
passed=$((passed + ${designer_passed:-0})); failed=$((failed + ${designer_failed:-0}))
# The failed tests once more at the end, where a reader of only the last lines of the output sees them.
if grep -q -E '^\s+Failed |^not ok ' "$results"/*.log 2>/dev/null; then
  echo; echo "== failed tests"
  grep -h -E -A12 '^\s+Failed |^not ok ' "$results"/*.log | cut -c1-400
fi
if [ "$passed" -eq 0 ]; then status=1; fi
echo
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
