# syntax=docker/dockerfile:1
FROM debian:bookworm-slim
RUN set -e; \
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends strace; \
    touch /ready; \
    rm -rf /var/lib/apt/lists/*
