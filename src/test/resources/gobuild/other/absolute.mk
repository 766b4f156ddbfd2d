SRCS = /usr/bin/tool
bin:
	../image-util.sh bin $(SRCS)
