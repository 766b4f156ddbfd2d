FROM debian:bookworm-slim
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates tzdata \
    && cp /usr/share/zoneinfo/UTC /etc/localtime && rm -rf /var/lib/apt/lists/*
