FROM alpine:3.20
RUN apk add --no-cache \   
        openssl \	
        ca-certificates
ENTRYPOINT ["/bin/sh"]
