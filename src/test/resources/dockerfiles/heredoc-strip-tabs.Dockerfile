FROM alpine:3.20
RUN <<-EOF
	set -e
	if [ -d /opt ]; then
		echo present
	fi
	EOF
RUN echo after
