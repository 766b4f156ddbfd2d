# syntax=docker/dockerfile:1
FROM alpine:3.20
RUN <<EOF
set -eux
apk add --no-cache curl
mkdir -p /srv/www
EOF
CMD ["httpd", "-f", "-h", "/srv/www"]
