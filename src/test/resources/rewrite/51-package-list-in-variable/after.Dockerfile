FROM debian:bookworm-slim
ENV BUILD_DEPS="gcc make"
COPY src /src
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $BUILD_DEPS \
 && make -C /src install \
 && apt-mark auto $BUILD_DEPS && apt-get autoremove -y --purge && rm -rf /var/lib/apt/lists/*
