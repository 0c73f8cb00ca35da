# fuzz.mk - make fuzz, and the sanitizer builds
