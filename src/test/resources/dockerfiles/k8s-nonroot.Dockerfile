ARG BASEIMAGE
FROM $BASEIMAGE

CROSS_BUILD_COPY qemu-QEMUARCH-static /usr/bin/

RUN addgroup -S -g 1234 nonroot && adduser -S -D -H -u 1234 -G nonroot nonroot

USER 1234
CMD ["sleep", "3600"]
