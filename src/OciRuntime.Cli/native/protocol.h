/*
 * Frames exchanged on the init socket between `ociruntime create` (the parent)
 * and the init process. Every frame is a header followed by `length` bytes:
 *
 *     struct frame_header { uint32_t type; uint32_t length; };
 *
 * The C stage uses the first few types; the managed init uses the rest over the
 * same socket once the .NET runtime has started. Keep in sync with
 * src/OciRuntime.Core/Launch/FrameType.cs.
 */
#ifndef OCIRT_PROTOCOL_H
#define OCIRT_PROTOCOL_H

#include <stdint.h>

struct frame_header {
	uint32_t type;
	uint32_t length;
};

enum frame_type {
	FRAME_BOOTSTRAP   = 0x30, /* parent -> stage 1: TLV attributes below */
	FRAME_USERMAP_PLS = 0x40, /* stage 1 -> parent: write my uid_map/gid_map */
	FRAME_USERMAP_ACK = 0x41, /* parent -> stage 1: maps written */
	FRAME_PIDS        = 0x42, /* stage 1 -> parent: int32 stage1 pid, int32 stage2 pid */
	FRAME_TIMEOFFSETS_PLS = 0x46, /* stage 1 -> parent: write my timens_offsets */
	FRAME_TIMEOFFSETS_ACK = 0x47, /* parent -> stage 1: offsets written */
	FRAME_ERROR       = 0x4f, /* any stage -> parent: UTF-8 message, then the sender exits */
};

/* Bootstrap attributes: struct { uint16_t len; uint16_t type; } + payload, padded to 4 bytes. */
enum bootstrap_attr {
	ATTR_CLONE_FLAGS   = 1, /* uint32: CLONE_NEW* namespaces to create */
	ATTR_NS_PATH       = 2, /* uint32 CLONE_NEW* type, then a NUL-terminated path to join; repeatable */
	ATTR_OOM_SCORE_ADJ = 3, /* int32 */
	ATTR_TIME_OFFSETS  = 4, /* uint32 1: the parent will write timens_offsets for the new time namespace */
};

#endif
