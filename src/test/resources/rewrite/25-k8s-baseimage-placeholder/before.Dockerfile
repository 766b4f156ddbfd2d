ARG BASEIMAGE
FROM $BASEIMAGE

CROSS_BUILD_COPY qemu-QEMUARCH-static /usr/bin/

RUN apk --update add bind-tools iputils curl \
    && rm -rf /var/cache/apk/*

COPY server.sh /server.sh
ENTRYPOINT ["/server.sh"]
