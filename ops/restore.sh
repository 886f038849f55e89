#!/usr/bin/env bash
# Restore a backup made by ops/backup.sh into an EMPTY database and an empty media folder.
#
#   createdb awareness_restored
#   DATABASE_URL=postgres://.../awareness_restored MEDIA_ROOT=/srv/awareness/media \
#       ops/restore.sh /srv/backups/awareness/db-STAMP.dump /srv/backups/awareness/media-STAMP.tar.gz
#
# One transaction: a restore that fails leaves the database empty, never half-restored.
# See docs/operations.md for the checks to run afterwards.
set -euo pipefail

dump=${1:?"usage: ops/restore.sh DUMP MEDIA_ARCHIVE"}
media=${2:?"usage: ops/restore.sh DUMP MEDIA_ARCHIVE"}
: "${DATABASE_URL:?DATABASE_URL must name the empty database to restore into}"
: "${MEDIA_ROOT:?MEDIA_ROOT must name the media folder to restore into}"

pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$DATABASE_URL" "$dump"
mkdir -p "$MEDIA_ROOT"
tar --extract --gzip --file="$media" --directory="$MEDIA_ROOT"
echo "restored $dump and $media"
