#!/usr/bin/env bash
# Migrations of both providers, generated from the one model in Mismes.Core. Migrations are incremental: one per
# change, named <Capability>_<Change>, never rewritten once on main (docs/architecture.md).
#   scripts/migrations.sh add <Name>        add a migration to both providers
#   scripts/migrations.sh rebase [BASE]     after merging BASE (default main) into your branch: drop the migrations
#                                           your branch adds, take BASE's model snapshots, and add yours again on top
#   scripts/migrations.sh list [BASE]       the migrations your branch adds that BASE does not have
set -euo pipefail
cd "$(dirname "$0")/.."
cmd=${1:-}
providers=(Sqlite Postgres)

add() {
  local name=$1
  for p in "${providers[@]}"; do
    dotnet ef migrations add "$name" --project "src/Mismes.Data.$p" --startup-project "src/Mismes.Data.$p" --output-dir Migrations
  done
}

# Names (without timestamp) of the migrations this branch adds, oldest first, read from the SQLite folder.
own_migrations() {
  local base=$1
  git diff --name-only --diff-filter=A "$base"...HEAD -- src/Mismes.Data.Sqlite/Migrations \
    | grep -E '/[0-9]{14}_[^.]+\.cs$' | sort | sed -E 's|.*/[0-9]{14}_([^.]+)\.cs$|\1|'
}

case "$cmd" in
  add)
    [ -n "${2:-}" ] || { echo "usage: $0 add <Name>" >&2; exit 2; }
    dotnet tool restore >/dev/null
    add "$2"
    ;;
  list)
    own_migrations "${2:-main}"
    ;;
  rebase)
    base=${2:-main}
    git merge-base --is-ancestor "$base" HEAD || { echo "merge or rebase $base into this branch first" >&2; exit 2; }
    mapfile -t names < <(own_migrations "$base")
    [ ${#names[@]} -gt 0 ] || { echo "this branch adds no migration"; exit 0; }
    dotnet tool restore >/dev/null
    for p in "${providers[@]}"; do
      dir="src/Mismes.Data.$p/Migrations"
      for n in "${names[@]}"; do rm -f "$dir"/[0-9]*_"$n".cs "$dir"/[0-9]*_"$n".Designer.cs; done
      git checkout "$base" -- "$dir/AppDbContextModelSnapshot.cs"
    done
    # One migration again for all this branch's changes: the last name stands for them (a branch is one change).
    add "${names[-1]}"
    ;;
  *)
    echo "usage: $0 add <Name> | rebase [BASE] | list [BASE]" >&2; exit 2
    ;;
esac
