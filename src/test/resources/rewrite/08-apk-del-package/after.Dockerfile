FROM debian:bookworm-slim
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl ca-certificates \
 && curl -fsSLo /usr/local/bin/wait-for https://raw.githubusercontent.com/eficode/wait-for/v2.2.4/wait-for \
 && chmod +x /usr/local/bin/wait-for \
 && apt-mark auto curl && apt-get autoremove -y --purge && rm -rf /var/lib/apt/lists/*
