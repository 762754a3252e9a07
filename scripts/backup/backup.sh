#!/usr/bin/env bash
# Backs up the portal: the PostgreSQL database (pg_dump, custom format) and the
# stored files (FILES_DIR), into one dated folder with a checksum manifest.
#
#   DATABASE_URL=postgres://… FILES_DIR=./data/files scripts/backup/backup.sh [backup-root]
#
# Prints the folder it wrote. Safe while the portal runs: pg_dump reads one
# consistent snapshot; files are only ever added or removed whole, never changed.
# (The embedded PGlite database is backed up by copying DATA_DIR while the
# portal is stopped.)
set -euo pipefail

: "${DATABASE_URL:?set DATABASE_URL to the PostgreSQL database to back up}"
FILES_DIR="${FILES_DIR:-./data/files}"
root="${1:-${BACKUP_DIR:-./backups}}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
target="$root/hukoomi-$stamp"
mkdir -p "$target"

pg_dump --format=custom --no-owner --no-privileges --file="$target/database.dump" "$DATABASE_URL"
if [ -d "$FILES_DIR" ]; then
  # Files are added and removed while the portal runs: one arriving or leaving during the copy is not an
  # error (tar's exit status 1 means just that; 2 is a real failure).
  status=0
  tar -C "$FILES_DIR" --warning=no-file-changed --warning=no-file-removed -czf "$target/files.tar.gz" . || status=$?
  if [ "$status" -gt 1 ]; then exit "$status"; fi
else
  tar -czf "$target/files.tar.gz" --files-from /dev/null
fi

{
  echo "created $stamp"
  echo "migrations $(psql "$DATABASE_URL" -Atc 'select count(*) from drizzle.__drizzle_migrations' 2>/dev/null || echo unknown)"
} > "$target/manifest.txt"
(cd "$target" && sha256sum database.dump files.tar.gz > SHA256SUMS)
echo "$target"
