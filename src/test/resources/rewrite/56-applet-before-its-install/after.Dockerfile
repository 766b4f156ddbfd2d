FROM debian:bookworm-slim
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wget && rm -rf /var/lib/apt/lists/*

RUN wget -q -O /tmp/src.tar.gz "https://downloads.example.org/src-1.0.tar.gz"
RUN set -eux; \
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends gcc make wget ca-certificates; \
    wget -q -O /tmp/patch.diff "https://downloads.example.org/src-1.0.diff"; \
    apt-mark auto gcc make wget ca-certificates && apt-get autoremove -y --purge && rm -rf /var/lib/apt/lists/*
