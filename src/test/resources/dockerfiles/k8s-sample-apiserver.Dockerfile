ARG BASEIMAGE
FROM golang:1.22 AS build_k8s_1_17_sample_apiserver

ENV GOPATH=/go
ENV CGO_ENABLED=0 GO111MODULE=on
ARG ARCH=amd64
ENV GOARCH=${ARCH}

WORKDIR /go/src/k8s.io/sample-apiserver
COPY . .
RUN go build -trimpath -ldflags "-s -w" -o /sample-apiserver . \
    && /sample-apiserver --help >/dev/null

FROM $BASEIMAGE
COPY --from=build_k8s_1_17_sample_apiserver /sample-apiserver /sample-apiserver
USER 65532:65532
ENTRYPOINT ["/sample-apiserver"]
