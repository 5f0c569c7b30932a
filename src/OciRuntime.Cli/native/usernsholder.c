/*
 * A user namespace that exists only to be named: an idmapped mount needs a user
 * namespace fd carrying the mount's own uid/gid mappings, and only a
 * single-threaded process can unshare(CLONE_NEWUSER). With _OCIRT_USERNS_HOLDER=N
 * in the environment this constructor, before .NET starts, unshares a user
 * namespace, writes one byte to fd N, and waits there until the parent (which
 * writes the maps and opens /proc/<pid>/ns/user) closes its end, then exits.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdlib.h>
#include <unistd.h>

__attribute__((constructor)) static void usernsholder(void)
{
	const char *env = getenv("_OCIRT_USERNS_HOLDER");
	if (env == NULL || *env == '\0')
		return;

	int fd = atoi(env);
	char ready = unshare(CLONE_NEWUSER) == 0 ? 'u' : 'e';
	if (write(fd, &ready, 1) != 1 || ready != 'u')
		_exit(1);
	char ignored;
	while (read(fd, &ignored, 1) > 0 || errno == EINTR)
		errno = 0;
	_exit(0);
}
