FROM debian:bookworm-slim
RUN sh -c 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends jq && jq --version && rm -rf /var/lib/apt/lists/*'
RUN ["/bin/sh", "-c", "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends lsof && rm -rf /var/lib/apt/lists/*"]
