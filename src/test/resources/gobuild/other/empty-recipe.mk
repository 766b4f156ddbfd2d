SRCS = tool
bin:
