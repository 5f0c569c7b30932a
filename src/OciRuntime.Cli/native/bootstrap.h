#ifndef OCIRT_BOOTSTRAP_H
#define OCIRT_BOOTSTRAP_H

#include <stdint.h>

#define MAX_NS_PATHS 8
#define BOOTSTRAP_MAX (64 * 1024)

struct ns_path {
	uint32_t type;    /* CLONE_NEW* */
	const char *path; /* points into the message buffer */
};

struct bootstrap {
	uint32_t clone_flags;
	int has_oom_score_adj;
	int32_t oom_score_adj;
	int time_offsets;
	int ns_count;
	struct ns_path ns[MAX_NS_PATHS];
};

/* Parses a bootstrap payload in place. Returns NULL on success, else what is wrong. */
const char *bootstrap_parse(char *data, uint32_t len, struct bootstrap *out);

#endif
