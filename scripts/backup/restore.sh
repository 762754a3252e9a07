#!/usr/bin/env bash
# Restores a backup made by scripts/backup/backup.sh into DATABASE_URL and
# FILES_DIR. Stop the portal's instances first. The database is replaced
# (objects dropped and recreated); the files folder is replaced as a whole.
#
#   DATABASE_URL=postgres://… FILES_DIR=./data/files scripts/backup/restore.sh backups/hukoomi-20261123T020000Z
set -euo pipefail

: "${DATABASE_URL:?set DATABASE_URL to the PostgreSQL database to restore into}"
FILES_DIR="${FILES_DIR:-./data/files}"
source_dir="${1:?name the backup folder to restore}"

# Refuse a damaged or incomplete backup before touching anything.
(cd "$source_dir" && sha256sum --check --quiet SHA256SUMS)

# The files are unpacked beside the target first: if that fails (a full disk, a bad archive), neither the
# database nor the files have been touched.
parent="$(dirname "$FILES_DIR")"
mkdir -p "$parent"
incoming="$(mktemp -d "$parent/.restore-XXXXXX")"
trap 'rm -rf "$incoming"' ERR
tar -C "$incoming" -xzf "$source_dir/files.tar.gz"
chmod 755 "$incoming"

pg_restore --clean --if-exists --no-owner --no-privileges --exit-on-error --single-transaction \
  --dbname="$DATABASE_URL" "$source_dir/database.dump"

# Then the files are swapped in whole.
if [ -d "$FILES_DIR" ]; then mv "$FILES_DIR" "$incoming.old"; fi
mv "$incoming" "$FILES_DIR"
rm -rf "$incoming.old"
echo "restored $source_dir"
