/*
 * The C stage of `ociruntime init`.
 *
 * .NET starts threads before Main, and the kernel refuses unshare(CLONE_NEWUSER)
 * and setns() into a mount or user namespace from a multi-threaded process. So
 * this constructor runs first, while the process still has one thread, and does
 * only what must precede the runtime:
 *
 *   stage 1 (the process the parent spawned):
 *     read the bootstrap frame, join namespaces given by path, create a user
 *     namespace and wait while the parent writes its id maps, unshare the other
 *     requested namespaces in one call (and wait again while the parent writes
 *     time namespace offsets), then fork: the fork is what enters a new PID or
 *     time namespace. Report both pids to the parent and exit.
 *   stage 2 (the child of that fork):
 *     start a new session and return, so the .NET runtime boots inside the
 *     container's namespaces and the managed init takes over on the same socket.
 *
 * Without _OCIRT_INITPIPE in the environment the constructor does nothing: that
 * is every ordinary CLI invocation.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "bootstrap.h"
#include "protocol.h"

static int init_pipe = -1;

static void write_all(const void *data, size_t len)
{
	const char *p = data;
	while (len > 0) {
		ssize_t n = write(init_pipe, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			_exit(1);
		p += n;
		len -= (size_t)n;
	}
}

static void send_frame(uint32_t type, const void *payload, uint32_t len)
{
	struct frame_header h = { .type = type, .length = len };
	write_all(&h, sizeof(h));
	if (len > 0)
		write_all(payload, len);
}

/* Reports a fatal error to the parent and exits; the parent shows the message. */
static void __attribute__((noreturn, format(printf, 1, 2))) bail(const char *fmt, ...)
{
	char msg[512];
	int saved = errno;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	if (saved != 0 && (size_t)n < sizeof(msg))
		n += snprintf(msg + n, sizeof(msg) - (size_t)n, ": %s", strerror(saved));
	if ((size_t)n >= sizeof(msg))
		n = sizeof(msg) - 1;
	send_frame(FRAME_ERROR, msg, (uint32_t)n);
	_exit(1);
}

static void read_exact(void *buf, size_t len)
{
	char *p = buf;
	while (len > 0) {
		ssize_t n = read(init_pipe, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			bail("nsstage: reading from the parent");
		if (n == 0) {
			errno = 0;
			bail("nsstage: the parent closed the init socket");
		}
		p += n;
		len -= (size_t)n;
	}
}

static void *read_frame(uint32_t expected, uint32_t *len)
{
	struct frame_header h;
	read_exact(&h, sizeof(h));
	errno = 0;
	if (h.type != expected)
		bail("nsstage: expected frame 0x%x from the parent, got 0x%x", expected, h.type);
	if (h.length > BOOTSTRAP_MAX)
		bail("nsstage: frame of %u bytes is too large", h.length);
	void *payload = malloc(h.length + 1);
	if (!payload)
		bail("nsstage: out of memory");
	read_exact(payload, h.length);
	*len = h.length;
	return payload;
}

static void write_oom_score_adj(int value)
{
	char text[16];
	int fd = open("/proc/self/oom_score_adj", O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		bail("nsstage: opening /proc/self/oom_score_adj");
	int n = snprintf(text, sizeof(text), "%d", value);
	if (write(fd, text, (size_t)n) != n)
		bail("nsstage: writing %d to /proc/self/oom_score_adj", value);
	close(fd);
}

/*
 * Joins namespaces by path. Every path is opened before the first setns,
 * because joining a mount or user namespace can make the others unreachable.
 * Joining a user namespace grants rights to join the namespaces it owns, so
 * non-user ones that fail with EPERM are retried after it.
 */
static void join_namespaces(struct bootstrap *b)
{
	int fds[MAX_NS_PATHS];
	int joined[MAX_NS_PATHS] = { 0 };

	for (int i = 0; i < b->ns_count; i++) {
		fds[i] = open(b->ns[i].path, O_RDONLY | O_CLOEXEC);
		if (fds[i] < 0)
			bail("nsstage: opening namespace %s", b->ns[i].path);
	}
	for (int pass = 0; pass < 3; pass++) {
		for (int i = 0; i < b->ns_count; i++) {
			int is_user = b->ns[i].type == CLONE_NEWUSER;
			if (joined[i] || (pass == 1) != is_user)
				continue;
			if (setns(fds[i], (int)b->ns[i].type) < 0) {
				if (pass == 0 && errno == EPERM)
					continue;
				bail("nsstage: setns into %s", b->ns[i].path);
			}
			joined[i] = 1;
			if (is_user && setresgid(0, 0, 0) < 0)
				bail("nsstage: setresgid(0) in the joined user namespace");
			if (is_user && setresuid(0, 0, 0) < 0)
				bail("nsstage: setresuid(0) in the joined user namespace");
		}
	}
	for (int i = 0; i < b->ns_count; i++)
		close(fds[i]);
}

/* The parent owns /proc/<pid>/{uid_map,gid_map}; we ask and wait. While we are
 * not dumpable those files belong to root, so an unprivileged parent (or the
 * newuidmap it runs) could not write them: dumpable only for the handshake. */
static void create_user_namespace(void)
{
	uint32_t len;
	if (unshare(CLONE_NEWUSER) < 0)
		bail("nsstage: unshare(CLONE_NEWUSER)");
	if (prctl(PR_SET_DUMPABLE, 1, 0, 0, 0) < 0)
		bail("nsstage: prctl(PR_SET_DUMPABLE, 1)");
	send_frame(FRAME_USERMAP_PLS, NULL, 0);
	free(read_frame(FRAME_USERMAP_ACK, &len));
	if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) < 0)
		bail("nsstage: prctl(PR_SET_DUMPABLE, 0)");
	if (setresgid(0, 0, 0) < 0)
		bail("nsstage: setresgid(0) in the new user namespace");
	if (setresuid(0, 0, 0) < 0)
		bail("nsstage: setresuid(0) in the new user namespace");
}

