FROM debian:bookworm-slim
SHELL ["/bin/bash", "-eo", "pipefail", "-c"]
RUN bash -c 'echo ${HOSTNAME//-/_}'
