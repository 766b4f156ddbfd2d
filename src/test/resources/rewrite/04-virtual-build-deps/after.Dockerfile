FROM debian:bookworm-slim
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 python3-pip ca-certificates \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        gcc \
        linux-libc-dev \
        python3-dev \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-psutil \
 && apt-mark auto gcc linux-libc-dev python3-dev && apt-get autoremove -y --purge && rm -rf /var/lib/apt/lists/*
