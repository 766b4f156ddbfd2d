FROM alpine:3.19
RUN apk add --no-cache libc6-compat musl-dev
COPY app /app
ENTRYPOINT ["/app"]
