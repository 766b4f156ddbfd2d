# syntax=docker/dockerfile:1
FROM alpine:3.19
RUN <<EOF
if [ -n "$DEBUG" ]; then
  apk add --no-cache gdb
fi
echo 'done'
EOF
