FROM alpine:3.19
RUN apk add --no-cache curl
HEALTHCHECK --interval=30s CMD ["curl", "-fsS", "http://localhost:8080/ready"]
ENTRYPOINT ["/bin/ash", "-c", "exec /srv/run.sh"]
