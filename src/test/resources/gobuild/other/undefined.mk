SRCS = tool
SRCS += $(EXTRA)
bin:
	../image-util.sh bin $(SRCS)
