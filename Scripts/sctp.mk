# Real kernel SCTP through a throw-away qemu VM (Scripts/sctp-vm): this machine's kernel has no SCTP.
# Include from the main Makefile with `include Scripts/sctp.mk`, or run alone: make -f Scripts/sctp.mk test-sctp
#
#   make test-sctp   install libsctp-dev, qemu, busybox-static, cpio and osmo-stp; build sipigw; run
#                    `sipigw m3ua sctp-probe` against osmo-stp inside the VM (ASPUP, ASPAC, BEAT, ASPDN, shutdown)
#   make sctp-vm-shell CMD='...'   run any command of this machine in the VM (e.g. CMD='cat /proc/net/sctp/eps')
SWIFT ?= swift
SCTP_PACKAGES := pkg-config libosip2-dev libsctp-dev libc-ares-dev qemu-system-x86 busybox-static cpio osmo-stp
SCTP_VM_TIMEOUT ?= 240

.PHONY: test-sctp deps-sctp sctp-vm-shell

deps-sctp:
	@Scripts/apt-install $(SCTP_PACKAGES)

test-sctp: deps-sctp
	$(SWIFT) build --product sipigw
	@start=$$(date +%s); \
	Scripts/sctp-vm --timeout $(SCTP_VM_TIMEOUT) -- Scripts/sctp-probe-osmo-stp .build/debug/sipigw; \
	status=$$?; echo "test-sctp: exit $$status after $$(( $$(date +%s) - start )) s (VM boot included)"; exit $$status

sctp-vm-shell: deps-sctp
	Scripts/sctp-vm --timeout $(SCTP_VM_TIMEOUT) -- bash -c '$(CMD)'
