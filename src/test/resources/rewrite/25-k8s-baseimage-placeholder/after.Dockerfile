ARG BASEIMAGE
FROM $BASEIMAGE

RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends dnsutils iputils-ping iputils-tracepath iputils-arping curl ca-certificates \
    && rm -rf /var/lib/apt/lists/*

COPY server.sh /server.sh
ENTRYPOINT ["/server.sh"]
