FROM debian:bookworm-slim
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends busybox && rm -rf /var/lib/apt/lists/*
COPY index.html /www/index.html
CMD ["busybox", "httpd", "-f", "-p", "8080", "-h", "/www"]
