FROM debian:bookworm-slim AS base
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends bash && rm -rf /var/lib/apt/lists/*

FROM base AS test
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends bats && rm -rf /var/lib/apt/lists/*
CMD ["bats", "/tests"]
