ARG BASEIMAGE
FROM $BASEIMAGE

CROSS_BUILD_COPY qemu-QEMUARCH-static /usr/bin/

COPY html/ /var/www/
EXPOSE 80
ENTRYPOINT ["/agnhost", "netexec", "--http-port=80"]
