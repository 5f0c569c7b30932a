#include <string.h>

#include "bootstrap.h"
#include "protocol.h"

struct attr_header {
	uint16_t len; /* header included */
	uint16_t type;
};

const char *bootstrap_parse(char *data, uint32_t len, struct bootstrap *out)
{
	memset(out, 0, sizeof(*out));
	uint32_t off = 0;
	while (off < len) {
		struct attr_header h;
		if (len - off < sizeof(h))
			return "truncated attribute header";
		memcpy(&h, data + off, sizeof(h));
		if (h.len < sizeof(h) || h.len > len - off)
			return "attribute length out of range";
		char *value = data + off + sizeof(h);
		uint32_t vlen = h.len - (uint32_t)sizeof(h);

		switch (h.type) {
		case ATTR_CLONE_FLAGS:
			if (vlen != 4)
				return "clone flags must be 4 bytes";
			memcpy(&out->clone_flags, value, 4);
			break;
		case ATTR_OOM_SCORE_ADJ:
			if (vlen != 4)
				return "oom_score_adj must be 4 bytes";
			memcpy(&out->oom_score_adj, value, 4);
			out->has_oom_score_adj = 1;
			break;
		case ATTR_TIME_OFFSETS:
			if (vlen != 4)
				return "time offsets flag must be 4 bytes";
			out->time_offsets = 1;
			break;
		case ATTR_NS_PATH:
			if (out->ns_count == MAX_NS_PATHS)
				return "too many namespace paths";
			if (vlen < 6 || value[vlen - 1] != '\0')
				return "namespace path must be a type and a NUL-terminated path";
			memcpy(&out->ns[out->ns_count].type, value, 4);
			out->ns[out->ns_count].path = value + 4;
			out->ns_count++;
			break;
		default:
			return "unknown attribute";
		}
		off += (h.len + 3u) & ~3u;
	}
	return NULL;
}
