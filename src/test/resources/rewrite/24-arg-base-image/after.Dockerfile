ARG BASE=debian:bookworm-slim
ARG VERSION=1.0

FROM ${BASE}
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends file && rm -rf /var/lib/apt/lists/*
