SRCS = tool
ifeq ($(ARCH),arm)
SRCS += armtool
endif
bin:
	../image-util.sh bin $(SRCS)
