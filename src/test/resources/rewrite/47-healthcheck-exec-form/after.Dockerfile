FROM debian:bookworm-slim
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*
HEALTHCHECK --interval=30s CMD ["curl", "-fsS", "http://localhost:8080/ready"]
ENTRYPOINT ["/bin/bash", "-c", "exec /srv/run.sh"]
