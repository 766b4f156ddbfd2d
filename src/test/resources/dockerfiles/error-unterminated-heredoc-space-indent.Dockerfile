FROM alpine:3.20
COPY <<-END /etc/motd
	body
  END
