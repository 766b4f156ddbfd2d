FROM debian:bookworm-slim
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      tzdata \
      curl ca-certificates && rm -rf /var/lib/apt/lists/*
CMD ["sh"]
