FROM alpine:3.19
SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
RUN ash -c 'echo ${HOSTNAME//-/_}'
