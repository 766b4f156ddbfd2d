FROM arm64v8/alpine:3.19
RUN apk add -q --no-cache openssh-client \
 && mkdir -p /root/.ssh
CMD ["ssh", "-V"]
