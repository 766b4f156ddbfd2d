NAME = webhook
HELPER = $(NAME)-helper
SRCS := $(NAME)
SRCS += $(HELPER)/$(HELPER)
SRCS += extra
export ARCH ?= amd64

bin:
	../image-util.sh bin $(SRCS)
