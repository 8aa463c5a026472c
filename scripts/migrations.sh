#!/usr/bin/env bash
# Regenerates the migrations of both providers from the one model in Mismes.Core.
#   scripts/migrations.sh add <Name>     add a migration to both providers
#   scripts/migrations.sh reset          delete all migrations and create one "Initial" (only before the first release)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
cmd=${1:-}; name=${2:-}
if [ "$cmd" = reset ]; then
  rm -rf src/Mismes.Data.Sqlite/Migrations src/Mismes.Data.Postgres/Migrations
  cmd=add; name=Initial
fi
[ "$cmd" = add ] && [ -n "$name" ] || { echo "usage: $0 add <Name> | reset" >&2; exit 2; }
for p in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project "src/Mismes.Data.$p" --startup-project "src/Mismes.Data.$p" --output-dir Migrations
done
