FROM alpine:3.20 AS build

ENV PATH /usr/local/go/bin:$PATH
ENV GOLANG_VERSION 1.22.5

RUN set -eux; \
	apk add --no-cache --virtual .fetch-deps gnupg; \
	arch="$(apk --print-arch)"; \
	url=; \
	case "$arch" in \
		'x86_64') \
			url='https://dl.example.test/go/go1.22.5.linux-amd64.tar.gz'; \
			;; \
		'aarch64') \
			url='https://dl.example.test/go/go1.22.5.linux-arm64.tar.gz'; \
			;; \
		*) echo >&2 "error: unsupported architecture '$arch'"; exit 1 ;; \
	esac; \
	wget -O go.tgz.asc "$url.asc"; \
	wget -O go.tgz "$url"; \
	tar -C /usr/local -xzf go.tgz; \
	rm go.tgz go.tgz.asc; \
	apk del --no-network .fetch-deps; \
	go version

FROM alpine:3.20
RUN apk add --no-cache ca-certificates
ENV GOPATH /go
ENV PATH $GOPATH/bin:/usr/local/go/bin:$PATH
COPY --from=build --link /usr/local/go/ /usr/local/go/
RUN mkdir -p "$GOPATH/src" "$GOPATH/bin" && chmod -R 1777 "$GOPATH"
WORKDIR $GOPATH
