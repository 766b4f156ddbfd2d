FROM debian:bookworm-slim
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends make gcc && rm -rf /var/lib/apt/lists/*
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends gcc g++ cmake \
 && make \
 && apt-mark auto g++ cmake && apt-get autoremove -y --purge && rm -rf /var/lib/apt/lists/*
