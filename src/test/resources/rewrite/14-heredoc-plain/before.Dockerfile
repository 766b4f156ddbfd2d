# syntax=docker/dockerfile:1
FROM alpine:3.19
RUN <<EOF
set -e
apk add --no-cache strace
# keep a marker
touch /ready
EOF
