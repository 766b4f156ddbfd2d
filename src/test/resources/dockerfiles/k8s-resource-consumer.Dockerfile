ARG BASEIMAGE
FROM $BASEIMAGE
LABEL description="consumes CPU and memory on request"

CROSS_BUILD_COPY qemu-QEMUARCH-static /usr/bin/

RUN apk add --no-cache stress-ng
ADD consumer /consumer
ADD consume-cpu/consume-cpu /consume-cpu/consume-cpu
ADD consume-mem/consume-mem /consume-mem/consume-mem
EXPOSE 8080
USER 65534:65534
ENTRYPOINT ["/consumer"]
