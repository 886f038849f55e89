#!/usr/bin/env bash
# Back up the site: the PostgreSQL database (pg_dump custom format) and the media files.
#
#   DATABASE_URL=postgres://... MEDIA_ROOT=/srv/awareness/media ops/backup.sh /srv/backups/awareness
#
# Writes db-STAMP.dump and media-STAMP.tar.gz into the folder (a half-written file never has
# its final name), checks that the dump can be read back, then deletes backups older than
# KEEP_DAYS days (default 30). Prints the two files made. See docs/operations.md.
set -euo pipefail

dest=${1:?"usage: ops/backup.sh BACKUP_FOLDER"}
: "${DATABASE_URL:?DATABASE_URL must name the PostgreSQL database, e.g. postgres://user@host:5432/awareness}"
: "${MEDIA_ROOT:?MEDIA_ROOT must name the media folder}"
keep_days=${KEEP_DAYS:-30}
stamp=$(date +%Y%m%d-%H%M%S)
umask 077  # backups hold officials' names and e-mail addresses: readable by their owner only
mkdir -p "$dest"

dump="$dest/db-$stamp.dump"
pg_dump --format=custom --no-owner --no-privileges --file="$dump.partial" "$DATABASE_URL"
pg_restore --list "$dump.partial" >/dev/null  # readable, complete table of contents
mv "$dump.partial" "$dump"

# Uploaded images, documents and their renditions; kit ZIPs are rebuilt on demand and left out.
media="$dest/media-$stamp.tar.gz"
tar --create --gzip --file="$media.partial" --exclude=./kit-zips --directory="$MEDIA_ROOT" .
mv "$media.partial" "$media"

find "$dest" -maxdepth 1 \( -name 'db-*.dump' -o -name 'media-*.tar.gz' \) -mtime +"$keep_days" -delete
echo "$dump"
echo "$media"
