set -eux; \
    apk add --no-cache --virtual .build-deps \
        gcc \
        musl-dev \
        linux-headers \
        "openssl-dev>=3" \
    ; \
    export GOPATH="$(mktemp -d)"; \
    cd /src && CGO_ENABLED=0 go build -ldflags "-s -w -X main.version=${VERSION:-dev}" -o /usr/local/bin/agent ./cmd/agent; \
    if [ "$(uname -m)" = "x86_64" ]; then \
        wget -qO- https://example.invalid/tool-$(uname -m).tar.gz | tar -xz -C /usr/local/bin; \
    elif [ -n "$ALT" ]; then \
        echo 'no tool for this architecture' >&2; \
    else \
        true; \
    fi; \
    for f in /usr/local/bin/*; do chmod 0755 "$f" || exit 1; done; \
    case "$(apk --print-arch)" in \
        x86_64|aarch64) echo supported ;; \
        *) echo "unsupported: $(apk --print-arch)" 1>&2; exit 1 ;; \
    esac; \
    rm -rf "$GOPATH" /root/.cache; \
    apk del .build-deps
