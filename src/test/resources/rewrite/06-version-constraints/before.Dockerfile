FROM alpine:3.19
RUN apk add --no-cache nginx=1.24.0-r15 curl~8.5 "python3>3.10" 'openssl<4' "jq>=1.6"
