ARG BASEIMAGE
FROM $BASEIMAGE
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends iputils-ping && rm -rf /var/lib/apt/lists/*
ONBUILD RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends bash && rm -rf /var/lib/apt/lists/*
COPY probe.sh /probe.sh
HEALTHCHECK CMD ["sh", "-c", "ping -c1 -W1 127.0.0.1 && /probe.sh"]
