FROM debian:bookworm-slim
RUN true
COPY app /app
ENTRYPOINT ["/app"]
