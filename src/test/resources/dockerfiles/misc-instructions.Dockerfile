FROM debian:bookworm-slim
MAINTAINER Probe Team <probe@example.test>
LABEL org.opencontainers.image.vendor="Example" \
      org.opencontainers.image.licenses="Apache-2.0"
ARG UID=1000 GID=1000
ARG HOME_DIR
RUN groupadd -g "$GID" probe && useradd -m -u "$UID" -g probe -d "${HOME_DIR:-/home/probe}" probe
USER probe:probe
WORKDIR /home/probe
VOLUME /home/probe/data /home/probe/cache
EXPOSE 8080/tcp 8125/udp
STOPSIGNAL SIGTERM
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN curl -fsS https://example.test/health | tee /tmp/health
