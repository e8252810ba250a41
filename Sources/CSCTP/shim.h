#ifndef CSCTP_SHIM_H
#define CSCTP_SHIM_H
/* libsctp (Debian libsctp-dev, pkg-config libsctp): the lksctp-tools user API of the Linux kernel SCTP stack.
 * <netinet/sctp.h> needs these two first. */
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/sctp.h>

/* Constants Swift sees awkwardly (C enums of glibc/linux, or macros that name enum members). */
static const int csctp_ipproto_sctp = IPPROTO_SCTP;
static const int csctp_sock_stream = SOCK_STREAM;
static const int csctp_msg_notification = MSG_NOTIFICATION;
static const int csctp_msg_eor = MSG_EOR;
static const int csctp_sol_sctp = SOL_SCTP;
static const int csctp_msg_nosignal = MSG_NOSIGNAL;
#endif