static void run_stage1(struct bootstrap *b)
{
	prctl(PR_SET_NAME, "ocirt:[1:CHILD]", 0, 0, 0);
	if (b->has_oom_score_adj)
		write_oom_score_adj(b->oom_score_adj);
	/* Until it execs the user's program nothing in the container may ptrace
	 * or read our memory (CVE-2016-9962). execve resets this. */
	if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) < 0)
		bail("nsstage: prctl(PR_SET_DUMPABLE)");

	join_namespaces(b);

	uint32_t flags = b->clone_flags;
	if (flags & CLONE_NEWUSER)
		create_user_namespace();
	/* All the rest at once, after the user namespace is mapped, so they are
	 * owned by it (mqueue and SELinux labelling rely on this order). */
	flags &= ~(uint32_t)CLONE_NEWUSER;
	if (flags != 0 && unshare((int)flags) < 0)
		bail("nsstage: unshare(0x%x)", flags);

	/* A new time namespace's offsets can only be written before any process
	 * enters it, so the parent writes them now, before the fork. */
	if (b->time_offsets && (flags & CLONE_NEWTIME)) {
		uint32_t len;
		send_frame(FRAME_TIMEOFFSETS_PLS, NULL, 0);
		free(read_frame(FRAME_TIMEOFFSETS_ACK, &len));
	}

	pid_t child = fork();
	if (child < 0)
		bail("nsstage: fork into the new namespaces");
	if (child == 0)
		return;

	int32_t pids[2] = { getpid(), child };
	send_frame(FRAME_PIDS, pids, sizeof(pids));
	_exit(0);
}

static void run_stage2(void)
{
	prctl(PR_SET_NAME, "ocirt:[2:INIT]", 0, 0, 0);
	if (setsid() < 0)
		bail("nsstage: setsid");
}

__attribute__((constructor)) static void nsstage(void)
{
	const char *env = getenv("_OCIRT_INITPIPE");
	if (env == NULL || *env == '\0')
		return;

	char *end;
	errno = 0;
	long fd = strtol(env, &end, 10);
	if (errno != 0 || *end != '\0' || fd < 0 || fd > 1024) {
		fprintf(stderr, "nsstage: bad _OCIRT_INITPIPE=%s\n", env);
		_exit(1);
	}
	init_pipe = (int)fd;

	uint32_t len;
	char *payload = read_frame(FRAME_BOOTSTRAP, &len);
	struct bootstrap b;
	const char *problem = bootstrap_parse(payload, len, &b);
	if (problem != NULL) {
		errno = 0;
		bail("nsstage: bad bootstrap message: %s", problem);
	}

	run_stage1(&b);
	free(payload);
	run_stage2();
}
