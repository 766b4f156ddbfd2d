SRCS = tool;rm
bin:
	../image-util.sh bin $(SRCS)
