SRCS = tool \
	../escape
bin:
	../image-util.sh bin $(SRCS)
