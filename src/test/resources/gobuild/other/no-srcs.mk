ARCH ?= amd64

bin:
	../image-util.sh bin $(SRCS)
