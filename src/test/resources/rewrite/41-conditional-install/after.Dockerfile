FROM debian:bookworm-slim
ARG WITH_DEBUG=false
RUN if [ "$WITH_DEBUG" = "true" ]; then \
      apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends gdb strace; \
    else \
      apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl ca-certificates; \
    fi && rm -rf /var/lib/apt/lists/*
