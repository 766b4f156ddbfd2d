# syntax=docker/dockerfile:1
FROM debian:bookworm-slim
RUN printf '%s\n' \
    'if [ -n "$DEBUG" ]; then' \
    '  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends gdb' \
    'fi' \
    'echo '\''done'\''' \
    'rm -rf /var/lib/apt/lists/*' \
  | sh
