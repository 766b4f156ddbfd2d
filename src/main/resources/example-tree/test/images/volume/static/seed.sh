#!/bin/sh
# Copies the known files into the volume, then stays up so a test can read them through it.
set -eu
cp -R /content/. /data/
ls -l /data
trap 'exit 0' TERM INT
while :; do sleep 3600 & wait $!; done
