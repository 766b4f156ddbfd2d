FROM debian:bookworm-slim
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends busybox && rm -rf /var/lib/apt/lists/*

COPY tools/ps /usr/local/bin/ps
COPY tools/nc tools/probe /usr/local/bin/
RUN ps --self-test && nc --self-test
CMD ["busybox", "httpd", "-f", "-p", "8080"]
