ARG BASEIMAGE
FROM $BASEIMAGE as prep

ARG BUSYBOX_VERSION=1.36.1
RUN apk add --no-cache curl && \
    curl -fsSL https://example.test/busybox/${BUSYBOX_VERSION}/busybox-BASEARCH -o /busybox && \
    chmod 755 /busybox

FROM scratch
COPY --from=prep /busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
CMD ["sh"]
