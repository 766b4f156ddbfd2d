ARG BASEIMAGE
FROM $BASEIMAGE
ONBUILD RUN apk add --no-cache bash
COPY probe.sh /probe.sh
HEALTHCHECK CMD ["sh", "-c", "ping -c1 -W1 127.0.0.1 && /probe.sh"]
