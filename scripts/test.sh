#!/usr/bin/env bash
# Runs every test of Mismes on a fresh Debian machine with the .NET 10 SDK:
#   - installs Chromium and PostgreSQL 15 with apt when missing,
#   - starts a private PostgreSQL server on a free port (stopped again at the end),
#   - runs all test projects on SQLite, then the integration suites again on PostgreSQL,
#   - runs the benchmark commands at a small size for correctness (never as a timing gate),
#   - prints one closing line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]} (apt)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# A private PostgreSQL 15, owned by the postgres user (it refuses to run as root).
pgbin=/usr/lib/postgresql/15/bin
pgdir=$(mktemp -d /tmp/mismes-pg.XXXXXX)
chown postgres "$pgdir"
runuser -u postgres -- "$pgbin/initdb" -D "$pgdir/data" -A trust -U mismes >/dev/null
pgport=""
for _ in $(seq 1 20); do
  candidate=$((20000 + RANDOM % 40000))
  if runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" \
       -o "-p $candidate -k $pgdir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" -w start >/dev/null; then
    pgport=$candidate; break
  fi
done
[ -n "$pgport" ] || { echo "could not start PostgreSQL"; cat "$pgdir/log"; exit 1; }
stop_pg() { runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pgdir"; }
trap stop_pg EXIT
echo "== PostgreSQL 15 on 127.0.0.1:$pgport"

export MISMES_TEST_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=mismes;Include Error Detail=true"
export MISMES_CHROMIUM=${MISMES_CHROMIUM:-$(command -v chromium)}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Test hosts neither watch their configuration nor use inotify for files: with test projects running side by side,
# hundreds of hosts would exhaust the kernel's inotify instances (128 by default) and fail at start.
export DOTNET_hostBuilder__reloadConfigOnChange=false DOTNET_USE_POLLING_FILE_WATCHER=true

echo "== build"
dotnet build Mismes.slnx -c Release -warnaserror -v:q -nologo

status=0
run_tests() { # name, project, extra env...
  local name=$1 project=$2; shift 2
  echo "== tests: $name"
  env "$@" dotnet test "$project" -c Release --no-build -nologo -v:q \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
}

for project in tests/*.Tests/*.csproj tests/*.EndToEndTests/*.csproj; do
  name=$(basename "$project" .csproj)
  run_tests "$name.sqlite" "$project" MISMES_TEST_DB=sqlite
done
# The integration suites again on the real PostgreSQL server.
for project in tests/Mismes.Web.Tests/Mismes.Web.Tests.csproj tests/Mismes.Core.Tests/Mismes.Core.Tests.csproj tests/Mismes.Cli.Tests/Mismes.Cli.Tests.csproj; do
  name=$(basename "$project" .csproj)
  run_tests "$name.postgres" "$project" MISMES_TEST_DB=postgres
done

bench_passed=0; bench_failed=0
bench() { # expected json fragment, args...
  local expect=$1; shift
  echo "== bench $*"
  local last
  if last=$(dotnet run -c Release --no-build --project bench/Mismes.Bench -- "$@" | tail -n 1) && [[ "$last" == *"$expect"* ]]; then
    echo "$last"; bench_passed=$((bench_passed + 1))
  else
    echo "FAILED: bench $* printed: $last"; bench_failed=$((bench_failed + 1)); status=1
  fi
}
if [ -d ../shared/data ]; then
  bench '"exact":true' speed --profiles 10000 --vacancies 200 --k 50
  bench '"mrr":' melo ../shared/data/benchmarks/melo/fra_q_fr_c_fr --limit 200
  bench '"rp5":' skills ../shared/data/benchmarks/skills-tech/tech_test_annotations.csv --limit 100
fi

# One closing line for whoever reads the log: totals over every TRX file plus the benchmark checks.
passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" || true)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
passed=$((passed + bench_passed)); failed=$((failed + bench_failed))
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed"
exit $status
