FROM debian:bookworm-slim
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx curl python3 openssl jq ca-certificates && rm -rf /var/lib/apt/lists/*
