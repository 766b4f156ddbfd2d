# Probe image for the e2e DNS checks.
# The base comes from the BASEIMAGE file next to this Dockerfile.

ARG BASEIMAGE
FROM $BASEIMAGE

CROSS_BUILD_COPY qemu-QEMUARCH-static /usr/bin/

RUN apk --update add bind-tools
ADD https://example.test/releases/v1.2/probe-linux-BASEARCH.tar.gz /tmp/
ENTRYPOINT ["/probe"]
