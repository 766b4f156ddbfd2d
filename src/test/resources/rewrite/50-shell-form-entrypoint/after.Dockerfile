FROM debian:bookworm-slim
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends tini gosu && rm -rf /var/lib/apt/lists/*
COPY app /app
ENTRYPOINT /usr/bin/tini -- gosu nobody /app
