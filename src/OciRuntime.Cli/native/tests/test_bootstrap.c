/*
 * Tests of the bootstrap parser. The first vector is the one
 * tests/OciRuntime.Tests/Launch/BootstrapMessageTests.cs expects the C# encoder to produce.
 * Prints "N passed, N failed" like the rest of the suite.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <string.h>

#include "bootstrap.h"

static int passed, failed;

#define CHECK(cond)                                                          \
	do {                                                                 \
		if (cond) {                                                  \
			passed++;                                            \
		} else {                                                     \
			failed++;                                            \
			fprintf(stderr, "%s:%d: FAILED: %s\n", __FILE__, __LINE__, #cond); \
		}                                                            \
	} while (0)

static size_t unhex(const char *hex, char *out)
{
	size_t n = 0;
	for (; hex[0] && hex[1]; hex += 2) {
		unsigned v;
		sscanf(hex, "%2x", &v);
		out[n++] = (char)v;
	}
	return n;
}

static void test_shared_vector(void)
{
	char buf[128];
	size_t len = unhex("0800010000000260"
			   "17000200000000402f70726f632f312f6e732f6e65740000"
			   "08000300f4ffffff", buf);
	struct bootstrap b;
	CHECK(bootstrap_parse(buf, (uint32_t)len, &b) == NULL);
	CHECK(b.clone_flags == (CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET));
	CHECK(b.ns_count == 1);
	CHECK(b.ns[0].type == CLONE_NEWNET);
	CHECK(strcmp(b.ns[0].path, "/proc/1/ns/net") == 0);
	CHECK(b.has_oom_score_adj && b.oom_score_adj == -12);
}

static void test_time_offsets_vector(void)
{
	char buf[64];
	size_t len = unhex("0800010080000000" "0800040001000000", buf);
	struct bootstrap b;
	CHECK(bootstrap_parse(buf, (uint32_t)len, &b) == NULL);
	CHECK(b.clone_flags == CLONE_NEWTIME);
	CHECK(b.time_offsets == 1);
	CHECK(!b.has_oom_score_adj);
}

static void test_rejects_malformed(void)
{
	char buf[64];
	struct bootstrap b;
	size_t len = unhex("08006300" "00000000", buf); /* unknown attribute 99 */
	CHECK(bootstrap_parse(buf, (uint32_t)len, &b) != NULL);
	len = unhex("20000100" "00000000", buf); /* length beyond the buffer */
	CHECK(bootstrap_parse(buf, (uint32_t)len, &b) != NULL);
	len = unhex("02000100", buf); /* length shorter than its own header */
	CHECK(bootstrap_parse(buf, (uint32_t)len, &b) != NULL);
	len = unhex("0a000200" "00000040" "2f61", buf); /* path without NUL */
	CHECK(bootstrap_parse(buf, (uint32_t)len, &b) != NULL);
	len = unhex("06000100" "0000", buf); /* clone flags of 2 bytes */
	CHECK(bootstrap_parse(buf, (uint32_t)len, &b) != NULL);
	CHECK(bootstrap_parse(buf, 0, &b) == NULL && b.clone_flags == 0 && b.ns_count == 0);
}

static void test_too_many_paths(void)
{
	char buf[512];
	char *p = buf;
	for (int i = 0; i < MAX_NS_PATHS + 1; i++)
		p += unhex("0c000200" "00000004" "2f780000", p); /* uts at "/x" */
	struct bootstrap b;
	CHECK(bootstrap_parse(buf, (uint32_t)(p - buf), &b) != NULL);
}

int main(void)
{
	test_shared_vector();
	test_time_offsets_vector();
	test_rejects_malformed();
	test_too_many_paths();
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
