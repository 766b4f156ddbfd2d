FROM debian:bookworm-slim
RUN adduser -D -x app
