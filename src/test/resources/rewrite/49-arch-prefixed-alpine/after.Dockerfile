FROM debian:bookworm-slim
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openssh-client \
 && mkdir -p /root/.ssh && rm -rf /var/lib/apt/lists/*
CMD ["ssh", "-V"]
