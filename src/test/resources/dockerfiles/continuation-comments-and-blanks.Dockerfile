FROM debian:bookworm-slim
RUN apt-get update \
# the tools the probe needs
    && apt-get install -y --no-install-recommends \
        curl \

        dnsutils \
    # indented comment
        iputils-ping \
    && rm -rf /var/lib/apt/lists/*
CMD ["sleep", "infinity"]
