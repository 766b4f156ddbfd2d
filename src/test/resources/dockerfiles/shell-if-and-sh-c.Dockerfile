FROM alpine:3.20
ARG TARGETARCH
RUN if [ "$TARGETARCH" = "arm64" ]; then \
        apk add --no-cache qemu-aarch64; \
    elif [ "$TARGETARCH" = "s390x" ]; then \
        echo "no emulator" >&2; \
    else \
        true; \
    fi
RUN sh -c 'for f in /etc/*.conf; do echo "$f"; done' && ls -la /etc
RUN for d in /var/log /var/run; do mkdir -p "$d" && chmod 0755 "$d"; done; \
    (cd /tmp && touch ready) ; { echo one; echo two; } > /tmp/list
RUN case "$(uname -m)" in x86_64) echo amd ;; *) echo other ;; esac
