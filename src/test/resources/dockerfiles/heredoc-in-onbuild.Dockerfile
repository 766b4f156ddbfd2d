FROM alpine:3.20
ONBUILD RUN <<EOF
apk add --no-cache make
make -C /src install
EOF
ONBUILD COPY <<EOF /etc/onbuild.txt
triggered
EOF
CMD ["sh"]
