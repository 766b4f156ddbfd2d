FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build
ARG TARGETARCH
RUN apk add --no-cache git
WORKDIR /src
COPY . .
RUN GOARCH=$TARGETARCH CGO_ENABLED=0 go build -o /out/app .

FROM alpine:3.19
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
