FROM debian:bookworm-slim
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends bash && dpkg-query -W -f='${Package}\n' bash && dpkg-query -W -f='${Package}\n' > /packages.txt && rm -rf /var/lib/apt/lists/*
RUN dpkg-query -s dnsutils
